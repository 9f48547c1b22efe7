import type { Db, Tx } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { ConflictError, UserFacingError } from "@/lib/action-state";
import { approvedQuantities } from "./queries";
import { carriedOver, replaceYear, shiftNullable, type Comparator, type TargetKind } from "./copy";
import type { CreateTargetInput, DeleteTargetInput, PlanVersionInput, UpdatePointInput, UpdateTargetInput } from "./schemas";

export const ARCHIVED_MESSAGE = "已归档的工作要点不能修改";
export const TARGET_HAS_LEDGER_MESSAGE = "该指标已有台账数据，不能删除";

/** Audit JSON of plan rows starts with planId, so the plan's history is one prefix match (queries.ts). */
export function planScoped<T extends object>(planId: number, row: T): { planId: number } & T {
  return { planId, ...row };
}

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

type PointRow = {
  id: number; planId: number; number: number; title: string; text: string; leadOfficeId: number | null;
  deadline: Date | null; deadlineText: string; responsible: string; completedAt: Date | null; carriedOver: boolean; version: number;
  supportOffices: { officeId: number }[];
};

function pointSnapshot(p: PointRow, planStatus: string) {
  return planScoped(p.planId, {
    id: p.id, number: p.number, title: p.title, text: p.text, leadOfficeId: p.leadOfficeId,
    supportOfficeIds: p.supportOffices.map((s) => s.officeId).sort((a, b) => a - b),
    deadline: isoDay(p.deadline), deadlineText: p.deadlineText, responsible: p.responsible,
    completedAt: isoDay(p.completedAt), carriedOver: p.carriedOver, version: p.version, planStatus,
  });
}

type TargetRow = {
  id: number; planId: number; workPointId: number; ordinal: number; sourceText: string; subject: string;
  comparator: string; value: number; unit: string; kind: string; deadline: Date | null; version: number;
};

function targetSnapshot(t: TargetRow, planStatus: string, pointNumber: number) {
  return planScoped(t.planId, {
    id: t.id, workPointId: t.workPointId, pointNumber, subject: t.subject, comparator: t.comparator, value: t.value,
    unit: t.unit, kind: t.kind, sourceText: t.sourceText, deadline: isoDay(t.deadline), version: t.version, planStatus,
  });
}

function planSnapshot(p: { id: number; year: number; title: string; status: string; publishedAt: Date | null; version: number }) {
  return planScoped(p.id, { year: p.year, title: p.title, status: p.status, publishedAt: p.publishedAt?.toISOString() ?? null, version: p.version });
}

function assertEditable(plan: { status: string }) {
  if (plan.status === "ARCHIVED") throw new UserFacingError(ARCHIVED_MESSAGE);
}

/** Every office must exist and be active, except ones the row already had (kept as they are). */
export async function assertOffices(tx: Tx, ids: number[], alreadyAssigned: number[] = []) {
  const wanted = [...new Set(ids)].filter((id) => !alreadyAssigned.includes(id));
  if (wanted.length === 0) return;
  const found = await tx.office.findMany({ where: { id: { in: wanted }, active: true }, select: { id: true } });
  if (found.length !== wanted.length) throw new UserFacingError("所选科室不存在或已停用");
}

function todayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export async function updatePoint(db: Db, actor: AuditActor, input: UpdatePointInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.workPoint.findUnique({ where: { id: input.id }, include: { supportOffices: true, plan: true } });
    if (!before) throw new UserFacingError("工作要点不存在");
    assertEditable(before.plan);
    const support = [...new Set(input.supportOfficeIds)].filter((id) => id !== input.leadOfficeId);
    const assigned = [before.leadOfficeId, ...before.supportOffices.map((s) => s.officeId)].filter((id): id is number => id !== null);
    await assertOffices(tx, [...(input.leadOfficeId ? [input.leadOfficeId] : []), ...support], assigned);
    const completedAt = input.completed ? (input.completedAt ?? before.completedAt ?? todayUtc()) : null;
    const { count } = await tx.workPoint.updateMany({
      where: { id: input.id, version: input.version },
      data: {
        title: input.title, text: input.text, leadOfficeId: input.leadOfficeId, deadline: input.deadline,
        deadlineText: input.deadlineText, responsible: input.responsible, completedAt, carriedOver: input.carriedOver,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError();
    await tx.workPointSupport.deleteMany({ where: { workPointId: input.id } });
    if (support.length) await tx.workPointSupport.createMany({ data: support.map((officeId) => ({ workPointId: input.id, officeId })) });
    const after = await tx.workPoint.findUniqueOrThrow({ where: { id: input.id }, include: { supportOffices: true } });
    await writeAudit(tx, actor, {
      entity: "WorkPoint", entityId: input.id, action: "update",
      before: pointSnapshot(before, before.plan.status), after: pointSnapshot(after, before.plan.status),
    });
    return { point: after, year: before.plan.year };
  });
}

function targetData(input: Omit<CreateTargetInput, "workPointId">) {
  return {
    subject: input.subject, comparator: input.comparator, value: input.kind === "BOOLEAN" ? 1 : input.value,
    unit: input.unit, kind: input.kind, sourceText: input.sourceText, deadline: input.deadline,
  };
}

export async function createTarget(db: Db, actor: AuditActor, input: CreateTargetInput) {
  return db.$transaction(async (tx) => {
    const point = await tx.workPoint.findUnique({ where: { id: input.workPointId }, include: { plan: true } });
    if (!point) throw new UserFacingError("工作要点不存在");
    assertEditable(point.plan);
    const last = await tx.target.findFirst({ where: { planId: point.planId }, orderBy: { ordinal: "desc" }, select: { ordinal: true } });
    const { workPointId: _omit, ...fields } = input;
    const target = await tx.target.create({
      data: { planId: point.planId, workPointId: point.id, ordinal: (last?.ordinal ?? -1) + 1, ...targetData(fields) },
    });
    await writeAudit(tx, actor, { entity: "Target", entityId: target.id, action: "create", after: targetSnapshot(target, point.plan.status, point.number) });
    return { target, year: point.plan.year };
  });
}

async function loadTarget(tx: Tx, id: number) {
  const target = await tx.target.findUnique({ where: { id }, include: { plan: true, workPoint: { select: { number: true } } } });
  if (!target) throw new UserFacingError("量化指标不存在");
  assertEditable(target.plan);
  return target;
}

export async function updateTarget(db: Db, actor: AuditActor, input: UpdateTargetInput) {
  return db.$transaction(async (tx) => {
    const before = await loadTarget(tx, input.id);
    const { id, version, ...fields } = input;
    const { count } = await tx.target.updateMany({ where: { id, version }, data: { ...targetData(fields), version: { increment: 1 } } });
    if (count === 0) throw new ConflictError();
    const after = await tx.target.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, actor, {
      entity: "Target", entityId: id, action: "update",
      before: targetSnapshot(before, before.plan.status, before.workPoint.number),
      after: targetSnapshot(after, before.plan.status, before.workPoint.number),
    });
    return { target: after, year: before.plan.year };
  });
}

export async function deleteTarget(db: Db, actor: AuditActor, input: DeleteTargetInput) {
  return db.$transaction(async (tx) => {
    const before = await loadTarget(tx, input.id);
    if ((await tx.ledgerQuantity.count({ where: { targetId: input.id } })) > 0) throw new UserFacingError(TARGET_HAS_LEDGER_MESSAGE);
    const { count } = await tx.target.deleteMany({ where: { id: input.id, version: input.version } });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, actor, { entity: "Target", entityId: input.id, action: "delete", before: targetSnapshot(before, before.plan.status, before.workPoint.number) });
    return { year: before.plan.year };
  });
}

async function changeStatus(db: Db, actor: AuditActor, input: PlanVersionInput, from: string, to: string, action: string, wrongState: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.plan.findUnique({ where: { id: input.id } });
    if (!before) throw new UserFacingError("工作要点不存在");
    if (before.status !== from) throw new UserFacingError(wrongState);
    if (to === "PUBLISHED" && (await tx.workPoint.count({ where: { planId: before.id } })) === 0) {
      throw new UserFacingError("没有任何工作要点，不能发布");
    }
    const { count } = await tx.plan.updateMany({
      where: { id: input.id, version: input.version, status: from },
      data: { status: to, version: { increment: 1 }, ...(to === "PUBLISHED" ? { publishedAt: new Date() } : {}) },
    });
    if (count === 0) throw new ConflictError();
    const after = await tx.plan.findUniqueOrThrow({ where: { id: input.id } });
    await writeAudit(tx, actor, { entity: "Plan", entityId: input.id, action, before: planSnapshot(before), after: planSnapshot(after) });
    return after;
  });
}

export function publishPlan(db: Db, actor: AuditActor, input: PlanVersionInput) {
  return changeStatus(db, actor, input, "DRAFT", "PUBLISHED", "publish", "只有草稿状态的工作要点可以发布");
}

export function archivePlan(db: Db, actor: AuditActor, input: PlanVersionInput) {
  return changeStatus(db, actor, input, "PUBLISHED", "ARCHIVED", "archive", "只有已发布的工作要点可以归档");
}

/**
 * Copies a plan to the next year as a DRAFT: sections, points (offices, deadlines + 1 year),
 * targets; points not completed this year are marked carriedOver (rules in copy.ts).
 */
export async function copyPlanToNextYear(db: Db, actor: AuditActor, input: PlanVersionInput) {
  return db.$transaction(
    async (tx) => {
      const source = await tx.plan.findUnique({
        where: { id: input.id },
        include: {
          sections: { orderBy: { ordinal: "asc" } },
          points: { orderBy: { number: "asc" }, include: { supportOffices: { include: { office: true } }, targets: { orderBy: [{ ordinal: "asc" }, { id: "asc" }] } } },
        },
      });
      if (!source) throw new UserFacingError("工作要点不存在");
      if (source.version !== input.version) throw new ConflictError();
      const year = source.year + 1;
      if (await tx.plan.findUnique({ where: { year }, select: { id: true } })) throw new UserFacingError(`${year} 年已有工作要点，不能复制`);
      const quantities = await approvedQuantities(tx, source.id);
      const byTarget = new Map<number, { value: number; completes: boolean; date: Date }[]>();
      for (const q of quantities) {
        const list = byTarget.get(q.targetId) ?? [];
        list.push({ value: q.value, completes: q.completes, date: q.entry.date });
        byTarget.set(q.targetId, list);
      }
      const plan = await tx.plan.create({
        data: {
          year, title: replaceYear(source.title, source.year, year), unitName: source.unitName,
          preamble: replaceYear(source.preamble, source.year, year), status: "DRAFT",
        },
      });
      const sectionIds = new Map<number, number>();
      for (const section of source.sections) {
        const created = await tx.section.create({ data: { planId: plan.id, ordinal: section.ordinal, title: section.title } });
        sectionIds.set(section.id, created.id);
      }
      const carried: number[] = [];
      for (const point of source.points) {
        const isCarried = carriedOver({
          completedAt: point.completedAt,
          targets: point.targets.map((t) => ({ comparator: t.comparator as Comparator, kind: t.kind as TargetKind, value: t.value, quantities: byTarget.get(t.id) ?? [] })),
        });
        if (isCarried) carried.push(point.number);
        await tx.workPoint.create({
          data: {
            planId: plan.id, sectionId: sectionIds.get(point.sectionId)!, number: point.number, title: point.title, text: point.text,
            leadOfficeId: point.leadOfficeId, deadline: shiftNullable(point.deadline), deadlineText: replaceYear(point.deadlineText, source.year, year),
            responsible: point.responsible, startDate: shiftNullable(point.startDate), carriedOver: isCarried,
            supportOffices: { create: point.supportOffices.filter((s) => s.office.active).map((s) => ({ officeId: s.officeId })) },
            targets: {
              create: point.targets.map((t) => ({
                planId: plan.id, ordinal: t.ordinal, sourceText: replaceYear(t.sourceText, source.year, year), subject: t.subject,
                comparator: t.comparator, value: t.value, unit: t.unit, kind: t.kind, deadline: shiftNullable(t.deadline),
              })),
            },
          },
        });
      }
      const summary = { year, fromPlanId: source.id, fromYear: source.year, points: source.points.length, carriedOver: carried };
      await writeAudit(tx, actor, { entity: "Plan", entityId: plan.id, action: "copy", after: planScoped(plan.id, summary) });
      await writeAudit(tx, actor, { entity: "Plan", entityId: source.id, action: "copy.out", after: planScoped(source.id, { toPlanId: plan.id, toYear: year }) });
      return { plan, carriedOver: carried };
    },
    { timeout: 30_000 },
  );
}
