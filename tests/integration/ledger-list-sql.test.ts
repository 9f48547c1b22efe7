/**
 * The ledger list's hand-written SQL (lib/ledger/list-sql.ts) selects and orders exactly the rows
 * the same filter written with Prisma's model API selects (tests/support/ledger-list-reference.ts),
 * for every demo role and for random combinations of every filter, on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { Prisma } from "@/generated/prisma/client";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import type { LedgerUser } from "@/lib/ledger/access";
import { listOrderSql, listWhereSql } from "@/lib/ledger/list-sql";
import { ENTRY_CATEGORIES, ENTRY_STATUSES, LIST_SORTS } from "@/lib/ledger/constants";
import { parseListFilter } from "@/lib/ledger/schemas";
import { toNumber } from "@/lib/sql-values";
import { ROLES } from "@/lib/auth/roles";
import { ledgerUser } from "@/tests/support/ledger-helpers";
import { buildListWhere, orderFor } from "@/tests/support/ledger-list-reference";

let t: TestDb;
let users: LedgerUser[];
let ids: { offices: number[]; points: number[]; sections: number[]; targets: number[] };
/** The days entries were recorded on: a from/to on such a day tells <= from <. */
let entryDays: string[];
const YEARS = [2025, 2026];

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  users = await Promise.all(["staff-zonghe", "staff-yanjiu", "coordinator", "leader", "viewer", "admin"].map((u) => ledgerUser(t.db, u)));
  users.push({ id: users[0].id, username: "no-office", role: "STAFF", officeId: null });
  // Every role, with and without an office: the scope comes from the permission table, not the demo data.
  for (const role of ROLES) for (const officeId of [users[0].officeId, null]) users.push({ id: users[0].id, username: `${role}-${officeId}`, role, officeId });
  // Deleted entries and a 协办 record, so deleted=1 and counted=1 have something to tell apart.
  const entries = await t.db.ledgerEntry.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  await t.db.ledgerEntry.updateMany({ where: { id: { in: entries.slice(0, 3).map((e) => e.id) } }, data: { deletedAt: new Date() } });
  await t.db.ledgerEntry.update({ where: { id: entries[5].id }, data: { linkedEntryId: entries[6].id, status: "APPROVED" } });
  const [offices, points, sections, targets] = await Promise.all([
    t.db.office.findMany({ select: { id: true } }),
    t.db.workPoint.findMany({ select: { id: true } }),
    t.db.section.findMany({ select: { id: true } }),
    t.db.target.findMany({ select: { id: true } }),
  ]);
  const of = (rows: { id: number }[]) => rows.map((r) => r.id);
  ids = { offices: of(offices), points: of(points), sections: of(sections), targets: of(targets) };
  entryDays = [...new Set((await t.db.ledgerEntry.findMany({ select: { date: true } })).map((e) => e.date.toISOString().slice(0, 10)))];
  expect(entries.length).toBeGreaterThan(20);
});
afterAll(async () => t.cleanup());

async function bySql(user: LedgerUser, params: Record<string, string>, year: number): Promise<number[]> {
  const filter = parseListFilter(params);
  const rows = await t.db.$queryRaw<{ id: unknown }[]>(
    Prisma.sql`SELECT e."id" FROM "LedgerEntry" e WHERE ${listWhereSql(user, filter, year)} ORDER BY ${listOrderSql(filter.sort)}`,
  );
  return rows.map((r) => toNumber(r.id));
}

async function byModel(user: LedgerUser, params: Record<string, string>, year: number): Promise<number[]> {
  const filter = parseListFilter(params);
  const rows = await t.db.ledgerEntry.findMany({ where: buildListWhere(user, filter, year), orderBy: orderFor(filter.sort), select: { id: true } });
  return rows.map((r) => r.id);
}

describe("the ledger list's SQL against the model API", () => {
  it("every role, no filter, each sort and the deleted view", async () => {
    for (const user of users) {
      for (const year of YEARS) {
        for (const sort of LIST_SORTS) {
          for (const deleted of ["", "1"]) {
            const params = { sort, ...(deleted ? { deleted } : {}) };
            expect(await bySql(user, params, year), `${user.username} ${year} ${sort} ${deleted}`).toEqual(await byModel(user, params, year));
          }
        }
      }
    }
    // Not vacuous: the coordinator sees every office's rows, a staff member fewer, the office-less none.
    const all = await bySql(users[2], {}, 2025);
    expect(all.length).toBeGreaterThan(10);
    expect((await bySql(users[0], {}, 2025)).length).toBeLessThan(all.length);
    expect(await bySql(users[6], {}, 2025)).toEqual([]);
  });

  it("a day's range holds that day's entries, at both ends", async () => {
    const coordinator = users[2];
    let found = 0;
    for (const day of entryDays) {
      const year = Number(day.slice(0, 4));
      for (const params of [{ from: day, to: day }, { from: day }, { to: day }] as Record<string, string>[]) {
        const sql = await bySql(coordinator, params, year);
        expect(sql, JSON.stringify(params)).toEqual(await byModel(coordinator, params, year));
        if ("from" in params && "to" in params) found += sql.length;
      }
    }
    expect(found).toBeGreaterThan(10);
  });

  it("random combinations of every filter", async () => {
    // Each filter is present in one case of six, so most cases combine a few and still match rows.
    const rarely = <T,>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary, weight: 1 });
    const some = <T,>(values: readonly T[]) => rarely(fc.constantFrom(...values));
    const anyDay = fc.integer({ min: 0, max: 729 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    const day = rarely(fc.oneof(fc.constantFrom(...entryDays), anyDay));
    const params = fc.record({
      sectionId: some(ids.sections),
      pointId: some(ids.points),
      pointIds: rarely(fc.subarray(ids.points, { minLength: 1, maxLength: 6 }).map((a) => a.join(","))),
      officeId: some(ids.offices),
      leadOfficeId: some(ids.offices),
      supportOfficeId: some(ids.offices),
      pointOfficeId: some(ids.offices),
      targetId: some(ids.targets),
      status: some(ENTRY_STATUSES),
      category: some(ENTRY_CATEGORIES),
      from: day,
      to: day,
      q: some(["学习", "宪法 宣传", "培训", "法治", "x'y", "100%", "a_b", "无此词"]),
      sort: some(LIST_SORTS),
      deleted: some(["1"]),
      counted: some(["1"]),
    });
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...users), fc.constantFrom(...YEARS), params, async (user, year, raw) => {
        const p = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
        const sql = await bySql(user, p, year);
        if (sql.length) nonEmpty += 1;
        expect(sql).toEqual(await byModel(user, p, year));
      }),
      { numRuns: 400 },
    );
    expect(nonEmpty).toBeGreaterThan(25); // about one case in six matches rows
  });
});
