/**
 * Writes of the 情况通报: generate (drafted from the data), save the text, 送审 / 审定 / 退回.
 * Each change, its notifications and its audit row share one transaction; every write is guarded
 * by the version the user saw and by the status in the same UPDATE.
 */

import type { Db } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { ConflictError, UserFacingError } from "@/lib/action-state";
import { can } from "@/lib/auth/permissions";
import { isRole } from "@/lib/auth/roles";
import { normalizeContent } from "@/lib/report/workflow";
import { calendarDayAt, calendarDate, dateFromDayIndex, dayIndex } from "@/lib/progress/dates";
import { draftBulletin } from "./draft";
import { buildBulletinFacts } from "./facts";
import type { BulletinTransitionInput, GenerateBulletinInput, SaveBulletinInput } from "./schemas";
import { BULLETIN_TRANSITIONS, editBlockedReason, transitionBlockedReason, type BulletinTransition } from "./workflow";

export const NOT_FOUND_MESSAGE = "通报不存在";
const NOT_ALLOWED_MESSAGE = "您没有执行此操作的权限";

function assertCan(actor: AuditActor, permission: "bulletin:edit" | "bulletin:approve") {
  if (!isRole(actor.role) || !can(actor.role, permission)) throw new UserFacingError(NOT_ALLOWED_MESSAGE);
}

export function bulletinLink(id: number): string {
  return `/supervision/bulletins/${id}`;
}

/**
 * The period: given dates, or from the day after the year's last bulletin (1 January for the
 * first) to today. Refused: a period outside the plan year, ending in the future, or backwards.
 */
export function resolvePeriod(input: GenerateBulletinInput, lastEnd: Date | null, today: Date): { start: Date; end: Date } {
  const yearStart = calendarDate(input.year, 1, 1);
  const yearEnd = calendarDate(input.year, 12, 31);
  const start = input.periodStart ?? (lastEnd ? dateFromDayIndex(dayIndex(lastEnd) + 1) : yearStart);
  const end = input.periodEnd ?? (today.getTime() < yearEnd.getTime() ? today : yearEnd);
  if (start.getTime() < yearStart.getTime() || start.getTime() > yearEnd.getTime()) throw new UserFacingError(`通报期间的开始日期须在${input.year}年内`);
  if (end.getTime() > today.getTime()) throw new UserFacingError("通报期间的截止日期不能晚于今天");
  if (end.getTime() < start.getTime()) throw new UserFacingError("通报期间的截止日期不能早于开始日期");
  return { start, end };
}

export async function generateBulletin(db: Db, actor: AuditActor, input: GenerateBulletinInput, options: { today?: Date } = {}) {
  assertCan(actor, "bulletin:edit");
  const today = options.today ?? calendarDayAt(new Date());
  const plan = await db.plan.findUnique({ where: { year: input.year }, select: { status: true } });
  if (!plan) throw new UserFacingError(`没有${input.year}年度的工作要点，无法生成通报`);
  if (plan.status === "DRAFT") throw new UserFacingError(`${input.year}年度工作要点尚未发布，不能生成通报`);
  const last = await db.bulletin.findFirst({ where: { year: input.year }, orderBy: { number: "desc" }, select: { number: true, periodEnd: true } });
  const { start, end } = resolvePeriod(input, last?.periodEnd ?? null, today);
  const number = (last?.number ?? 0) + 1;
  const facts = await buildBulletinFacts(db, input.year, number, start, end);
  if (!facts) throw new UserFacingError(`没有${input.year}年度的工作要点，无法生成通报`);
  const draft = draftBulletin(facts);
  // The (year, number) unique constraint refuses a second bulletin of the same number drafted at the same time.
  return db.$transaction(async (tx) => {
    const bulletin = await tx.bulletin.create({
      data: { year: input.year, number, periodStart: start, periodEnd: end, title: draft.title, docNumber: input.docNumber, content: draft.content, createdById: actor.id ?? 0 },
    });
    await writeAudit(tx, actor, { entity: "Bulletin", entityId: bulletin.id, action: "generate", after: bulletin });
    return bulletin;
  });
}

export async function saveBulletin(db: Db, actor: AuditActor, input: SaveBulletinInput): Promise<{ changed: boolean; version: number }> {
  assertCan(actor, "bulletin:edit");
  const content = normalizeContent(input.content);
  if (!content) throw new UserFacingError("正文不能为空");
  return db.$transaction(async (tx) => {
    const before = await tx.bulletin.findUnique({ where: { id: input.id } });
    if (!before) throw new UserFacingError(NOT_FOUND_MESSAGE);
    const blocked = editBlockedReason(before.status);
    if (blocked) throw new UserFacingError(blocked);
    if (before.version !== input.version) throw new ConflictError();
    if (before.content === content && before.title === input.title && before.docNumber === input.docNumber) return { changed: false, version: before.version };
    const { count } = await tx.bulletin.updateMany({
      where: { id: before.id, version: input.version, status: "DRAFT" },
      data: { content, title: input.title, docNumber: input.docNumber, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    const after = await tx.bulletin.findUniqueOrThrow({ where: { id: before.id } });
    await writeAudit(tx, actor, { entity: "Bulletin", entityId: before.id, action: "update", before, after });
    return { changed: true, version: after.version };
  });
}

export async function transitionBulletin(db: Db, actor: AuditActor, transition: BulletinTransition, input: BulletinTransitionInput) {
  const rule = BULLETIN_TRANSITIONS[transition];
  assertCan(actor, rule.permission as "bulletin:edit" | "bulletin:approve");
  if (transition === "return" && !input.comment) throw new UserFacingError("退回时请填写修改意见");
  return db.$transaction(async (tx) => {
    const before = await tx.bulletin.findUnique({ where: { id: input.id } });
    if (!before) throw new UserFacingError(NOT_FOUND_MESSAGE);
    const blocked = transitionBlockedReason(transition, before.status);
    if (blocked) throw new UserFacingError(blocked);
    if (before.version !== input.version) throw new ConflictError();
    const now = new Date();
    const data =
      transition === "approve"
        ? { status: rule.to, approvedById: actor.id, approvedAt: now, returnComment: "" }
        : transition === "return"
          ? { status: rule.to, returnComment: input.comment }
          : { status: rule.to };
    const { count } = await tx.bulletin.updateMany({ where: { id: before.id, version: input.version, status: rule.from }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError();
    const after = await tx.bulletin.findUniqueOrThrow({ where: { id: before.id } });
    // Tell the next person: leaders of a submission, the drafter of a decision.
    const recipients =
      transition === "submit"
        ? (await tx.user.findMany({ where: { role: "LEADER", active: true }, select: { id: true } })).map((u) => u.id)
        : [before.createdById];
    const title =
      transition === "submit" ? `待审定：${before.title}` : transition === "approve" ? `已审定：${before.title}` : `已退回：${before.title}`;
    const body = transition === "return" ? `修改意见：${input.comment}` : "";
    const notify = recipients.filter((id) => id !== actor.id);
    if (notify.length > 0) await tx.notification.createMany({ data: notify.map((userId) => ({ userId, title, body, link: bulletinLink(before.id) })) });
    await writeAudit(tx, actor, { entity: "Bulletin", entityId: before.id, action: transition, before: { status: before.status, version: before.version }, after: { status: after.status, version: after.version, comment: input.comment || undefined } });
    return after;
  });
}

export async function recordBulletinExport(db: Db, actor: AuditActor, bulletin: { id: number; status: string; title: string }) {
  await writeAudit(db, actor, { entity: "Bulletin", entityId: bulletin.id, action: "export.docx", after: { status: bulletin.status, title: bulletin.title } });
}
