/**
 * Reading 督办 records: a point's extensions, declarations and notes; what waits on whom; the
 * effective deadlines of a plan (for lib/progress). Ownership of notes in the `where`: STAFF read
 * their own office's, readers of all every office's.
 */

import type { Db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { closingState, latestClosure, type ClosingState } from "./closure";
import { latestApproved } from "./deadline";

export interface SupervisionViewer {
  id: number;
  role: Role;
  officeId: number | null;
}

async function namesOf(db: Db, ids: (number | null | undefined)[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((id): id is number => typeof id === "number" && id > 0))];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** The approved extension in force per point of a plan: point id → { to, originalDeadline }. */
export async function approvedExtensionsOfPlan(db: Db, planId: number): Promise<Map<number, { to: Date; decidedAt: Date | null }>> {
  const rows = await db.deadlineExtension.findMany({
    where: { status: "APPROVED", workPoint: { planId } },
    select: { id: true, workPointId: true, status: true, proposedDeadline: true, decidedAt: true },
  });
  const byPoint = new Map<number, typeof rows>();
  for (const r of rows) byPoint.set(r.workPointId, [...(byPoint.get(r.workPointId) ?? []), r]);
  const out = new Map<number, { to: Date; decidedAt: Date | null }>();
  for (const [pointId, list] of byPoint) {
    const latest = latestApproved(list);
    if (latest) out.set(pointId, { to: latest.proposedDeadline, decidedAt: latest.decidedAt });
  }
  return out;
}

/** Everything the point page shows under 督办办理: extensions, declarations, the evidence and the notes. */
export async function pointSupervision(db: Db, pointId: number, viewer: SupervisionViewer) {
  const [extensions, closures, evidence] = await Promise.all([
    db.deadlineExtension.findMany({ where: { workPointId: pointId }, orderBy: [{ requestedAt: "desc" }, { id: "desc" }] }),
    db.pointClosure.findMany({ where: { workPointId: pointId }, orderBy: [{ declaredAt: "desc" }, { id: "desc" }] }),
    db.ledgerEntry.findMany({
      where: { workPointId: pointId, status: "APPROVED", deletedAt: null },
      select: { id: true, date: true, title: true, form: true, office: { select: { name: true } }, _count: { select: { attachments: { where: { deletedAt: null } } } } },
      orderBy: [{ date: "asc" }, { id: "asc" }],
    }),
  ]);
  const notes = await notesOfPoint(db, pointId, viewer);
  const names = await namesOf(db, [
    ...extensions.flatMap((e) => [e.requestedById, e.decidedById]),
    ...closures.flatMap((c) => [c.declaredById, c.reviewedById, c.ratedById]),
    ...notes.map((n) => n.authorId),
  ]);
  const state = closingState(closures);
  return {
    extensions: extensions.map((e) => ({ ...e, requestedByName: names.get(e.requestedById) ?? "", decidedByName: e.decidedById ? (names.get(e.decidedById) ?? "") : null })),
    closures: closures.map((c) => ({
      ...c,
      declaredByName: names.get(c.declaredById) ?? "",
      reviewedByName: c.reviewedById ? (names.get(c.reviewedById) ?? "") : null,
      ratedByName: c.ratedById ? (names.get(c.ratedById) ?? "") : null,
    })),
    latestClosure: latestClosure(closures),
    closingState: state.state as ClosingState,
    returnReason: state.returnReason,
    evidence: evidence.map((e) => ({ id: e.id, date: e.date, title: e.title, form: e.form, officeName: e.office.name, files: e._count.attachments })),
    notes: notes.map((n) => ({ ...n, authorName: names.get(n.authorId) ?? "" })),
  };
}

/** The notes scope of a viewer; null: none. */
export function noteScope(viewer: Pick<SupervisionViewer, "role" | "officeId">): { officeId?: number } | null {
  if (can(viewer.role, "feedback:readAll")) return {};
  if (can(viewer.role, "feedback:read") && viewer.officeId !== null) return { officeId: viewer.officeId };
  return null;
}

export async function notesOfPoint(db: Db, pointId: number, viewer: Pick<SupervisionViewer, "role" | "officeId">) {
  const scope = noteScope(viewer);
  if (!scope) return [];
  return db.progressNote.findMany({ where: { workPointId: pointId, ...scope }, orderBy: [{ period: "desc" }] });
}

/**
 * The notes of a plan year's period, for 情况通报 and the report (server-side callers that have
 * already checked `feedback:readAll`): point number and title, office and text.
 */
export async function notesOfPeriod(db: Db, year: number, period: string) {
  const rows = await db.progressNote.findMany({
    where: { period, workPoint: { plan: { year } } },
    select: { id: true, period: true, text: true, updatedAt: true, officeId: true, workPoint: { select: { id: true, number: true, title: true, leadOffice: { select: { name: true } } } } },
  });
  return rows
    .map((r) => ({ id: r.id, period: r.period, text: r.text, updatedAt: r.updatedAt, officeId: r.officeId, pointId: r.workPoint.id, pointNumber: r.workPoint.number, pointTitle: r.workPoint.title, officeName: r.workPoint.leadOffice?.name ?? "" }))
    .sort((a, b) => a.pointNumber - b.pointNumber);
}
