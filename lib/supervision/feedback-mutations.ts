/**
 * 进展反馈, the writing side: one note per point and period by the point's lead office (or the
 * 法治办 for it), written again to correct it; and the cycle setting.
 */

import type { Db, Tx } from "@/lib/db";
import { UserFacingError } from "@/lib/action-state";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { calendarDayAt, dayIndex } from "@/lib/progress/dates";
import { assertCan, findLedPoint, isUniqueViolation, type MutationOptions, type SupervisionActor } from "./access";
import { DEFAULT_FEEDBACK_CONFIG, periodFromKey, type FeedbackConfig, type FeedbackCycle } from "./periods";
import type { FeedbackSettingsInput, SaveNoteInput } from "./schemas";

export const NOTE_RACE_MESSAGE = "该期反馈刚由他人填写，请刷新页面后修改";

export async function loadFeedbackConfig(db: Db | Tx): Promise<FeedbackConfig> {
  const row = await db.feedbackSettings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_FEEDBACK_CONFIG;
  return { cycle: row.cycle === "QUARTERLY" ? "QUARTERLY" : "MONTHLY", dueDay: row.dueDay };
}

/** Writes (or rewrites) the point's note for the period. */
export async function saveProgressNote(db: Db, actor: SupervisionActor, input: SaveNoteInput, options: MutationOptions = {}) {
  assertCan(actor, "feedback:write");
  const today = options.today ?? calendarDayAt(new Date());
  try {
    return await db.$transaction(async (tx) => {
      const point = await findLedPoint(tx, actor, input.workPointId);
      const config = await loadFeedbackConfig(tx);
      const period = periodFromKey(input.period, config);
      if (!period || period.year !== point.plan.year) throw new UserFacingError("反馈周期不属于该要点的计划年度");
      if (dayIndex(period.start) > dayIndex(today)) throw new UserFacingError("该反馈周期尚未开始，不能提前填写");
      const accepted = await tx.pointClosure.findFirst({ where: { workPointId: point.id, status: "ACCEPTED" }, select: { id: true } });
      if (accepted) throw new UserFacingError("该要点已办结，无需再反馈进展");
      const before = await tx.progressNote.findUnique({ where: { workPointId_period: { workPointId: point.id, period: period.key } } });
      if (before) {
        const after = await tx.progressNote.update({
          where: { id: before.id },
          data: { text: input.text, authorId: actor.id ?? 0, version: { increment: 1 } },
        });
        await writeAudit(tx, actor, { entity: "ProgressNote", entityId: after.id, action: "update", before, after });
        return { note: after, created: false };
      }
      const note = await tx.progressNote.create({
        data: { workPointId: point.id, officeId: point.leadOfficeId, period: period.key, text: input.text, authorId: actor.id ?? 0 },
      });
      await writeAudit(tx, actor, { entity: "ProgressNote", entityId: note.id, action: "create", after: note });
      return { note, created: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError(NOTE_RACE_MESSAGE);
    throw error;
  }
}

/** The 法治办 sets the cycle (monthly or quarterly) and the due day (1–28 of the month after). */
export async function updateFeedbackSettings(db: Db, actor: AuditActor, input: FeedbackSettingsInput) {
  assertCan(actor, "feedback:configure");
  return db.$transaction(async (tx) => {
    const before = await tx.feedbackSettings.findUnique({ where: { id: 1 } });
    const data = { cycle: input.cycle as FeedbackCycle, dueDay: input.dueDay };
    const after = before
      ? await tx.feedbackSettings.update({ where: { id: 1 }, data: { ...data, version: { increment: 1 } } })
      : await tx.feedbackSettings.create({ data: { id: 1, ...data } });
    await writeAudit(tx, actor, { entity: "FeedbackSettings", entityId: 1, action: before ? "update" : "create", before: before ?? undefined, after });
    return after;
  });
}
