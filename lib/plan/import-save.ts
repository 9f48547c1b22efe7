import type { Db } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { UserFacingError } from "@/lib/action-state";
import { assertOffices, planScoped } from "./mutations";
import { planLedgerEntryCount, planReminderCount } from "./queries";
import type { ImportPlanInput } from "./schemas";

export const REPLACE_QUESTION = "该年度已有工作要点，是否替换？";
export const REPLACE_REFUSED_LEDGER = "该年度要点已有台账记录，不能整体替换，请在要点页面逐项修改";
/** Published and archived plans keep their change history on /plans/[year]: import never replaces them. */
export function replaceRefusedStatus(year: number, status: string): string {
  return status === "ARCHIVED"
    ? `${year}年度计划已归档，不能通过导入覆盖。`
    : `${year}年度计划已发布，不能通过导入覆盖；请在计划页面中修改。`;
}
export const REPLACE_REFUSED_REMINDERS = "该年度要点已有督办记录，不能整体替换，请在要点页面逐项修改";

/** Thrown when the year already has a plan and the user has not yet confirmed the replacement. */
export class ReplaceConfirmationNeeded extends UserFacingError {
  constructor(
    readonly year: number,
    readonly existingStatus: string,
  ) {
    super(REPLACE_QUESTION);
  }
}

/**
 * Saves an edited, parsed plan as the year's DRAFT plan. When the year already has a plan the
 * caller must have asked first (`replace`). Only a DRAFT plan is ever replaced: a published or
 * archived plan keeps its change history, and a plan whose points have ledger entries or reminders
 * keeps the rows that reference its points.
 */
export async function saveImportedPlan(db: Db, actor: AuditActor, input: ImportPlanInput, options: { replace: boolean }) {
  return db.$transaction(
    async (tx) => {
      const officeIds = input.sections.flatMap((s) => s.points.flatMap((p) => [...(p.leadOfficeId ? [p.leadOfficeId] : []), ...p.supportOfficeIds]));
      await assertOffices(tx, officeIds);

      const existing = await tx.plan.findUnique({ where: { year: input.year }, include: { _count: { select: { points: true, targets: true } } } });
      if (existing) {
        if ((await planLedgerEntryCount(tx, existing.id)) > 0) throw new UserFacingError(REPLACE_REFUSED_LEDGER);
        if ((await planReminderCount(tx, existing.id)) > 0) throw new UserFacingError(REPLACE_REFUSED_REMINDERS);
        // Checked before the confirmation: only a DRAFT plan is ever offered for replacement.
        if (existing.status !== "DRAFT") throw new UserFacingError(replaceRefusedStatus(existing.year, existing.status));
        if (!options.replace) throw new ReplaceConfirmationNeeded(input.year, existing.status);
        // The status guard is repeated in the statement: a plan published meanwhile is not deleted.
        const { count } = await tx.plan.deleteMany({ where: { id: existing.id, status: "DRAFT" } });
        if (count === 0) throw new UserFacingError(replaceRefusedStatus(existing.year, "PUBLISHED"));
        await writeAudit(tx, actor, {
          entity: "Plan", entityId: existing.id, action: "replace.delete",
          before: planScoped(existing.id, { year: existing.year, title: existing.title, status: existing.status, points: existing._count.points, targets: existing._count.targets }),
        });
      }

      const plan = await tx.plan.create({
        data: { year: input.year, title: input.title, unitName: input.unitName, preamble: input.preamble, status: "DRAFT" },
      });
      let ordinal = 0;
      let targetCount = 0;
      for (const [index, section] of input.sections.entries()) {
        const created = await tx.section.create({ data: { planId: plan.id, ordinal: index + 1, title: section.title } });
        for (const point of section.points) {
          const support = [...new Set(point.supportOfficeIds)].filter((id) => id !== point.leadOfficeId);
          await tx.workPoint.create({
            data: {
              planId: plan.id, sectionId: created.id, number: point.number, title: point.title, text: point.text,
              leadOfficeId: point.leadOfficeId, deadline: point.deadline, deadlineText: point.deadlineText, responsible: point.responsible,
              supportOffices: { create: support.map((officeId) => ({ officeId })) },
              targets: {
                create: point.targets.map((t) => ({
                  planId: plan.id, ordinal: ordinal++, sourceText: t.sourceText, subject: t.subject, comparator: t.comparator,
                  value: t.kind === "BOOLEAN" ? 1 : t.value, unit: t.unit, kind: t.kind, deadline: t.deadline,
                })),
              },
            },
          });
          targetCount += point.targets.length;
        }
      }
      const pointCount = input.sections.reduce((n, s) => n + s.points.length, 0);
      await writeAudit(tx, actor, {
        entity: "Plan", entityId: plan.id, action: existing ? "import.replace" : "import",
        after: planScoped(plan.id, { year: plan.year, title: plan.title, status: plan.status, sections: input.sections.length, points: pointCount, targets: targetCount, replacedPlanId: existing?.id ?? null }),
      });
      return { plan, replaced: Boolean(existing), points: pointCount, targets: targetCount };
    },
    { timeout: 30_000 },
  );
}
