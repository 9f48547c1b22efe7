/**
 * Drill-down links. Every figure on the dashboard opens the ledger list filtered to the rows
 * behind it; the ledger accepts: year, sectionId, pointId, officeId, status, from, to, q,
 * targetId, category.
 */

export type LedgerStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";

export interface LedgerFilter {
  year: number;
  sectionId?: number;
  pointId?: number;
  officeId?: number | null;
  status?: LedgerStatus;
  from?: Date;
  to?: Date;
  q?: string;
  targetId?: number;
  category?: string;
}

const ORDER: (keyof LedgerFilter)[] = ["year", "sectionId", "pointId", "targetId", "officeId", "status", "category", "from", "to", "q"];

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function ledgerHref(filter: LedgerFilter): string {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filter[key];
    if (value === undefined || value === null || value === "") continue;
    params.set(key, value instanceof Date ? isoDay(value) : String(value));
  }
  return `/ledger?${params.toString()}`;
}

export function pointHref(pointId: number): string {
  return `/points/${pointId}`;
}

export interface DashboardQuery {
  year?: number;
  officeId?: number | null;
  status?: string | null;
}

export function dashboardHref(query: DashboardQuery, hash = ""): string {
  const params = new URLSearchParams();
  if (query.year) params.set("year", String(query.year));
  if (query.officeId) params.set("officeId", String(query.officeId));
  if (query.status) params.set("status", query.status);
  const search = params.toString();
  return `/dashboard${search ? `?${search}` : ""}${hash}`;
}
