import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import type { LedgerUser } from "@/lib/ledger/access";
import * as m from "@/lib/ledger/mutations";
import { defaultYear, filterOptions, inferYear, listEntries, recordablePoints, linkCandidates, searchTerms } from "@/lib/ledger/queries";
import { parseListFilter, type ListFilter } from "@/lib/ledger/schemas";
import { ledgerUser, officeId, pointOf } from "@/tests/support/ledger-helpers";

let t: TestDb;
let zonghe: LedgerUser;
let yanjiu: LedgerUser;
let coordinator: LedgerUser;
let leader: LedgerUser;
let viewer: LedgerUser;

const f = (params: Record<string, string> = {}): ListFilter => parseListFilter(params);

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  [zonghe, yanjiu, coordinator, leader, viewer] = await Promise.all(
    ["staff-zonghe", "staff-yanjiu", "coordinator", "leader", "viewer"].map((u) => ledgerUser(t.db, u)),
  );
});
afterAll(async () => t.cleanup());

describe("query parameters", () => {
  it("parses the documented names and falls back to defaults on bad values", () => {
    expect(f({ year: "2025", pointId: "3", status: "APPROVED", sort: "date_asc", page: "2", q: " 学习 ", deleted: "1", category: "FIRST_RESPONSIBLE", from: "2025-01-01", to: "2025-06-30", targetId: "7", sectionId: "1", officeId: "2" })).toEqual({
      year: 2025, pointId: 3, status: "APPROVED", sort: "date_asc", page: 2, q: "学习", deleted: true, category: "FIRST_RESPONSIBLE", from: "2025-01-01", to: "2025-06-30", targetId: 7, sectionId: 1, officeId: 2,
    });
    const bad = f({ year: "20x5", pointId: "-1", status: "PUBLISHED", sort: "name", page: "0", from: "2025-02-30", to: "yesterday", deleted: "yes", officeId: "1.5", targetId: "' OR 1=1" });
    expect(bad).toMatchObject({ sort: "date_desc", page: 1, deleted: false });
    for (const key of ["year", "pointId", "status", "from", "to", "officeId", "targetId"] as const) expect(bad[key]).toBeUndefined();
    expect(parseListFilter(new URLSearchParams("status=DRAFT&status=APPROVED")).status).toBeUndefined();
  });

  it("never throws, whatever the URL holds", () => {
    const keys = ["year", "sectionId", "pointId", "officeId", "status", "from", "to", "q", "sort", "page", "targetId", "category", "deleted", "other"];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }))), (params) => {
        const parsed = parseListFilter(params);
        expect(parsed.page).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe("listing", () => {
  it("reads each row as the model API would (office, point, quantities in order, live attachments only)", async () => {
    const all = await listEntries(t.db, coordinator, f(), 2025, 500);
    const withQuantities = all.rows.find((r) => r.quantities.length > 0)!;
    expect(withQuantities).toBeDefined();
    const file = { fileName: "a.pdf", mimeType: "application/pdf", size: 3, sha256: "0".repeat(64), data: Buffer.from("abc"), createdById: coordinator.id };
    await t.db.attachment.createMany({
      data: [
        { ...file, entryId: withQuantities.id },
        { ...file, entryId: withQuantities.id },
        { ...file, entryId: withQuantities.id, deletedAt: new Date() },
      ],
    });
    const page = await listEntries(t.db, coordinator, f(), 2025, 500);
    const expected = await t.db.ledgerEntry.findMany({
      where: { id: { in: page.rows.map((r) => r.id) } },
      select: {
        id: true, year: true, date: true, title: true, form: true, status: true, category: true, linkedEntryId: true,
        updatedAt: true, deletedAt: true, officeId: true, office: { select: { name: true } },
        workPoint: { select: { id: true, number: true, title: true } },
        quantities: { select: { value: true, completes: true, target: { select: { subject: true, unit: true, kind: true } } }, orderBy: { id: "asc" } },
        _count: { select: { attachments: { where: { deletedAt: null } } } },
      },
    });
    const byId = new Map(expected.map((e) => [e.id, e]));
    expect(page.rows.length).toBeGreaterThan(5);
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    for (const row of page.rows) expect(row).toEqual(byId.get(row.id));
    expect(page.rows.find((r) => r.id === withQuantities.id)!._count.attachments).toBe(2);
    expect(page.rows.some((r) => r.quantities.some((q) => q.target.kind === "BOOLEAN" || q.completes === false))).toBe(true);
  });

  it("STAFF see their own office only, whatever officeId they ask for", async () => {
    const page = await listEntries(t.db, yanjiu, f(), 2025);
    expect(page.total).toBeGreaterThan(0);
    expect(new Set(page.rows.map((r) => r.office.name))).toEqual(new Set(["研究室"]));
    const asked = await listEntries(t.db, yanjiu, f({ officeId: String(await officeId(t.db, "综合科")) }), 2025);
    expect(asked.total).toBe(0);
  });

  it("LEADER, COORDINATOR and VIEWER see every office", async () => {
    const all = await t.db.ledgerEntry.count({ where: { year: 2025, deletedAt: null } });
    for (const user of [leader, coordinator, viewer]) expect((await listEntries(t.db, user, f(), 2025)).total).toBe(all);
  });

  it("filters by point, status, category, target, section, date range and text; sorts and paginates", async () => {
    const p1 = await pointOf(t.db, 2025, 1);
    const byPoint = await listEntries(t.db, coordinator, f({ pointId: String(p1.id) }), 2025);
    expect(byPoint.total).toBe(8); // 6 study sessions + 2 first-responsible entries on point 1
    expect((await listEntries(t.db, coordinator, f({ targetId: String(p1.targets[0].id) }), 2025)).total).toBe(6);
    expect((await listEntries(t.db, coordinator, f({ category: "FIRST_RESPONSIBLE" }), 2025)).total).toBe(3);
    expect((await listEntries(t.db, coordinator, f({ status: "RETURNED" }), 2025)).rows.map((r) => r.title)).toEqual(["机关制度宣传培训"]);
    expect((await listEntries(t.db, coordinator, f({ sectionId: String(p1.sectionId) }), 2025)).total).toBeGreaterThanOrEqual(8);
    const range = await listEntries(t.db, coordinator, f({ from: "2025-03-01", to: "2025-03-31" }), 2025);
    expect(range.rows.every((r) => r.date >= new Date("2025-03-01") && r.date <= new Date("2025-03-31"))).toBe(true);
    expect(range.total).toBe(3);
    expect((await listEntries(t.db, coordinator, f({ q: "宪法" }), 2025)).total).toBe(3); // title or description
    expect((await listEntries(t.db, coordinator, f({ q: "宪法 宣传" }), 2025)).rows.map((r) => r.title)).toEqual(["国家宪法日法治宣传活动"]);
    expect((await listEntries(t.db, coordinator, f({ q: "%" }), 2025)).total).toBe((await listEntries(t.db, coordinator, f(), 2025)).total);
    expect((await listEntries(t.db, coordinator, f({ q: "宪%法_日" }), 2025)).total).toBe(2);
    expect(searchTerms(" a  b%c_d\\e ")).toEqual(["a", "b", "c", "d", "e"]);
    const asc = await listEntries(t.db, coordinator, f({ sort: "date_asc" }), 2025);
    expect(asc.rows[0].date.getTime()).toBeLessThanOrEqual(asc.rows[1].date.getTime());
    const page2 = await listEntries(t.db, coordinator, f({ page: "2" }), 2025, 5);
    expect(page2).toMatchObject({ page: 2, pageSize: 5 });
    expect(page2.rows).toHaveLength(5);
    const beyond = await listEntries(t.db, coordinator, f({ page: "999" }), 2025, 5);
    expect(beyond.page).toBe(beyond.pageCount);
  });

  it("deleted=1 lists deleted entries for the COORDINATOR only", async () => {
    const p1 = await pointOf(t.db, 2026, 1);
    const entry = await m.createEntry(t.db, zonghe, {
      pointId: p1.id, date: new Date("2026-02-02T00:00:00Z"), title: "误录的记录", form: "其他", description: "", participants: "", category: "NORMAL", linkedEntryId: null, quantities: [],
    });
    await m.deleteEntry(t.db, zonghe, { id: entry.id, version: entry.version });
    const titles = async (user: LedgerUser, params: Record<string, string>) => (await listEntries(t.db, user, f(params), 2026)).rows.map((r) => r.title);
    expect(await titles(coordinator, { deleted: "1" })).toEqual(["误录的记录"]);
    expect(await titles(coordinator, {})).not.toContain("误录的记录");
    expect(await titles(zonghe, { deleted: "1" })).not.toContain("误录的记录");
    expect(await titles(leader, { deleted: "1" })).not.toContain("误录的记录");
  });

  it("recordable points and 协办 candidates follow the office's role on the point", async () => {
    const points = await recordablePoints(t.db, yanjiu, 2026);
    expect(points.map((p) => p.number)).toEqual([2, 3, 5, 9, 10, 11]);
    expect((await recordablePoints(t.db, coordinator, 2026)).length).toBe(12);
    expect(await recordablePoints(t.db, viewer, 2026)).toEqual([]);
    const p4 = await pointOf(t.db, 2026, 4);
    expect((await linkCandidates(t.db, p4, zonghe.officeId)).map((e) => e.title)).toEqual(["法治专题培训班"]);
    expect(await linkCandidates(t.db, p4, p4.leadOfficeId)).toEqual([]);
  });

  it("opens on this year's plan, or the year of the point a drill-down link names", async () => {
    expect(await defaultYear(t.db, "COORDINATOR", new Date("2026-11-22T00:00:00Z"))).toBe(2026);
    expect(await defaultYear(t.db, "COORDINATOR", new Date("2030-01-01T00:00:00Z"))).toBe(2026);
    const p = await pointOf(t.db, 2025, 4);
    expect(await inferYear(t.db, "COORDINATOR", f({ pointId: String(p.id) }))).toBe(2025);
    expect(await inferYear(t.db, "COORDINATOR", f({ targetId: String(p.targets[0].id) }))).toBe(2025);
    expect(await inferYear(t.db, "COORDINATOR", f({ sectionId: String(p.sectionId) }))).toBe(2025);
    expect(await inferYear(t.db, "COORDINATOR", f({ pointId: "999999" }))).toBeNull();
    expect(await inferYear(t.db, "COORDINATOR", f())).toBeNull();
  });
});

describe("filter options", () => {
  it("are memoised until the next audited change, then re-read", async () => {
    const { writeAudit } = await import("@/lib/audit");
    const point = await pointOf(t.db, 2025, 5);
    const first = await filterOptions(t.db, 2025, "COORDINATOR");
    expect(first.points.find((p) => p.id === point.id)?.title).toBe(point.title);
    await t.db.workPoint.update({ where: { id: point.id }, data: { title: "改名后的要点" } });
    // A write that skipped its audit row would be invisible here: every real mutation writes one.
    expect((await filterOptions(t.db, 2025, "COORDINATOR")).points.find((p) => p.id === point.id)?.title).toBe(point.title);
    await writeAudit(t.db, null, { entity: "WorkPoint", entityId: String(point.id), action: "update" });
    expect((await filterOptions(t.db, 2025, "COORDINATOR")).points.find((p) => p.id === point.id)?.title).toBe("改名后的要点");
    await t.db.workPoint.update({ where: { id: point.id }, data: { title: point.title } });
    await writeAudit(t.db, null, { entity: "WorkPoint", entityId: String(point.id), action: "update" });
  });
});

const BULK_COLUMNS = `"year", "workPointId", "officeId", "date", "title", "form", "description", "participants", "category", "status", "createdById", "version", "createdAt", "updatedAt"`;

// SQLite stores Prisma DateTimes as ISO text.
const BULK_INSERT_SQLITE = `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999)
  INSERT INTO "LedgerEntry" (${BULK_COLUMNS})
  SELECT 2025, ?, ?, printf('2025-%02d-%02dT00:00:00.000+00:00', (i % 12) + 1, (i % 28) + 1), '批量台账 ' || i, '其他',
         CASE WHEN i % 100 = 0 THEN '含关键词 百里挑一' ELSE '' END, '', 'NORMAL',
         CASE WHEN i % 3 = 0 THEN 'APPROVED' ELSE 'SUBMITTED' END, ?, 1,
         printf('2026-01-01T00:00:%02d.000+00:00', i % 60), printf('2026-01-01T00:00:%02d.000+00:00', i % 60)
  FROM n`;

const BULK_INSERT_PG = `INSERT INTO "LedgerEntry" (${BULK_COLUMNS})
  SELECT 2025, $1, $2, make_timestamp(2025, (i % 12) + 1, (i % 28) + 1, 0, 0, 0), '批量台账 ' || i, '其他',
         CASE WHEN i % 100 = 0 THEN '含关键词 百里挑一' ELSE '' END, '', 'NORMAL',
         CASE WHEN i % 3 = 0 THEN 'APPROVED' ELSE 'SUBMITTED' END, $3, 1,
         TIMESTAMP '2026-01-01' + (i % 60) * INTERVAL '1 second', TIMESTAMP '2026-01-01' + (i % 60) * INTERVAL '1 second'
  FROM generate_series(0, 19999) AS n(i)`;

describe("scale", () => {
  it("counts and pages 20,000 entries without loading them", async () => {
    const p2 = await pointOf(t.db, 2025, 2);
    const yanjiuOffice = await officeId(t.db, "研究室");
    // Raw SQL keeps the set-up fast; each dialect gets its own row generator.
    await t.db.$executeRawUnsafe(t.kind === "postgresql" ? BULK_INSERT_PG : BULK_INSERT_SQLITE, p2.id, yanjiuOffice, yanjiu.id);
    const started = performance.now();
    const page = await listEntries(t.db, coordinator, f({ page: "500" }), 2025);
    const search = await listEntries(t.db, yanjiu, f({ q: "百里挑一", status: "APPROVED", sort: "updated_desc" }), 2025);
    const elapsed = performance.now() - started;
    expect(page.total).toBeGreaterThan(20_000);
    expect(page.rows).toHaveLength(20);
    expect(page.page).toBe(500);
    expect(search.total).toBe(67); // i % 100 === 0 and i % 3 === 0: i = 0, 300, …, 19800
    console.info(`list page 500 of 20k + filtered search: ${elapsed.toFixed(0)} ms`);
  });
});
