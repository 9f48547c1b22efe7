/**
 * Drafts stay drafts: a plan in 草稿 (DRAFT) is visible only to the roles with plan:readDraft
 * (法治办 and the 系统管理员) until it is published. Every plan read reachable by another role
 * spreads visiblePlanWhere(role) into its Prisma `where` (or checks isPlanVisible on a plan it
 * already loaded), so a draft year looks exactly like a missing year: no existence leak.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

export const DRAFT_PLAN_STATUS = "DRAFT";

export function canReadDraftPlans(role: Role): boolean {
  return can(role, "plan:readDraft");
}

/** The plans a role may see: all of them with plan:readDraft, else every plan but drafts. */
export function visiblePlanWhere(role: Role): Prisma.PlanWhereInput {
  return canReadDraftPlans(role) ? {} : { status: { not: DRAFT_PLAN_STATUS } };
}

/** The same rule for work points (through their plan). */
export function visiblePointWhere(role: Role): Prisma.WorkPointWhereInput {
  return canReadDraftPlans(role) ? {} : { plan: visiblePlanWhere(role) };
}

/** For a plan already loaded: whether the role may know it exists. */
export function isPlanVisible(role: Role, plan: { status: string } | null | undefined): boolean {
  if (!plan) return false;
  return plan.status !== DRAFT_PLAN_STATUS || canReadDraftPlans(role);
}

/** The memo key part for caches that hold plan lists: roles that see drafts and roles that do not. */
export function planVisibilityKey(role: Role): "all" | "published" {
  return canReadDraftPlans(role) ? "all" : "published";
}

/** A year's plan if the role may see it (id, title, status), else null — as if there were none. */
export async function findVisiblePlan(db: Db | Tx, role: Role, year: number) {
  return db.plan.findFirst({ where: { year, ...visiblePlanWhere(role) }, select: { id: true, year: true, title: true, status: true } });
}

/** The years (newest first) with a plan the role may see. */
export async function visiblePlanYears(db: Db | Tx, role: Role): Promise<{ year: number; title: string }[]> {
  return db.plan.findMany({ where: visiblePlanWhere(role), orderBy: { year: "desc" }, select: { year: true, title: true } });
}

/**
 * Whether the year's plan is a draft the role may not see: then everything hung on that year (its
 * report, exports) is answered as if the year had no plan. False for a year without any plan.
 */
export async function hidesDraftYear(db: Db | Tx, role: Role, year: number): Promise<boolean> {
  if (canReadDraftPlans(role)) return false;
  return (await db.plan.count({ where: { year, status: DRAFT_PLAN_STATUS } })) > 0;
}
