import { describe, expect, it } from "vitest";
import { buildListWhere } from "./queries";
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

  it("adds the point-office, point-list and counting clauses to the where", () => {
    const where = buildListWhere(leader, parse("leadOfficeId=3&supportOfficeId=4&pointOfficeId=5&pointIds=7,8&counted=1"), 2026);
    expect(where.AND).toEqual(
      expect.arrayContaining([
        { workPoint: { leadOfficeId: 3 } },
        { workPoint: { supportOffices: { some: { officeId: 4 } } } },
        { workPoint: { OR: [{ leadOfficeId: 5 }, { supportOffices: { some: { officeId: 5 } } }] } },
        { workPointId: { in: [7, 8] } },
        { status: "APPROVED", linkedEntryId: null },
      ]),
    );
    expect(buildListWhere(leader, parse(""), 2026).AND).toHaveLength(3); // scope, year, not deleted
  });
});
