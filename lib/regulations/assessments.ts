/**
 * 制度执行情况评估: record an assessment of how a rule is carried out (it moves the rule's
 * lastReviewedOn, so the "not reviewed for a year" list clears) and update its rectification
 * (整改中 → 已整改). Records are never deleted; each change is one transaction with its audit row,
 * edits are guarded by the row version, and a refused call writes nothing.
 */
import type { Db } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { ConflictError, UserFacingError } from "@/lib/action-state";
import { can } from "@/lib/auth/permissions";
import { isRole } from "@/lib/auth/roles";
import { calendarDayAt } from "@/lib/progress";
import { NOT_FOUND_MESSAGE } from "./constants";
import { assessmentErrors, rectificationErrors } from "./assessment-rules";
import type { RecordAssessmentInput, UpdateRectificationInput } from "./schemas";

export const ASSESSMENT_NOT_FOUND_MESSAGE = "评估记录不存在";
export const REPEALED_ASSESS_MESSAGE = "该制度已废止，不再记录执行情况评估";
export const POINT_YEAR_MESSAGE = "所选工作要点不属于评估当年已发布的工作要点";

/** A cross-field refusal (dates, rectification status) with the fields to mark. */
export class AssessmentInputError extends UserFacingError {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(Object.values(fieldErrors)[0]?.[0] ?? "输入有误");
  }
}

function refuseIf(errors: Record<string, string>) {
  const keys = Object.keys(errors);
  if (keys.length) throw new AssessmentInputError(Object.fromEntries(keys.map((k) => [k, [errors[k]]])));
}

function assertManage(actor: AuditActor) {
  if (!isRole(actor.role) || !can(actor.role, "regulation:manage")) throw new UserFacingError("您没有执行此操作的权限");
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

export interface AssessmentOptions {
  today?: Date;
}

export async function recordAssessment(db: Db, actor: AuditActor, input: RecordAssessmentInput, options: AssessmentOptions = {}) {
  assertManage(actor);
  const today = options.today ?? calendarDayAt(new Date());
  return db.$transaction(async (tx) => {
    const regulation = await tx.regulation.findUnique({ where: { id: input.regulationId }, select: { id: true, status: true, effectiveOn: true, adoptedOn: true, lastReviewedOn: true } });
    if (!regulation) throw new UserFacingError(NOT_FOUND_MESSAGE);
    if (regulation.status === "REPEALED") throw new UserFacingError(REPEALED_ASSESS_MESSAGE);
    const office = await tx.office.findFirst({ where: { id: input.officeId, active: true }, select: { id: true, name: true } });
    if (!office) throw new AssessmentInputError({ officeId: ["请选择评估科室"] });
    const rectifiedOn = input.rectifiedOn ?? null;
    refuseIf(assessmentErrors({ ...input, rectifiedOn }, { today, effectiveOn: regulation.effectiveOn ?? regulation.adoptedOn }));
    if (input.workPointId) {
      const point = await tx.workPoint.findFirst({
        where: { id: input.workPointId, plan: { year: input.assessedOn.getUTCFullYear(), status: { not: "DRAFT" } } },
        select: { id: true },
      });
      if (!point) throw new AssessmentInputError({ workPointId: [POINT_YEAR_MESSAGE] });
    }
    const assessment = await tx.regulationAssessment.create({
      data: {
        regulationId: regulation.id,
        assessedOn: input.assessedOn,
        officeId: office.id,
        method: input.method,
        findings: input.findings,
        rectification: input.rectification,
        rectificationStatus: input.rectificationStatus,
        rectifiedOn,
        workPointId: input.workPointId ?? null,
        createdById: actor.id,
      },
    });
    // A conditional update: concurrent assessments never move the review date backwards.
    const moved = await tx.regulation.updateMany({
      where: { id: regulation.id, OR: [{ lastReviewedOn: null }, { lastReviewedOn: { lt: input.assessedOn } }] },
      data: { lastReviewedOn: input.assessedOn },
    });
    await writeAudit(tx, actor, {
      entity: "RegulationAssessment",
      entityId: assessment.id,
      action: "create",
      after: {
        regulationId: regulation.id,
        assessedOn: iso(input.assessedOn),
        officeId: office.id,
        method: input.method,
        findings: input.findings,
        rectification: input.rectification,
        rectificationStatus: input.rectificationStatus,
        rectifiedOn: iso(rectifiedOn),
        workPointId: input.workPointId ?? null,
        lastReviewedOn: moved.count ? iso(input.assessedOn) : iso(regulation.lastReviewedOn),
      },
    });
    return assessment;
  });
}

export async function updateRectification(db: Db, actor: AuditActor, input: UpdateRectificationInput, options: AssessmentOptions = {}) {
  assertManage(actor);
  const today = options.today ?? calendarDayAt(new Date());
  return db.$transaction(async (tx) => {
    const current = await tx.regulationAssessment.findUnique({ where: { id: input.assessmentId } });
    if (!current) throw new UserFacingError(ASSESSMENT_NOT_FOUND_MESSAGE);
    const rectifiedOn = input.rectifiedOn ?? null;
    refuseIf(rectificationErrors({ ...input, rectifiedOn }, current.assessedOn, today));
    const updated = await tx.regulationAssessment.updateMany({
      where: { id: current.id, version: input.expectedVersion },
      data: { rectification: input.rectification, rectificationStatus: input.rectificationStatus, rectifiedOn, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError();
    await writeAudit(tx, actor, {
      entity: "RegulationAssessment",
      entityId: current.id,
      action: "update.rectification",
      before: { rectification: current.rectification, rectificationStatus: current.rectificationStatus, rectifiedOn: iso(current.rectifiedOn) },
      after: { rectification: input.rectification, rectificationStatus: input.rectificationStatus, rectifiedOn: iso(rectifiedOn) },
    });
    return { id: current.id, regulationId: current.regulationId, workPointId: current.workPointId };
  });
}
