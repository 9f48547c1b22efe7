/**
 * Read side of the ledger. Every entry query spreads readScope(user) (and deletedScope) into its
 * `where`, and the list's SQL starts with the same rule (readScopeSql in list-sql.ts): STAFF only
 * ever get rows of their own office, whatever the URL says.
 */
import { entryHistory, type HistoryRound } from "./history";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { planVisibilityKey, visiblePlanWhere, visiblePointWhere } from "@/lib/plan/visibility";
import { calendarDayAt } from "@/lib/progress/dates";
import { cacheEnabled, changeStamp, figuresStamp, StampedMemo } from "@/lib/dashboard/cache";
import { PAGE_SIZE } from "./constants";
import { deletedScope, readScope, type LedgerUser } from "./access";
import type { ListFilter } from "./schemas";
import { loadListRows, type LedgerListRow } from "./list-rows";
import { listOrderSql, listWhereSql } from "./list-sql";
import { toNumber } from "@/lib/sql-values";

/** The year a list opens on: this year's plan when there is one, else the latest plan (drafts only for plan:readDraft). */
export async function defaultYear(db: Db, role: Role, now = new Date()): Promise<number> {
  const thisYear = calendarDayAt(now).getUTCFullYear();
  const plans = await db.plan.findMany({ where: visiblePlanWhere(role), select: { year: true }, orderBy: { year: "desc" } });
  if (plans.some((p) => p.year === thisYear) || plans.length === 0) return thisYear;
  return (plans.find((p) => p.year < thisYear) ?? plans[0]).year;
}

/**
 * The year a drill-down link means when it names a point, target or section but no year
 * (`/ledger?pointId=5`): that object's plan year. Null when there is nothing to go on (or the
 * plan is a draft the role may not see).
 */
export async function inferYear(db: Db, role: Role, filter: Pick<ListFilter, "pointId" | "targetId" | "sectionId">): Promise<number | null> {
  const plan = { select: { year: true } } as const;
  const visible = { plan: visiblePlanWhere(role) };
  if (filter.pointId) return (await db.workPoint.findFirst({ where: { id: filter.pointId, ...visible }, select: { plan } }))?.plan.year ?? null;
  if (filter.targetId) return (await db.target.findFirst({ where: { id: filter.targetId, ...visible }, select: { plan } }))?.plan.year ?? null;
  if (filter.sectionId) return (await db.section.findFirst({ where: { id: filter.sectionId, ...visible }, select: { plan } }))?.plan.year ?? null;
  return null;
}

export { searchTerms, showsDeleted } from "./list-sql";
export type { LedgerListRow };

export interface LedgerPage {
  year: number;
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  rows: LedgerListRow[];
}

// A search's COUNT reads every candidate row (LIKE cannot use an index) while the page itself
// stops after LIMIT rows in index order, so the count is the list's one scan. It changes only
// through audited writes, so it is memoised on the audit stamp like the filter options.
const countMemos = new WeakMap<Db, StampedMemo>();

async function countEntries(db: Db, where: Prisma.Sql): Promise<number> {
  const count = async () => toNumber((await db.$queryRaw<{ n: unknown }[]>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "LedgerEntry" e WHERE ${where}`))[0]?.n);
  if (!cacheEnabled()) return count();
  let memo = countMemos.get(db);
  if (!memo) countMemos.set(db, (memo = new StampedMemo(256)));
  const stamp = await changeStamp(db);
  return memo.get(`ledger-count|${where.sql}|${JSON.stringify(where.values)}`, stamp, count);
}

/** One page of the list: a COUNT and a LIMIT/OFFSET query, never the whole table (lib/ledger/list-sql.ts, list-rows.ts). */
export async function listEntries(db: Db, user: LedgerUser, filter: ListFilter, year: number, pageSize = PAGE_SIZE): Promise<LedgerPage> {
  const where = listWhereSql(user, filter, year);
  const total = await countEntries(db, where);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pageCount);
  const ids = await db.$queryRaw<{ id: unknown }[]>(
    Prisma.sql`SELECT e."id" FROM "LedgerEntry" e WHERE ${where} ORDER BY ${listOrderSql(filter.sort)} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  const rows = await loadListRows(db, ids.map((r) => toNumber(r.id)));
  return { year, total, page, pageCount, pageSize, rows };
}

/** "专题学习1次；培训人数85人次" */
export function describeQuantities(quantities: LedgerListRow["quantities"]): string {
  return quantities
    .map((q) => (q.target.kind === "BOOLEAN" ? (q.completes ? `${q.target.subject}已完成` : "") : `${q.target.subject}${trim(q.value)}${q.target.unit}`))
    .filter(Boolean)
    .join("；");
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

const detailInclude = {
  office: { select: { id: true, name: true } },
  createdBy: { select: { displayName: true } },
  workPoint: {
    include: {
      plan: { select: { id: true, year: true, status: true } },
      section: { select: { id: true, ordinal: true, title: true } },
      leadOffice: { select: { id: true, name: true } },
      supportOffices: { select: { office: { select: { id: true, name: true } } }, orderBy: { office: { sortOrder: "asc" } } },
      targets: { orderBy: [{ ordinal: "asc" }, { id: "asc" }] },
    },
  },
  quantities: { include: { target: { select: { id: true, subject: true, unit: true, kind: true } } } },
  attachments: {
    where: { deletedAt: null },
    orderBy: { id: "asc" },
    select: { id: true, fileName: true, mimeType: true, size: true, sha256: true, createdAt: true },
  },
  linkedEntry: { select: { id: true, date: true, title: true, office: { select: { name: true } } } },
  _count: { select: { coHostEntries: { where: { deletedAt: null } } } },
} satisfies Prisma.LedgerEntryInclude;

export type LedgerEntryDetail = Prisma.LedgerEntryGetPayload<{ include: typeof detailInclude }> & { reviewedByName: string | null; history: HistoryRound[] };

/** One entry with everything its page shows, or null when it does not exist or is not the user's to see. */
export async function getEntryDetail(db: Db, user: LedgerUser, id: number): Promise<LedgerEntryDetail | null> {
  const entry = await db.ledgerEntry.findFirst({ where: { id, ...readScope(user), ...deletedScope(user) }, include: detailInclude });
  if (!entry) return null;
  const [reviewer, auditRows] = await Promise.all([
    entry.reviewedById ? db.user.findUnique({ where: { id: entry.reviewedById }, select: { displayName: true } }) : null,
    db.auditLog.findMany({ where: { entity: "LedgerEntry", entityId: String(entry.id) }, select: { at: true, action: true, userId: true, username: true, after: true }, orderBy: { id: "asc" } }),
  ]);
  const actorIds = [...new Set(auditRows.map((r) => r.userId).filter((v): v is number => v !== null))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } }) : [];
  const nameOf = new Map(actors.map((a) => [a.id, a.displayName]));
  const history = entryHistory(auditRows.map((r) => ({ at: r.at, action: r.action, after: r.after, actorName: (r.userId !== null ? nameOf.get(r.userId) : undefined) ?? r.username })));
  return { ...entry, reviewedByName: reviewer?.displayName ?? null, history };
}

const pointInclude = {
  plan: { select: { id: true, year: true, status: true, title: true } },
  section: { select: { id: true, ordinal: true, title: true } },
  leadOffice: { select: { id: true, name: true } },
  supportOffices: { select: { office: { select: { id: true, name: true } } }, orderBy: { office: { sortOrder: "asc" } } },
  targets: { orderBy: [{ ordinal: "asc" }, { id: "asc" }] },
} satisfies Prisma.WorkPointInclude;

export type PointForRecording = Prisma.WorkPointGetPayload<{ include: typeof pointInclude }>;

/** A point to record for; null when missing or in a draft plan the role may not see. */
export async function getPointForRecording(db: Db, role: Role, pointId: number): Promise<PointForRecording | null> {
  return db.workPoint.findFirst({ where: { id: pointId, ...visiblePointWhere(role) }, include: pointInclude });
}

/** Whether the office leads or cooperates on the point. */
export function officeInvolved(point: { leadOfficeId: number | null; supportOffices: { office: { id: number } }[] }, officeId: number | null): boolean {
  if (officeId === null) return false;
  return point.leadOfficeId === officeId || point.supportOffices.some((s) => s.office.id === officeId);
}

/** Points of published plans of the year the user may record for (their office's, or all with ledger:writeAll). */
export async function recordablePoints(db: Db, user: LedgerUser, year: number) {
  const where: Prisma.WorkPointWhereInput = { plan: { year, status: "PUBLISHED" } };
  if (!can(user.role, "ledger:writeAll")) {
    const officeId = user.officeId ?? -1;
    where.OR = [{ leadOfficeId: officeId }, { supportOffices: { some: { officeId } } }];
  }
  if (!can(user.role, "ledger:write")) return [];
  return db.workPoint.findMany({
    where,
    orderBy: { number: "asc" },
    select: { id: true, number: true, title: true, leadOfficeId: true, leadOffice: { select: { name: true } }, section: { select: { ordinal: true, title: true } } },
  });
}

/**
 * The lead office's records of a point that a cooperating office may link its 协办 entry to:
 * only date and title are shown, and only submitted or approved records (not the lead's drafts).
 */
export async function linkCandidates(db: Db, point: { id: number; leadOfficeId: number | null }, officeId: number | null) {
  if (point.leadOfficeId === null || officeId === null || officeId === point.leadOfficeId) return [];
  return db.ledgerEntry.findMany({
    where: { workPointId: point.id, officeId: point.leadOfficeId, deletedAt: null, linkedEntryId: null, status: { in: ["SUBMITTED", "APPROVED"] } },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, date: true, title: true },
  });
}

/** Filter form options for a year: sections, points, offices and targets. */
export type FilterOptions = Awaited<ReturnType<typeof loadFilterOptions>>;

// The plan's structure and the offices change only through audited writes, so the audit stamp
// says when the memo is stale. One memo per client: tests open several databases in one process.
const optionsMemos = new WeakMap<Db, StampedMemo>();

/**
 * The filter form's choices for a year; memoised on the audit stamp (one indexed lookup per request).
 * Draft plans (years and their structure) only for plan:readDraft: to others a draft year is empty.
 */
export async function filterOptions(db: Db, year: number, role: Role): Promise<FilterOptions> {
  if (!cacheEnabled()) return loadFilterOptions(db, year, role);
  let memo = optionsMemos.get(db);
  if (!memo) optionsMemos.set(db, (memo = new StampedMemo(16)));
  const stamp = await figuresStamp(db);
  return memo.get(`ledger-filter-options|${year}|${planVisibilityKey(role)}`, stamp, () => loadFilterOptions(db, year, role));
}

async function loadFilterOptions(db: Db, year: number, role: Role) {
  const visible = visiblePlanWhere(role);
  const [plans, plan, offices] = await Promise.all([
    db.plan.findMany({ where: visible, select: { year: true }, orderBy: { year: "desc" } }),
    db.plan.findFirst({
      where: { year, ...visible },
      select: {
        sections: { orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true, title: true } },
        points: { orderBy: { number: "asc" }, select: { id: true, number: true, title: true } },
        targets: { orderBy: [{ workPointId: "asc" }, { ordinal: "asc" }], select: { id: true, subject: true, workPoint: { select: { number: true } } } },
      },
    }),
    db.office.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true, active: true } }),
  ]);
  return {
    years: plans.map((p) => p.year),
    sections: plan?.sections ?? [],
    points: plan?.points ?? [],
    targets: plan?.targets ?? [],
    offices,
  };
}

