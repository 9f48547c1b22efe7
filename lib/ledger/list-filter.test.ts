import { describe, expect, it } from "vitest";
import { listOrderSql, listWhereSql } from "./list-sql";
import { parseListFilter } from "./schemas";

const leader = { id: 1, username: "leader", role: "LEADER" as const, officeId: null };
const parse = (query: string) => parseListFilter(new URLSearchParams(query));

describe("drill-down filters of the ledger list", () => {
  it.each([
    // query, parsed fields
    ["leadOfficeId=3", { leadOfficeId: 3 }],
    ["supportOfficeId=4", { supportOfficeId: 4 }],
    ["pointOfficeId=5", { pointOfficeId: 5 }],
    ["counted=1", { counted: true }],
    ["pointIds=3,7,3", { pointIds: [3, 7] }],
    ["pointIds=12", { pointIds: [12] }],
  ] as const)("%s", (query, fields) => {
    expect(parse(query)).toMatchObject(fields);
  });

  it.each([
    ["leadOfficeId=-3", "leadOfficeId"],
    ["supportOfficeId=1.5", "supportOfficeId"],
    ["pointOfficeId=abc", "pointOfficeId"],
    ["counted=yes", "counted"],
    ["counted=1&counted=1", "counted"],
    ["pointIds=3,,7", "pointIds"],
    ["pointIds=0,7", "pointIds"],
    ["pointIds=1;DROP", "pointIds"],
    [`pointIds=${Array.from({ length: 501 }, (_, i) => i + 1).join(",")}`, "pointIds"],
  ] as const)("a bad value is ignored: %s", (query, key) => {
    expect(parse(query)[key]).toBeUndefined();
  });

  it("adds the point-office, point-list and counting clauses, every value bound", () => {
    const where = listWhereSql(leader, parse("leadOfficeId=3&supportOfficeId=4&pointOfficeId=5&pointIds=7,8&counted=1"), 2026);
    expect(where.sql).toContain(`w."leadOfficeId" = ?`);
    expect(where.sql).toContain(`s."officeId" = ?`);
    expect(where.sql).toContain(`e."workPointId" IN (?,?)`);
    expect(where.sql).toContain(`e."linkedEntryId" IS NULL`);
    expect(where.values).toEqual([2026, 7, 8, 3, 4, 5, 5, "APPROVED"]);
    expect(listWhereSql(leader, parse(""), 2026).sql).toBe(`e."year" = ? AND e."deletedAt" IS NULL`); // readAll: no scope clause
  });
});

describe("the list's SQL", () => {
  const staff = { id: 9, username: "s", role: "STAFF" as const, officeId: 4 };
  const noOffice = { ...staff, officeId: null };

  it.each([
    ["STAFF of an office: that office only", staff, `e."officeId" = ?`, [4]],
    ["STAFF without an office: nothing", noOffice, `e."id" = -1`, []],
  ] as const)("%s", (_, user, clause, scopeValues) => {
    const where = listWhereSql(user, parse("officeId=7"), 2026);
    expect(where.sql.startsWith(`${clause} AND `)).toBe(true);
    expect(where.values.slice(0, scopeValues.length)).toEqual(scopeValues);
  });

  it("never puts user input into the statement's text", () => {
    const hostile = `x' OR 1=1 -- "e"; DROP TABLE "LedgerEntry"`;
    const where = listWhereSql(staff, parse(`q=${encodeURIComponent(hostile)}&status=APPROVED&from=2026-01-01&to=2026-03-31&targetId=5`), 2026);
    expect(where.sql).not.toMatch(/OR 1=1|DROP|x'/);
    expect(where.values).toEqual(expect.arrayContaining(["%x'%", "%1=1%", `%"e";%`, "APPROVED", 5]));
    expect(where.sql.match(/LIKE \?/g)).toHaveLength(2 * 5); // five words at most, title or description
  });

  it("deleted entries only for those who may restore them", () => {
    expect(listWhereSql(leader, parse("deleted=1"), 2026).sql).toContain(`e."deletedAt" IS NULL`);
    const coordinator = { ...leader, role: "COORDINATOR" as const };
    expect(listWhereSql(coordinator, parse("deleted=1"), 2026).sql).toContain(`e."deletedAt" IS NOT NULL`);
  });

  it.each([
    ["date_desc", `e."date" DESC, e."id" DESC`],
    ["date_asc", `e."date" ASC, e."id" ASC`],
    ["updated_desc", `e."updatedAt" DESC, e."id" DESC`],
  ] as const)("order %s", (sort, sql) => {
    expect(listOrderSql(sort).sql).toBe(sql);
  });
});
