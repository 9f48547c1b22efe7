import type { Db, Tx } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";
import { visiblePlanWhere } from "./visibility";

/** Plans by year (newest first) with their point and target counts; drafts only for plan:readDraft. */
export async function listPlans(db: Db, role: Role) {
  return db.plan.findMany({
    where: visiblePlanWhere(role),
    orderBy: { year: "desc" },
    select: {
      id: true,
      year: true,
      title: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      _count: { select: { points: true, targets: true, sections: true } },
    },
  });
}

/** One year's plan as a document: sections, points (offices, targets) in order; null when missing or not the role's to see. */
export async function getPlanByYear(db: Db, year: number, role: Role) {
  return db.plan.findFirst({
    where: { year, ...visiblePlanWhere(role) },
    include: {
      sections: {
        orderBy: { ordinal: "asc" },
        include: {
          points: {
            orderBy: { number: "asc" },
            include: {
              leadOffice: true,
              supportOffices: { include: { office: true }, orderBy: { officeId: "asc" } },
              targets: { orderBy: [{ ordinal: "asc" }, { id: "asc" }], include: { _count: { select: { quantities: true } } } },
            },
          },
        },
      },
    },
  });
}

export type PlanDocument = NonNullable<Awaited<ReturnType<typeof getPlanByYear>>>;
export type PlanPoint = PlanDocument["sections"][number]["points"][number];
export type PlanTarget = PlanPoint["targets"][number];

/** Offices to choose from (active ones first by sort order). */
export async function listOffices(db: Db) {
  return db.office.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true, shortName: true, active: true } });
}

export type OfficeOption = Awaited<ReturnType<typeof listOffices>>[number];

/**
 * Plan-related audit rows start their before/after JSON with `{"planId":N,` (see
 * mutations.ts `planScoped`), so a plan's history is one prefix match, and it survives
 * deleted targets.
 */
export function planAuditPrefix(planId: number): string {
  return `{"planId":${planId},`;
}

/** The 变更记录 of a plan: its own rows and those of its points and targets, newest first. */
export async function planHistory(db: Db, planId: number, take = 200) {
  const prefix = planAuditPrefix(planId);
  return db.auditLog.findMany({
    where: {
      OR: [
        { entity: "Plan", entityId: String(planId) },
        { entity: { in: ["WorkPoint", "Target"] }, after: { startsWith: prefix } },
        { entity: { in: ["WorkPoint", "Target"] }, before: { startsWith: prefix } },
      ],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
  });
}

export type PlanHistoryRow = Awaited<ReturnType<typeof planHistory>>[number];

/** Ledger entries (deleted ones too: they still reference the points) of a plan. */
export async function planLedgerEntryCount(db: Db | Tx, planId: number): Promise<number> {
  return db.ledgerEntry.count({ where: { workPoint: { planId } } });
}

/** Reminders (督办) of a plan: they reference points and would block deleting them. */
export async function planReminderCount(db: Db | Tx, planId: number): Promise<number> {
  return db.reminder.count({ where: { workPoint: { planId } } });
}

/** Approved, non-deleted, non-协办 ledger quantities of a plan's targets (what counts as achieved). */
export async function approvedQuantities(db: Db | Tx, planId: number) {
  return db.ledgerQuantity.findMany({
    where: { target: { planId }, entry: { status: "APPROVED", deletedAt: null, linkedEntryId: null } },
    select: { targetId: true, value: true, completes: true, entry: { select: { date: true } } },
  });
}
