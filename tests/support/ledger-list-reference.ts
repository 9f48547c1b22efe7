/**
 * The ledger list's filter written with Prisma's model API: the reference the hand-written SQL of
 * lib/ledger/list-sql.ts is tested against (tests/integration/ledger-list-sql.test.ts), and the
 * readable statement of what each filter means. The portal itself runs the SQL.
 */
import type { Prisma } from "@/generated/prisma/client";
import { readScope, type LedgerUser } from "@/lib/ledger/access";
import type { ListSort } from "@/lib/ledger/constants";
import { searchTerms, showsDeleted } from "@/lib/ledger/list-sql";
import { parseIsoDay, type ListFilter } from "@/lib/ledger/schemas";

export function buildListWhere(user: LedgerUser, filter: ListFilter, year: number): Prisma.LedgerEntryWhereInput {
  const and: Prisma.LedgerEntryWhereInput[] = [readScope(user), { year }];
  and.push({ deletedAt: showsDeleted(user, filter) ? { not: null } : null });
  if (filter.sectionId) and.push({ workPoint: { sectionId: filter.sectionId } });
  if (filter.pointId) and.push({ workPointId: filter.pointId });
  if (filter.pointIds) and.push({ workPointId: { in: filter.pointIds } });
  if (filter.officeId) and.push({ officeId: filter.officeId });
  if (filter.leadOfficeId) and.push({ workPoint: { leadOfficeId: filter.leadOfficeId } });
  if (filter.supportOfficeId) and.push({ workPoint: { supportOffices: { some: { officeId: filter.supportOfficeId } } } });
  if (filter.pointOfficeId) {
    const officeId = filter.pointOfficeId;
    and.push({ workPoint: { OR: [{ leadOfficeId: officeId }, { supportOffices: { some: { officeId } } }] } });
  }
  // The counting rule of lib/progress (APPROVED, no 协办 record); deletedAt is handled above.
  if (filter.counted) and.push({ status: "APPROVED", linkedEntryId: null });
  if (filter.status) and.push({ status: filter.status });
  if (filter.category) and.push({ category: filter.category });
  if (filter.targetId) and.push({ quantities: { some: { targetId: filter.targetId } } });
  const from = filter.from ? parseIsoDay(filter.from) : null;
  const to = filter.to ? parseIsoDay(filter.to) : null;
  if (from) and.push({ date: { gte: from } });
  if (to) and.push({ date: { lte: to } });
  for (const term of searchTerms(filter.q)) and.push({ OR: [{ title: { contains: term } }, { description: { contains: term } }] });
  return { AND: and };
}

export function orderFor(sort: ListSort): Prisma.LedgerEntryOrderByWithRelationInput[] {
  switch (sort) {
    case "date_asc":
      return [{ date: "asc" }, { id: "asc" }];
    case "updated_desc":
      return [{ updatedAt: "desc" }, { id: "desc" }];
    default:
      return [{ date: "desc" }, { id: "desc" }];
  }
}
