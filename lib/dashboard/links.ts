/**
 * Drill-down links. Every figure on the dashboard opens the ledger list filtered to the rows
 * behind it; the ledger accepts: year, sectionId, pointId, pointIds, officeId (recording office),
 * leadOfficeId / supportOfficeId / pointOfficeId (points the office leads / cooperates on / either),
 * status, counted=1 (APPROVED and not 协办: what progress counts), from, to, q, targetId, category.
 */

import { dayIndex, yearEndDay } from "@/lib/progress/dates";

export type LedgerStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";

export interface LedgerFilter {
  year: number;
  sectionId?: number;
  pointId?: number;
  pointIds?: readonly number[];
  officeId?: number | null;
  leadOfficeId?: number | null;
  supportOfficeId?: number | null;
  pointOfficeId?: number | null;
  status?: LedgerStatus;
  counted?: boolean;
  from?: Date;
  to?: Date;
  q?: string;
  targetId?: number;
  category?: string;
}

const ORDER: (keyof LedgerFilter)[] = [
  "year", "sectionId", "pointId", "pointIds", "targetId", "officeId", "leadOfficeId", "supportOfficeId", "pointOfficeId",
  "status", "counted", "category", "from", "to", "q",
];

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function paramValue(value: unknown): string | null {
  if (value === undefined || value === null || value === "" || value === false) return null;
  if (value === true) return "1";
  if (value instanceof Date) return isoDay(value);
  if (Array.isArray(value)) return value.length ? value.join(",") : null;
  return String(value);
}

export function ledgerHref(filter: LedgerFilter): string {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = paramValue(filter[key]);
    if (value !== null) params.set(key, value);
  }
  return `/ledger?${params.toString()}`;
}

/**
 * The entries a progress figure counts: APPROVED, not 协办 records (counted=1), and, while the
 * plan year is under way, dated on or before the day measured (later-dated entries wait).
 */
export function countedFilter(year: number, asOf: Date): LedgerFilter {
  const underWay = dayIndex(asOf) < yearEndDay(year);
  return { year, status: "APPROVED", counted: true, ...(underWay ? { to: asOf } : {}) };
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
