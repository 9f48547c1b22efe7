/**
 * Who acts for a point's lead office, as a Prisma `where`: STAFF only for points their office
 * leads, the 法治办 (COORDINATOR) for any point that has a lead office. Only published plans.
 * Notifications of 督办 steps go to the people the step concerns, resolved in the step's transaction.
 */

import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { UserFacingError } from "@/lib/action-state";
import type { AuditActor } from "@/lib/audit";
import { can, type Permission } from "@/lib/auth/permissions";
import { isRole } from "@/lib/auth/roles";
import type { SupervisionNotice } from "./closure";

export interface SupervisionActor extends AuditActor {
  officeId: number | null;
}

export interface MutationOptions {
  /** Today's calendar day (China); default the real one. */
  today?: Date;
}

export const NOT_ALLOWED_MESSAGE = "您没有执行此操作的权限";
export const NOT_FOUND_MESSAGE = "记录不存在或无权访问";

export function assertCan(actor: AuditActor, permission: Permission) {
  if (!isRole(actor.role) || !can(actor.role, permission)) throw new UserFacingError(NOT_ALLOWED_MESSAGE);
}

/** The points the actor may act on for the lead office (null: none). */
export function leadOfficeScope(actor: SupervisionActor): Prisma.WorkPointWhereInput | null {
  if (actor.role === "STAFF") return actor.officeId === null ? null : { leadOfficeId: actor.officeId };
  if (actor.role === "COORDINATOR") return { leadOfficeId: { not: null } };
  return null;
}

/** A published point the actor acts on for its lead office; refused like a missing one otherwise. */
export async function findLedPoint(tx: Tx, actor: SupervisionActor, pointId: number) {
  const scope = leadOfficeScope(actor);
  if (!scope) throw new UserFacingError(NOT_FOUND_MESSAGE);
  const point = await tx.workPoint.findFirst({
    where: { id: pointId, ...scope },
    select: {
      id: true, number: true, title: true, deadline: true, leadOfficeId: true, completedAt: true, version: true,
      leadOffice: { select: { name: true } }, plan: { select: { year: true, status: true } },
    },
  });
  if (!point || point.leadOfficeId === null) throw new UserFacingError(NOT_FOUND_MESSAGE);
  if (point.plan.status === "DRAFT") throw new UserFacingError("该年度工作要点尚未发布");
  return { ...point, leadOfficeId: point.leadOfficeId };
}

export async function displayName(tx: Tx, actor: AuditActor): Promise<string> {
  const user = await tx.user.findUnique({ where: { id: actor.id ?? -1 }, select: { displayName: true } });
  return user?.displayName ?? actor.username;
}

/** Writes the notice to its audience (never to the actor); returns how many were told. */
export async function deliver(tx: Tx, actor: AuditActor, notice: SupervisionNotice, officeId: number, personId: number): Promise<number> {
  const not = { not: actor.id ?? -1 };
  const where: Prisma.UserWhereInput =
    notice.audience === "leaders"
      ? { role: "LEADER", active: true, id: not }
      : notice.audience === "coordinators"
        ? { role: "COORDINATOR", active: true, id: not }
        : { active: true, AND: [{ id: not }, { OR: [{ officeId, role: "STAFF" }, { id: personId }] }] };
  const recipients = await tx.user.findMany({ where, select: { id: true }, orderBy: { id: "asc" } });
  if (recipients.length > 0) {
    await tx.notification.createMany({ data: recipients.map((r) => ({ userId: r.id, title: notice.title, body: notice.body, link: notice.link })) });
  }
  return recipients.length;
}

/** A unique-index violation (P2002), raised by the transaction when a concurrent step won. */
export function isUniqueViolation(error: unknown): boolean {
  return Boolean(error && typeof error === "object" && "code" in error && (error as { code: string }).code === "P2002");
}
