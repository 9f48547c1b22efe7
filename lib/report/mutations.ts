/**
 * Writes to the annual report: generate, save a part, regenerate a part, move through the
 * workflow, record an export. Each change and its audit row share one transaction; parts and
 * reports are guarded by their version (optimistic locking) and by the report's status in the
 * same UPDATE, so a concurrent 送审 cannot let an edit slip into a report under review.
 *
 * Every version of a part has a ReportPartRevision row holding its text (who, when), so the
 * revisions list is the part's full history and regenerating never loses an edit.
 */

import type { Db, Tx } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { ConflictError, UserFacingError } from "@/lib/action-state";
import { calendarDayAt } from "@/lib/progress/dates";
import { draftPart, draftReport, reportTitle } from "./draft";
import { buildReportFacts } from "./facts";
import { unitSignOff } from "./output";
import type { GenerateReportInput, RegeneratePartInput, SavePartInput, TransitionInput, UpdateHeaderInput } from "./schemas";
import { PART_HEADINGS, PREFACE_HEADING, PREFACE_KEY, type DraftPartKey, type EditableKey } from "./types";
import { submitBlockedByPlaceholders } from "./gaps";
import { editBlockedReason, normalizeContent, prefaceForTitle, signOffBlockedReason, TRANSITIONS, transitionBlockedReason, type ReportTransition } from "./workflow";
import { loadCycleSettings, principalLeader, writeCycleNotice } from "@/lib/report-cycle/settings";
import { reportTransitionNotice } from "@/lib/report-cycle/notices";

export const NO_REPORT_MESSAGE = "该年度报告尚未生成";

export async function generateReport(db: Db, actor: AuditActor, input: GenerateReportInput) {
  const [existing, plan] = await Promise.all([
    db.annualReport.findUnique({ where: { year: input.year }, select: { id: true } }),
    db.plan.findUnique({ where: { year: input.year }, select: { id: true } }),
  ]);
  if (existing) throw new UserFacingError("该年度报告已生成，请直接修改");
  if (!plan) throw new UserFacingError(`没有${input.year}年度的工作要点，无法生成报告`);
  const facts = await buildReportFacts(db, input.year);
  const draft = draftReport(facts);
  return db.$transaction(async (tx) => {
    const report = await tx.annualReport.create({
      // signature "" follows the unit settings until someone gives this report its own.
      data: { year: input.year, title: draft.title, signature: "", status: "DRAFT" },
    });
    const preface = { key: PREFACE_KEY, heading: PREFACE_HEADING, content: draft.preface, sources: {} };
    for (const part of [preface, ...draft.parts]) {
      await tx.reportPart.create({
        data: {
          reportId: report.id,
          key: part.key,
          heading: part.heading,
          content: part.content,
          sources: JSON.stringify(part.sources),
          updatedById: actor.id,
          revisions: { create: { version: 1, content: part.content, savedById: actor.id } },
        },
      });
    }
    await writeAudit(tx, actor, {
      entity: "AnnualReport",
      entityId: report.id,
      action: "generate",
      after: { year: report.year, title: report.title, status: report.status, parts: draft.parts.map((p) => p.key) },
    });
    return report;
  });
}

/**
 * A report generated before the opening paragraph was stored has no preface row: it is created
 * (version 1, the text the report showed until now) before the first edit. The unique
 * (reportId, key) makes a concurrent second creation fail, read as a conflict.
 */
async function ensurePrefacePart(tx: Tx, year: number, actor: AuditActor) {
  const report = await tx.annualReport.findUnique({ where: { year }, select: { id: true, title: true, parts: { where: { key: PREFACE_KEY }, select: { id: true } } } });
  if (!report || report.parts.length > 0) return;
  const unit = unitSignOff(await tx.unitSettings.findUnique({ where: { id: 1 } }));
  const content = prefaceForTitle(report.title, year, unit.unitName);
  try {
    await tx.reportPart.create({
      data: {
        reportId: report.id,
        key: PREFACE_KEY,
        heading: PREFACE_HEADING,
        content,
        updatedById: actor.id,
        revisions: { create: { version: 1, content, savedById: actor.id } },
      },
    });
  } catch {
    throw new ConflictError();
  }
}

async function findPart(db: Db | Tx, year: number, key: EditableKey) {
  const part = await db.reportPart.findFirst({ where: { key, report: { year } }, include: { report: { select: { id: true, status: true } } } });
  if (!part) throw new UserFacingError(NO_REPORT_MESSAGE);
  const blocked = editBlockedReason(part.report.status);
  if (blocked) throw new UserFacingError(blocked);
  return part;
}

/** The guarded UPDATE's where: this version, and only while the report is a draft. */
function guard(partId: number, version: number) {
  return { id: partId, version, report: { status: "DRAFT" } };
}

export type SavePartResult = { changed: false; version: number } | { changed: true; version: number };

export async function saveReportPart(db: Db, actor: AuditActor, input: SavePartInput): Promise<SavePartResult> {
  const content = normalizeContent(input.content);
  if (!content) throw new UserFacingError("内容不能为空；如无内容可写“无。”");
  return db.$transaction(async (tx) => {
    if (input.key === PREFACE_KEY) await ensurePrefacePart(tx, input.year, actor);
    const part = await findPart(tx, input.year, input.key);
    if (part.version !== input.version) throw new ConflictError();
    if (part.content === content) return { changed: false as const, version: part.version };
    const { count } = await tx.reportPart.updateMany({
      where: guard(part.id, input.version),
      data: { content, edited: true, version: { increment: 1 }, updatedById: actor.id },
    });
    if (count === 0) throw new ConflictError();
    const version = input.version + 1;
    await tx.reportPartRevision.create({ data: { partId: part.id, version, content, savedById: actor.id } });
    await writeAudit(tx, actor, {
      entity: "ReportPart",
      entityId: part.id,
      action: "update",
      before: { year: input.year, key: input.key, version: part.version, content: part.content },
      after: { year: input.year, key: input.key, version, content },
    });
    return { changed: true as const, version };
  });
}

export type RegenerateResult = { needsConfirm: true } | { needsConfirm: false; version: number };

/**
 * Redrafts one part from today's data; the other parts are not touched. A part a person has
 * edited is only overwritten with `confirm` (the caller asks first); its text stays in the
 * revisions either way.
 */
export async function regenerateReportPart(db: Db, actor: AuditActor, input: RegeneratePartInput): Promise<RegenerateResult> {
  const current = await findPart(db, input.year, input.key);
  if (current.version !== input.version) throw new ConflictError();
  if (current.edited && !input.confirm) return { needsConfirm: true };
  const drafted = draftPart(await buildReportFacts(db, input.year), input.key);
  return db.$transaction(async (tx) => {
    const { count } = await tx.reportPart.updateMany({
      where: guard(current.id, input.version),
      data: {
        heading: PART_HEADINGS[input.key],
        content: drafted.content,
        sources: JSON.stringify(drafted.sources),
        edited: false,
        version: { increment: 1 },
        updatedById: actor.id,
      },
    });
    if (count === 0) throw new ConflictError();
    // The version check above means current.content is still the stored text: keep it if a
    // row written before the "every version has a revision" rule lacks it.
    const kept = await tx.reportPartRevision.findFirst({ where: { partId: current.id, version: current.version }, select: { id: true } });
    if (!kept) {
      await tx.reportPartRevision.create({
        data: { partId: current.id, version: current.version, content: current.content, savedById: current.updatedById },
      });
    }
    const version = input.version + 1;
    await tx.reportPartRevision.create({ data: { partId: current.id, version, content: drafted.content, savedById: actor.id } });
    await writeAudit(tx, actor, {
      entity: "ReportPart",
      entityId: current.id,
      action: "regenerate",
      before: { year: input.year, key: input.key, version: current.version, edited: current.edited, content: current.content },
      after: { year: input.year, key: input.key, version, content: drafted.content },
    });
    return { needsConfirm: false, version };
  });
}

export interface TransitionOptions {
  /** 退回: the leader's comment (required by the schema). */
  comment?: string;
  /** 定稿: the 落款日期 the 主要负责人 signs with; today when absent. */
  signedOn?: Date;
  now?: Date;
}

/**
 * 送审 / 定稿 / 退回草稿 / 重新打开, each from one status only, on the version the user saw. Only the
 * 主要负责人 named in the cycle settings signs (定稿) and reopens; 退回 records the comment, shown to
 * the 法治办 until the next 送审. The people the step concerns are notified in the same transaction.
 */
export async function transitionReport(db: Db, actor: AuditActor, transition: ReportTransition, input: TransitionInput, options: TransitionOptions = {}) {
  const rule = TRANSITIONS[transition];
  return db.$transaction(async (tx) => {
    const report = await tx.annualReport.findUnique({
      where: { year: input.year },
      include: { parts: { select: { key: true, heading: true, content: true } } },
    });
    if (!report) throw new UserFacingError(NO_REPORT_MESSAGE);
    const blocked = transitionBlockedReason(transition, report.status);
    if (blocked) throw new UserFacingError(blocked);
    if (report.version !== input.version) throw new ConflictError();
    const settings = await loadCycleSettings(tx);
    const principal = await principalLeader(tx, settings);
    const refused = signOffBlockedReason(transition, actor.id ?? -1, principal?.id ?? null);
    if (refused) throw new UserFacingError(refused);
    if (transition === "submit") {
      // Every placeholder ("（请补充：…）", "待补充", …) blocks 送审, the opening paragraph's too.
      const unfinished = submitBlockedByPlaceholders(report.parts);
      if (unfinished) throw new UserFacingError(unfinished);
    }
    const actorName = (actor.id ? await tx.user.findUnique({ where: { id: actor.id }, select: { displayName: true } }) : null)?.displayName ?? actor.username;
    const comment = transition === "return" ? (options.comment ?? "").trim() : "";
    if (transition === "return" && comment.length === 0) throw new UserFacingError("请填写退回意见，说明需要修改的内容");
    // 定稿 dates the report with the signing date (the 落款日期); reopening clears the signature.
    const signedOn =
      transition === "finalize" ? (options.signedOn ?? calendarDayAt(options.now ?? new Date())) : transition === "reopen" ? null : report.signedOn;
    const signature =
      transition === "finalize" ? { signedById: actor.id, signedByName: actorName } : transition === "reopen" ? { signedById: null, signedByName: "" } : {};
    const returned =
      transition === "return"
        ? { returnComment: comment, returnedByName: actorName, returnedAt: options.now ?? new Date() }
        : transition === "submit"
          ? { returnComment: "", returnedByName: "", returnedAt: null }
          : {};
    // A reopened report is signed again later: its 保密审查 starts a new round.
    const round = transition === "reopen" ? { reviewRound: { increment: 1 } } : {};
    const { count } = await tx.annualReport.updateMany({
      where: { id: report.id, version: input.version, status: rule.from },
      data: { status: rule.to, signedOn, ...signature, ...returned, ...round, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, actor, {
      entity: "AnnualReport",
      entityId: report.id,
      action: transition,
      before: { year: report.year, status: report.status, version: report.version, signedOn: report.signedOn, signedByName: report.signedByName },
      after: {
        year: report.year,
        status: rule.to,
        version: report.version + 1,
        signedOn,
        ...("signedByName" in signature ? { signedByName: signature.signedByName } : {}),
        ...(comment ? { comment } : {}),
      },
    });
    await writeCycleNotice(tx, reportTransitionNotice(transition, report.year, actorName, comment), principal?.id ?? null, actor.id);
    return { status: rule.to, version: report.version + 1 };
  });
}

export type UpdateHeaderResult = { changed: boolean; version: number; title: string; signature: string };

/**
 * Sets the report's title and its own 署名 (a draft only, on the version the user saw). A blank
 * title is the default one from the unit name in the settings; a blank 署名 (or one equal to the
 * settings' 署名) follows the settings from then on.
 */
export async function updateReportHeader(db: Db, actor: AuditActor, input: UpdateHeaderInput): Promise<UpdateHeaderResult> {
  return db.$transaction(async (tx) => {
    const report = await tx.annualReport.findUnique({ where: { year: input.year } });
    if (!report) throw new UserFacingError(NO_REPORT_MESSAGE);
    const blocked = editBlockedReason(report.status);
    if (blocked) throw new UserFacingError(blocked);
    if (report.version !== input.version) throw new ConflictError();
    const unit = unitSignOff(await tx.unitSettings.findUnique({ where: { id: 1 } }));
    const title = input.title || reportTitle({ unitName: unit.unitName, year: report.year });
    const signature = input.signature === unit.signature ? "" : input.signature;
    if (title === report.title && signature === report.signature) {
      return { changed: false, version: report.version, title, signature };
    }
    const { count } = await tx.annualReport.updateMany({
      where: { id: report.id, version: input.version, status: "DRAFT" },
      data: { title, signature, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    const version = report.version + 1;
    await writeAudit(tx, actor, {
      entity: "AnnualReport",
      entityId: report.id,
      action: "update",
      before: { year: report.year, version: report.version, title: report.title, signature: report.signature },
      after: { year: report.year, version, title, signature },
    });
    return { changed: true, version, title, signature };
  });
}

/** The audit row of a Word download. */
export async function recordReportExport(db: Db, actor: AuditActor, report: { id: number; year: number; status: string; version: number }) {
  await writeAudit(db, actor, {
    entity: "AnnualReport",
    entityId: report.id,
    action: "export.report",
    after: { year: report.year, status: report.status, version: report.version },
  });
}
