/**
 * 延期申请 and 办结, the writing side. Each step checks and writes in one transaction with its audit
 * row and notices; a second pending request or declaration is stopped by a unique index
 * (DeadlineExtension.pendingKey, PointClosure.activeKey), not by counting first.
 */

import type { Db } from "@/lib/db";
import { UserFacingError } from "@/lib/action-state";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { calendarDayAt, formatChineseDate } from "@/lib/progress/dates";
import { assertCan, deliver, displayName, findLedPoint, isUniqueViolation, NOT_FOUND_MESSAGE, type MutationOptions, type SupervisionActor } from "./access";
import { closingState, RATING_LABEL, supervisionNotice, type Rating } from "./closure";
import { deadlineInForce, extensionRequestProblem } from "./deadline";
import type { DeclareClosureInput, DecideExtensionInput, RateClosureInput, RequestExtensionInput, ReviewClosureInput } from "./schemas";

export const PENDING_EXTENSION_MESSAGE = "该要点已有待审批的延期申请，请等待领导审批";
export const ALREADY_DECLARED_MESSAGE = "该要点已申报办结（待审核或已办结），无需重复申报";
export const OWN_DECLARATION_MESSAGE = "您申报了该办结，不能自行审核，请由其他人员审核";

async function uniqueAs<T>(run: () => Promise<T>, message: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError(message);
    throw error;
  }
}

/** The lead office (or the 法治办 for it) asks, before the deadline in force, to move it. */
export async function requestExtension(db: Db, actor: SupervisionActor, input: RequestExtensionInput, options: MutationOptions = {}) {
  assertCan(actor, "supervision:requestExtension");
  const today = options.today ?? calendarDayAt(new Date());
  return uniqueAs(
    () =>
      db.$transaction(async (tx) => {
        const point = await findLedPoint(tx, actor, input.workPointId);
        const [extensions, closures] = await Promise.all([
          tx.deadlineExtension.findMany({ where: { workPointId: point.id }, select: { id: true, status: true, proposedDeadline: true, decidedAt: true } }),
          tx.pointClosure.findMany({ where: { workPointId: point.id }, select: { id: true, status: true, declaredAt: true } }),
        ]);
        if (closingState(closures).state !== "OPEN") throw new UserFacingError("该要点已申报办结，不能申请延期");
        if (extensions.some((e) => e.status === "PENDING")) throw new UserFacingError(PENDING_EXTENSION_MESSAGE);
        const currentDeadline = deadlineInForce(point.plan.year, point, extensions);
        const problem = extensionRequestProblem({ today, planYear: point.plan.year, currentDeadline, proposed: input.proposedDeadline });
        if (problem) throw new UserFacingError(problem);
        const extension = await tx.deadlineExtension.create({
          data: {
            workPointId: point.id, officeId: point.leadOfficeId, currentDeadline, proposedDeadline: input.proposedDeadline,
            reason: input.reason, requestedById: actor.id ?? 0, pendingKey: point.id,
          },
        });
        const notice = supervisionNotice("extension.request", {
          pointId: point.id, pointNumber: point.number, pointTitle: point.title, officeName: point.leadOffice?.name ?? "",
          actorName: await displayName(tx, actor), date: formatChineseDate(input.proposedDeadline), text: input.reason,
        });
        const notified = await deliver(tx, actor, notice, point.leadOfficeId, actor.id ?? -1);
        await writeAudit(tx, actor, { entity: "DeadlineExtension", entityId: extension.id, action: "request", after: extension });
        return { extension, notified };
      }),
    PENDING_EXTENSION_MESSAGE,
  );
}

/** A LEADER approves or declines a pending request; the decision is final. */
export async function decideExtension(db: Db, actor: AuditActor, input: DecideExtensionInput) {
  assertCan(actor, "supervision:decideExtension");
  return db.$transaction(async (tx) => {
    const before = await tx.deadlineExtension.findUnique({
      where: { id: input.extensionId },
      include: { workPoint: { select: { id: true, number: true, title: true, leadOffice: { select: { name: true } } } } },
    });
    if (!before) throw new UserFacingError(NOT_FOUND_MESSAGE);
    const status = input.decision === "APPROVE" ? "APPROVED" : "DECLINED";
    const { count } = await tx.deadlineExtension.updateMany({
      where: { id: before.id, status: "PENDING" },
      data: { status, decidedById: actor.id, decidedAt: new Date(), decisionComment: input.comment, pendingKey: null, version: { increment: 1 } },
    });
    if (count === 0) throw new UserFacingError("该延期申请已审批，无需重复处理");
    const after = await tx.deadlineExtension.findUniqueOrThrow({ where: { id: before.id } });
    const { workPoint, ...plain } = before;
    const notice = supervisionNotice(status === "APPROVED" ? "extension.approve" : "extension.decline", {
      pointId: workPoint.id, pointNumber: workPoint.number, pointTitle: workPoint.title, officeName: workPoint.leadOffice?.name ?? "",
      actorName: await displayName(tx, actor), date: formatChineseDate(before.proposedDeadline), text: input.comment,
    });
    await deliver(tx, actor, notice, before.officeId, before.requestedById);
    await writeAudit(tx, actor, { entity: "DeadlineExtension", entityId: before.id, action: status === "APPROVED" ? "approve" : "decline", before: plain, after });
    return after;
  });
}

/** The lead office declares the point 办结 with a short summary; its approved ledger entries are the evidence. */
export async function declareClosure(db: Db, actor: SupervisionActor, input: DeclareClosureInput) {
  assertCan(actor, "supervision:close");
  return uniqueAs(
    () =>
      db.$transaction(async (tx) => {
        const point = await findLedPoint(tx, actor, input.workPointId);
        const open = await tx.pointClosure.findFirst({ where: { activeKey: point.id }, select: { status: true } });
        if (open) throw new UserFacingError(ALREADY_DECLARED_MESSAGE);
        const closure = await tx.pointClosure.create({
          data: { workPointId: point.id, officeId: point.leadOfficeId, summary: input.summary, declaredById: actor.id ?? 0, activeKey: point.id },
        });
        const notice = supervisionNotice("closure.declare", {
          pointId: point.id, pointNumber: point.number, pointTitle: point.title, officeName: point.leadOffice?.name ?? "",
          actorName: await displayName(tx, actor), text: input.summary,
        });
        await deliver(tx, actor, notice, point.leadOfficeId, actor.id ?? -1);
        await writeAudit(tx, actor, { entity: "PointClosure", entityId: closure.id, action: "declare", after: closure });
        return closure;
      }),
    ALREADY_DECLARED_MESSAGE,
  );
}

/**
 * The 法治办 accepts or returns a declaration (not their own). Accepting marks a point without a
 * completion mark as completed on the day it was declared; returning puts it back to 进行中.
 */
export async function reviewClosure(db: Db, actor: AuditActor, input: ReviewClosureInput) {
  assertCan(actor, "supervision:reviewClose");
  return db.$transaction(async (tx) => {
    const before = await tx.pointClosure.findUnique({
      where: { id: input.closureId },
      include: { workPoint: { select: { id: true, number: true, title: true, completedAt: true, version: true, leadOffice: { select: { name: true } } } } },
    });
    if (!before) throw new UserFacingError(NOT_FOUND_MESSAGE);
    if (before.declaredById === actor.id) throw new UserFacingError(OWN_DECLARATION_MESSAGE);
    const accept = input.decision === "ACCEPT";
    const { count } = await tx.pointClosure.updateMany({
      where: { id: before.id, status: "PENDING" },
      data: accept
        ? { status: "ACCEPTED", reviewedById: actor.id, reviewedAt: new Date(), version: { increment: 1 } }
        : { status: "RETURNED", reviewedById: actor.id, reviewedAt: new Date(), returnReason: input.reason, activeKey: null, version: { increment: 1 } },
    });
    if (count === 0) throw new UserFacingError("该办结申报已审核，无需重复处理");
    const after = await tx.pointClosure.findUniqueOrThrow({ where: { id: before.id } });
    const { workPoint, ...plain } = before;
    if (accept && workPoint.completedAt === null) {
      const completedAt = calendarDayAt(before.declaredAt);
      const marked = await tx.workPoint.updateMany({ where: { id: workPoint.id, completedAt: null }, data: { completedAt, version: { increment: 1 } } });
      if (marked.count > 0) {
        await writeAudit(tx, actor, {
          entity: "WorkPoint", entityId: workPoint.id, action: "update",
          before: { completedAt: null, version: workPoint.version }, after: { completedAt, version: workPoint.version + 1, closureId: before.id },
        });
      }
    }
    const notice = supervisionNotice(accept ? "closure.accept" : "closure.return", {
      pointId: workPoint.id, pointNumber: workPoint.number, pointTitle: workPoint.title, officeName: workPoint.leadOffice?.name ?? "",
      actorName: await displayName(tx, actor), text: input.reason,
    });
    await deliver(tx, actor, notice, before.officeId, before.declaredById);
    await writeAudit(tx, actor, { entity: "PointClosure", entityId: before.id, action: accept ? "accept" : "return", before: plain, after });
    return after;
  });
}

/** A LEADER rates an accepted closure (优秀 / 良好 / 一般 / 较差); a later rating replaces it. */
export async function rateClosure(db: Db, actor: AuditActor, input: RateClosureInput) {
  assertCan(actor, "supervision:rate");
  return db.$transaction(async (tx) => {
    const before = await tx.pointClosure.findUnique({
      where: { id: input.closureId },
      include: { workPoint: { select: { id: true, number: true, title: true, leadOffice: { select: { name: true } } } } },
    });
    if (!before) throw new UserFacingError(NOT_FOUND_MESSAGE);
    const { count } = await tx.pointClosure.updateMany({
      where: { id: before.id, status: "ACCEPTED" },
      data: { rating: input.rating, ratingComment: input.comment, ratedById: actor.id, ratedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw new UserFacingError("只有已办结的要点才能评价");
    const after = await tx.pointClosure.findUniqueOrThrow({ where: { id: before.id } });
    const { workPoint, ...plain } = before;
    const notice = supervisionNotice("closure.rate", {
      pointId: workPoint.id, pointNumber: workPoint.number, pointTitle: workPoint.title, officeName: workPoint.leadOffice?.name ?? "",
      actorName: await displayName(tx, actor), text: RATING_LABEL[input.rating as Rating],
    });
    await deliver(tx, actor, notice, before.officeId, before.declaredById);
    await writeAudit(tx, actor, { entity: "PointClosure", entityId: before.id, action: "rate", before: plain, after });
    return after;
  });
}
