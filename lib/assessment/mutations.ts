/**
 * Writes of 考核: the rubric (import, add, edit, delete), links, the 自评得分 (accept a proposal or
 * override it with a reason) and the assessors' 考核得分. Each is one transaction with its audit row;
 * scores are written by a conditional update on the indicator's version (no lost updates).
 */
import { ConflictError, UserFacingError } from "@/lib/action-state";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { can } from "@/lib/auth/permissions";
import { isRole } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db";
import { loadProposal } from "./queries";
import { REASON_REQUIRED, scoreProblem } from "./rules";
import type { AddIndicatorInput, AssessorScoreInput, ImportRubricInput, LinkItemInput, OverrideScoreInput, RubricRowInput, UpdateIndicatorInput } from "./schemas";

export const NOT_ALLOWED_MESSAGE = "您没有执行此操作的权限";
export const NOT_FOUND_MESSAGE = "考核指标不存在";
export const REPLACE_QUESTION = "该年度已有考核指标，是否替换？";
export const REPLACE_REFUSED = "该年度考核指标已有评分，不能整体替换，请逐项修改";
export const LINK_EXISTS_MESSAGE = "该项已关联";
export const LINK_TARGET_MISSING = "要关联的内容不存在或不属于该年度";
export const NOT_LEAF_MESSAGE = "只有末级指标才能评分和关联";

export class ReplaceConfirmationNeeded extends UserFacingError {
  constructor() {
    super(REPLACE_QUESTION);
  }
}

function assertCanEdit(actor: AuditActor) {
  if (!isRole(actor.role) || !can(actor.role, "assessment:edit")) throw new UserFacingError(NOT_ALLOWED_MESSAGE);
}

/** Problems of an imported rubric, in Chinese (empty: it can be saved). */
export function rubricProblems(rows: readonly RubricRowInput[]): string[] {
  const problems: string[] = [];
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    if (i === 0 && row.level !== 1) problems.push("第一项必须是一级指标");
    if (previous && row.level > previous.level + 1) problems.push(`第${i + 1}项“${row.title}”的级别不能跳级`);
    const next = rows[i + 1];
    const isLeaf = !next || next.level <= row.level;
    if (isLeaf && row.points === null) problems.push(`“${row.title}”未填分值`);
    if (isLeaf && row.rule === "DEDUCTION" && !(row.deduction && row.deduction > 0)) problems.push(`“${row.title}”按扣分计分，请填写每项扣分值`);
  });
  return problems;
}

async function insertRows(tx: Tx, year: number, rows: readonly RubricRowInput[], startOrdinal = 0) {
  const open: number[] = [];
  let ordinal = startOrdinal;
  for (const row of rows) {
    const parentId = row.level > 1 ? (open[row.level - 2] ?? null) : null;
    const created = await tx.assessmentIndicator.create({
      data: { year, parentId, level: row.level, ordinal: ordinal++, title: row.title, content: row.content, criteria: row.criteria, points: row.points, rule: row.rule, deduction: row.rule === "DEDUCTION" ? row.deduction : null },
    });
    open.length = row.level - 1;
    open[row.level - 1] = created.id;
  }
}

export async function importRubric(db: Db, actor: AuditActor, input: ImportRubricInput) {
  assertCanEdit(actor);
  const problems = rubricProblems(input.rows);
  if (problems.length > 0) throw new UserFacingError(problems.slice(0, 3).join("；"));
  return db.$transaction(async (tx) => {
    const existing = await tx.assessmentIndicator.findMany({ where: { year: input.year }, select: { id: true, selfScore: true, assessorScore: true } });
    if (existing.length > 0) {
      if (existing.some((r) => r.selfScore !== null || r.assessorScore !== null)) throw new UserFacingError(REPLACE_REFUSED);
      if (input.replace !== "1") throw new ReplaceConfirmationNeeded();
      await tx.assessmentIndicator.deleteMany({ where: { year: input.year } });
    }
    await insertRows(tx, input.year, input.rows);
    await writeAudit(tx, actor, { entity: "Assessment", entityId: input.year, action: existing.length > 0 ? "import.replace" : "import", after: { year: input.year, indicators: input.rows.length, replaced: existing.length } });
    return { count: input.rows.length };
  });
}

export async function addIndicator(db: Db, actor: AuditActor, input: AddIndicatorInput) {
  assertCanEdit(actor);
  return db.$transaction(async (tx) => {
    let level = 1;
    let ordinal: number;
    const parentId = input.parentId === "" ? null : input.parentId;
    if (parentId !== null) {
      const parent = await tx.assessmentIndicator.findFirst({ where: { id: parentId, year: input.year }, include: { links: { select: { id: true } } } });
      if (!parent) throw new UserFacingError("上级指标不存在");
      if (parent.level >= 3) throw new UserFacingError("三级指标下不能再添加指标");
      if (parent.selfScore !== null || parent.links.length > 0) throw new UserFacingError("该指标已评分或已关联，不能再添加下级指标");
      level = parent.level + 1;
      // After the parent's last descendant.
      const all = await tx.assessmentIndicator.findMany({ where: { year: input.year }, orderBy: [{ ordinal: "asc" }, { id: "asc" }], select: { id: true, parentId: true, ordinal: true } });
      const inside = new Set([parent.id]);
      let last = parent.ordinal;
      for (const r of all) if (r.parentId !== null && inside.has(r.parentId)) { inside.add(r.id); last = Math.max(last, r.ordinal); }
      ordinal = last + 1;
      await tx.assessmentIndicator.updateMany({ where: { year: input.year, ordinal: { gte: ordinal } }, data: { ordinal: { increment: 1 } } });
    } else {
      const max = await tx.assessmentIndicator.aggregate({ where: { year: input.year }, _max: { ordinal: true } });
      ordinal = (max._max.ordinal ?? -1) + 1;
    }
    if (input.rule === "DEDUCTION" && !(input.deduction && input.deduction > 0)) throw new UserFacingError("按扣分计分，请填写每项扣分值");
    const created = await tx.assessmentIndicator.create({
      data: { year: input.year, parentId, level, ordinal, title: input.title, content: input.content, criteria: input.criteria, points: input.points, rule: input.rule, deduction: input.rule === "DEDUCTION" ? input.deduction : null },
    });
    await writeAudit(tx, actor, { entity: "AssessmentIndicator", entityId: created.id, action: "create", after: created });
    return created;
  });
}

export async function updateIndicator(db: Db, actor: AuditActor, input: UpdateIndicatorInput) {
  assertCanEdit(actor);
  if (input.rule === "DEDUCTION" && !(input.deduction && input.deduction > 0)) throw new UserFacingError("按扣分计分，请填写每项扣分值");
  return db.$transaction(async (tx) => {
    const before = await tx.assessmentIndicator.findUnique({ where: { id: input.id } });
    if (!before) throw new UserFacingError(NOT_FOUND_MESSAGE);
    for (const [score, label] of [[before.selfScore, "自评得分"], [before.assessorScore, "考核得分"]] as const) {
      if (score !== null && (input.points === null || score > input.points)) throw new UserFacingError(`已记录的${label}（${score} 分）超过新的分值，请先修改得分`);
    }
    const data = { title: input.title, content: input.content, criteria: input.criteria, points: input.points, rule: input.rule, deduction: input.rule === "DEDUCTION" ? input.deduction : null, version: { increment: 1 } };
    const { count } = await tx.assessmentIndicator.updateMany({ where: { id: input.id, version: input.version }, data });
    if (count === 0) throw new ConflictError();
    const after = await tx.assessmentIndicator.findUniqueOrThrow({ where: { id: input.id } });
    await writeAudit(tx, actor, { entity: "AssessmentIndicator", entityId: input.id, action: "update", before, after });
    return after;
  });
}

export async function deleteIndicator(db: Db, actor: AuditActor, input: { id: number }) {
  assertCanEdit(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.assessmentIndicator.findUnique({ where: { id: input.id }, include: { _count: { select: { children: true } } } });
    if (!before) throw new UserFacingError(NOT_FOUND_MESSAGE);
    if (before._count.children > 0) throw new UserFacingError("请先删除其下级指标");
    await tx.assessmentIndicator.delete({ where: { id: input.id } });
    await writeAudit(tx, actor, { entity: "AssessmentIndicator", entityId: input.id, action: "delete", before });
    return before;
  });
}

async function refBelongsToYear(tx: Tx, kind: string, refId: number, year: number): Promise<boolean> {
  switch (kind) {
    case "POINT":
      return (await tx.workPoint.count({ where: { id: refId, plan: { year } } })) > 0;
    case "TARGET":
      return (await tx.target.count({ where: { id: refId, plan: { year } } })) > 0;
    case "LEDGER":
      return (await tx.ledgerEntry.count({ where: { id: refId, year, deletedAt: null } })) > 0;
    default:
      return false;
  }
}

export async function linkItem(db: Db, actor: AuditActor, input: LinkItemInput) {
  assertCanEdit(actor);
  return db.$transaction(async (tx) => {
    const indicator = await tx.assessmentIndicator.findUnique({ where: { id: input.indicatorId }, include: { _count: { select: { children: true } } } });
    if (!indicator) throw new UserFacingError(NOT_FOUND_MESSAGE);
    if (indicator._count.children > 0) throw new UserFacingError(NOT_LEAF_MESSAGE);
    if (!(await refBelongsToYear(tx, input.kind, input.refId, indicator.year))) throw new UserFacingError(LINK_TARGET_MISSING);
    const existing = await tx.assessmentLink.findUnique({ where: { indicatorId_kind_refId: input } });
    if (existing) throw new UserFacingError(LINK_EXISTS_MESSAGE);
    const link = await tx.assessmentLink.create({ data: input });
    await writeAudit(tx, actor, { entity: "AssessmentLink", entityId: link.id, action: "create", after: link });
    return link;
  });
}

export async function unlinkItem(db: Db, actor: AuditActor, input: { linkId: number }) {
  assertCanEdit(actor);
  return db.$transaction(async (tx) => {
    const link = await tx.assessmentLink.findUnique({ where: { id: input.linkId } });
    if (!link) throw new UserFacingError("该关联不存在");
    await tx.assessmentLink.delete({ where: { id: link.id } });
    await writeAudit(tx, actor, { entity: "AssessmentLink", entityId: link.id, action: "delete", before: link });
    return link;
  });
}

async function writeScore(tx: Tx, actor: AuditActor, id: number, version: number, data: Record<string, unknown>, action: string) {
  const before = await tx.assessmentIndicator.findUnique({ where: { id } });
  if (!before) throw new UserFacingError(NOT_FOUND_MESSAGE);
  const { count } = await tx.assessmentIndicator.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new ConflictError();
  const after = await tx.assessmentIndicator.findUniqueOrThrow({ where: { id } });
  await writeAudit(tx, actor, { entity: "AssessmentIndicator", entityId: id, action, before: pick(before), after: pick(after) });
  return after;
}

const pick = (r: { selfScore: number | null; selfReason: string; selfSource: string | null; assessorScore: number | null; assessorRemark: string; points: number | null }) => ({
  points: r.points, selfScore: r.selfScore, selfReason: r.selfReason, selfSource: r.selfSource, assessorScore: r.assessorScore, assessorRemark: r.assessorRemark,
});

/** Stores the proposal as computed now (never a figure sent by the browser). */
export async function acceptProposal(db: Db, actor: AuditActor, input: { id: number; version: number }) {
  assertCanEdit(actor);
  const found = await loadProposal(db, input.id);
  if (!found) throw new UserFacingError(NOT_FOUND_MESSAGE);
  if (!found.isLeaf) throw new UserFacingError(NOT_LEAF_MESSAGE);
  const { proposal } = found;
  if (proposal.score === null) throw new UserFacingError(`无法采纳：${proposal.basis}`);
  return db.$transaction((tx) =>
    writeScore(tx, actor, input.id, input.version, { selfScore: proposal.score, selfReason: proposal.basis, selfSource: "PROPOSAL", scoredById: actor.id, scoredAt: new Date() }, "score.accept"),
  );
}

export async function overrideScore(db: Db, actor: AuditActor, input: OverrideScoreInput) {
  assertCanEdit(actor);
  if (input.reason.trim() === "") throw new UserFacingError(REASON_REQUIRED);
  return db.$transaction(async (tx) => {
    const row = await tx.assessmentIndicator.findUnique({ where: { id: input.id }, include: { _count: { select: { children: true } } } });
    if (!row) throw new UserFacingError(NOT_FOUND_MESSAGE);
    if (row._count.children > 0) throw new UserFacingError(NOT_LEAF_MESSAGE);
    const problem = scoreProblem(input.score, row.points);
    if (problem) throw new UserFacingError(problem);
    return writeScore(tx, actor, input.id, input.version, { selfScore: input.score, selfReason: input.reason, selfSource: "OVERRIDE", scoredById: actor.id, scoredAt: new Date() }, "score.override");
  });
}

export async function recordAssessorScore(db: Db, actor: AuditActor, input: AssessorScoreInput) {
  assertCanEdit(actor);
  return db.$transaction(async (tx) => {
    const row = await tx.assessmentIndicator.findUnique({ where: { id: input.id }, include: { _count: { select: { children: true } } } });
    if (!row) throw new UserFacingError(NOT_FOUND_MESSAGE);
    if (row._count.children > 0) throw new UserFacingError(NOT_LEAF_MESSAGE);
    const problem = scoreProblem(input.score, row.points);
    if (problem) throw new UserFacingError(problem.replace("得分", "考核得分"));
    return writeScore(tx, actor, input.id, input.version, { assessorScore: input.score, assessorRemark: input.remark }, "score.assessor");
  });
}
