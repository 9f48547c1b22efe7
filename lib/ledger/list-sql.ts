/**
 * The ledger list's filter as one parameterised SQL condition on `"LedgerEntry" e`, for the page's
 * COUNT and id query (lib/ledger/queries.ts). Prisma's query compiler plans a model query afresh on
 * every call; for the list's filter that cost 1.4 ms of CPU per page against 0.16 ms for the same
 * statement by hand (lib/hot-path.ts explains why that matters on a one-process server).
 *
 * The access rule comes first and is the same as readScope() in access.ts: no ledger:read, or no
 * office without ledger:readAll, matches nothing. Every value is a bound parameter; the text is built
 * only from fixed fragments. The SQL is the subset SQLite and PostgreSQL share. Equivalence with the
 * model API's filter is tested on both databases (tests/integration/ledger-list-sql.test.ts).
 */
import { Prisma } from "@/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { ListSort } from "./constants";
import type { LedgerUser } from "./access";
import { parseIsoDay, type ListFilter } from "./schemas";

const NOTHING = Prisma.sql`e."id" = -1`;

/** readScope() as SQL. */
export function readScopeSql(user: LedgerUser): Prisma.Sql | null {
  if (!can(user.role, "ledger:read")) return NOTHING;
  if (can(user.role, "ledger:readAll")) return null;
  return user.officeId === null ? NOTHING : Prisma.sql`e."officeId" = ${user.officeId}`;
}

/** Deleted entries are listed (instead of the others) only for those who may restore them. */
export function showsDeleted(user: LedgerUser, filter: Pick<ListFilter, "deleted">): boolean {
  return filter.deleted && can(user.role, "ledger:restore");
}

/**
 * Words of the search box, each of which must occur in the title or the description. LIKE
 * wildcards (% _) and the escape character are separators, so a word never holds one.
 */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return [...new Set(q.split(/[\s%_\\]+/u).filter(Boolean))].slice(0, 5);
}

export function listWhereSql(user: LedgerUser, filter: ListFilter, year: number): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  const scope = readScopeSql(user);
  if (scope) and.push(scope);
  and.push(Prisma.sql`e."year" = ${year}`);
  and.push(showsDeleted(user, filter) ? Prisma.sql`e."deletedAt" IS NOT NULL` : Prisma.sql`e."deletedAt" IS NULL`);
  if (filter.sectionId) and.push(Prisma.sql`e."workPointId" IN (SELECT w."id" FROM "WorkPoint" w WHERE w."sectionId" = ${filter.sectionId})`);
  if (filter.pointId) and.push(Prisma.sql`e."workPointId" = ${filter.pointId}`);
  if (filter.pointIds) and.push(filter.pointIds.length ? Prisma.sql`e."workPointId" IN (${Prisma.join(filter.pointIds)})` : NOTHING);
  if (filter.officeId) and.push(Prisma.sql`e."officeId" = ${filter.officeId}`);
  if (filter.leadOfficeId) and.push(Prisma.sql`e."workPointId" IN (SELECT w."id" FROM "WorkPoint" w WHERE w."leadOfficeId" = ${filter.leadOfficeId})`);
  if (filter.supportOfficeId) {
    and.push(Prisma.sql`e."workPointId" IN (SELECT s."workPointId" FROM "WorkPointSupport" s WHERE s."officeId" = ${filter.supportOfficeId})`);
  }
  if (filter.pointOfficeId) {
    const officeId = filter.pointOfficeId;
    and.push(Prisma.sql`e."workPointId" IN (SELECT w."id" FROM "WorkPoint" w WHERE w."leadOfficeId" = ${officeId}
      OR EXISTS (SELECT 1 FROM "WorkPointSupport" s WHERE s."workPointId" = w."id" AND s."officeId" = ${officeId}))`);
  }
  // The counting rule of lib/progress (APPROVED, no 协办 record); deletedAt is handled above.
  if (filter.counted) and.push(Prisma.sql`e."status" = ${"APPROVED"} AND e."linkedEntryId" IS NULL`);
  if (filter.status) and.push(Prisma.sql`e."status" = ${filter.status}`);
  if (filter.category) and.push(Prisma.sql`e."category" = ${filter.category}`);
  if (filter.targetId) and.push(Prisma.sql`EXISTS (SELECT 1 FROM "LedgerQuantity" q WHERE q."entryId" = e."id" AND q."targetId" = ${filter.targetId})`);
  const from = filter.from ? parseIsoDay(filter.from) : null;
  const to = filter.to ? parseIsoDay(filter.to) : null;
  if (from) and.push(Prisma.sql`e."date" >= ${from}`);
  if (to) and.push(Prisma.sql`e."date" <= ${to}`);
  for (const term of searchTerms(filter.q)) {
    const pattern = `%${term}%`;
    and.push(Prisma.sql`(e."title" LIKE ${pattern} OR e."description" LIKE ${pattern})`);
  }
  return Prisma.join(and, " AND ");
}

export function listOrderSql(sort: ListSort): Prisma.Sql {
  switch (sort) {
    case "date_asc":
      return Prisma.sql`e."date" ASC, e."id" ASC`;
    case "updated_desc":
      return Prisma.sql`e."updatedAt" DESC, e."id" DESC`;
    default:
      return Prisma.sql`e."date" DESC, e."id" DESC`;
  }
}
