import { describe, expect, it } from "vitest";
import { auditQueryString, auditWhere, parseAuditFilters } from "./filters";

describe("parseAuditFilters", () => {
  it.each([
    ["nothing", {}, { page: 1 }],
    ["a person", { user: " coordinator " }, { user: "coordinator", page: 1 }],
    ["an empty box is no filter", { user: "", action: "" }, { page: 1 }],
    ["a period", { from: "2026-01-01", to: "2026-06-30" }, { from: "2026-01-01", to: "2026-06-30", page: 1 }],
    ["a malformed day is dropped", { from: "2026-1-1", to: "yesterday" }, { page: 1 }],
    ["an over-long value is dropped", { user: "x".repeat(65) }, { page: 1 }],
    ["a page", { page: "3" }, { page: 3 }],
    ["a junk page is the first", { page: "-2" }, { page: 1 }],
    ["repeated parameters take the first", { user: ["a", "b"] }, { user: "a", page: 1 }],
  ])("%s", (_name, raw, expected) => {
    expect(parseAuditFilters(raw)).toEqual(expected);
  });

  it("reads URLSearchParams the same way", () => {
    expect(parseAuditFilters(new URLSearchParams("user=admin&action=login&page=2"))).toEqual({ user: "admin", action: "login", page: 2 });
  });
});

describe("auditWhere", () => {
  it("matches an action group and its sub-actions", () => {
    expect(auditWhere(parseAuditFilters({ action: "login" })).OR).toEqual([{ action: "login" }, { action: { startsWith: "login." } }]);
  });

  it("takes periods as whole China-time days", () => {
    const where = auditWhere(parseAuditFilters({ from: "2026-12-01", to: "2026-12-01" }));
    expect(where.at?.gte?.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(where.at?.lt?.toISOString()).toBe("2026-12-01T16:00:00.000Z");
  });

  it("combines person, object and period", () => {
    const where = auditWhere(parseAuditFilters({ user: "admin", entity: "User", entityId: "7", from: "2026-01-01" }));
    expect(where).toEqual({ username: "admin", entity: "User", entityId: "7", at: { gte: new Date("2025-12-31T16:00:00.000Z") } });
  });
});

describe("auditQueryString", () => {
  it("keeps the filters for links and the export", () => {
    const filters = parseAuditFilters({ user: "admin", action: "login", from: "2026-01-01", page: "4" });
    expect(auditQueryString(filters)).toBe("user=admin&action=login&from=2026-01-01");
    expect(auditQueryString(filters, 2)).toBe("user=admin&action=login&from=2026-01-01&page=2");
  });
});
