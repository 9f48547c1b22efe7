/**
 * 制度库: 制定 / 修订 / 废止 and Chinese full-text search on the database's own index, on SQLite
 * (FTS5 trigram + bigram tables) and, under TEST_DATABASE_URL, PostgreSQL (bigram tsvector, GIN).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, tableCounts, type TestDb } from "@/tests/support/test-db";
import { UserFacingError } from "@/lib/action-state";
import { createRegulationSchema, repealRegulationSchema, reviseRegulationSchema } from "@/lib/regulations/schemas";
import { createRegulation, repealRegulation, reviseRegulation } from "@/lib/regulations/mutations";
import { PG_PLANNER_SETTING, searchRegulationIds, searchSql } from "@/lib/regulations/search-index";
import { queryTerms } from "@/lib/regulations/search-terms";
import { REPEALED_REVISE_MESSAGE } from "@/lib/regulations/constants";

const COORDINATOR = { id: null, username: "coordinator", role: "COORDINATOR" };
let t: TestDb;
const ids = { contract: 0, seal: 0, meeting: 0 };

const CONTRACT = `合同管理办法
第一条　为加强机关合同管理，防范法律风险，制定本办法。
第二条　合同审查管理由法治办负责，重大合同应当经法律顾问审查。
第三条　本办法自印发之日起施行。`;
const SEAL = `印章管理规定
第一条　机关印章由综合科统一保管。
第二条　使用印章应当履行审批手续并登记。`;
const MEETING = `会议管理制度
第一条　会议应当精简，严格控制规模。
第二条　会议纪要由研究室起草。`;

function create(title: string, fullText: string, extra: Record<string, string> = {}) {
  return createRegulation(
    t.db,
    COORDINATOR,
    createRegulationSchema.parse({ title, fullText, issuer: "本机关", category: "机关内部管理制度", status: "EFFECTIVE", adoptedOn: "2024-03-01", ...extra }),
  );
}

const search = (q: string, filter = {}) => searchRegulationIds(t.db, t.kind, queryTerms(q), filter);

beforeAll(async () => {
  t = await createTestDb();
  ids.contract = (await create("合同管理办法", CONTRACT, { docNumber: "X政办〔2024〕3号" }))!.id;
  ids.seal = (await create("印章管理规定", SEAL, { docNumber: "X政办〔2024〕4号", category: "履职工作制度" }))!.id;
  ids.meeting = (await create("会议管理制度", MEETING, { adoptedOn: "2023-05-01" }))!.id;
}, 60_000);

afterAll(async () => {
  await t?.cleanup();
});

describe(`regulation search (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"})`, () => {
  it.each([
    ["2 characters", "合同", ["contract"]],
    ["2 characters, other rule", "印章", ["seal"]],
    ["2 characters in two rules", "管理", ["contract", "seal", "meeting"]],
    ["3 characters", "法治办", ["contract"]],
    ["6 characters", "合同审查管理", ["contract"]],
    ["6 characters not in any text (its bigrams are)", "合同管理审查", []],
    ["two words", "印章 登记", ["seal"]],
    ["文号", "〔2024〕4号", ["seal"]],
    ["symbols only", "！？……", []],
    ["nothing", "", []],
    ["absent word", "保密", []],
  ])("%s: %s", async (_name, q, expected) => {
    const found = await search(q);
    expect(found.sort()).toEqual(expected.map((k) => ids[k as keyof typeof ids]).sort());
  });

  it("ranks a title match first", async () => {
    const found = await search("会议");
    expect(found[0]).toBe(ids.meeting);
  });

  it.each([
    [{ category: "履职工作制度" }, "管理", ["seal"]],
    [{ year: 2023 }, "管理", ["meeting"]],
    [{ status: "REPEALED" }, "管理", []],
  ])("filters %j", async (filter, q, expected) => {
    expect((await search(q, filter)).sort()).toEqual(expected.map((k) => ids[k as keyof typeof ids]).sort());
  });

  it("refuses a duplicate 文号 with a clear message and writes nothing", async () => {
    const before = await tableCounts(t.db);
    await expect(create("另一个办法", "第一条 内容。", { docNumber: "X政办〔2024〕3号" })).rejects.toThrow("文号“X政办〔2024〕3号”已被《合同管理办法》使用");
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("a revision replaces the searched text and keeps the old version", async () => {
    const reg = await t.db.regulation.findUniqueOrThrow({ where: { id: ids.meeting } });
    await reviseRegulation(
      t.db,
      COORDINATOR,
      reviseRegulationSchema.parse({
        regulationId: String(reg.id),
        expectedVersion: String(reg.version),
        adoptedOn: "2026-01-10",
        fullText: "会议管理制度\n第一条　会议应当精简。\n第二条　视频会议优先。",
        note: "压减会议规模",
      }),
    );
    expect(await search("视频会议")).toEqual([ids.meeting]);
    expect(await search("纪要")).toEqual([]);
    const versions = await t.db.regulationVersion.findMany({ where: { regulationId: reg.id }, orderBy: { versionNo: "asc" } });
    expect(versions.map((v) => v.versionNo)).toEqual([1, 2]);
    expect(versions[0].fullText).toBe(MEETING);
    // A stale form (old row version) is refused.
    await expect(
      reviseRegulation(t.db, COORDINATOR, reviseRegulationSchema.parse({ regulationId: String(reg.id), expectedVersion: String(reg.version), adoptedOn: "2026-01-10", fullText: "第一条 甲。", note: "再改" })),
    ).rejects.toBeInstanceOf(UserFacingError);
  });

  it("an abolished rule cannot be revised", async () => {
    const reg = await t.db.regulation.findUniqueOrThrow({ where: { id: ids.seal } });
    await repealRegulation(t.db, COORDINATOR, repealRegulationSchema.parse({ regulationId: String(reg.id), expectedVersion: String(reg.version), repealedOn: "2026-06-01", reason: "已被新规定替代", replacedById: String(ids.contract) }));
    const after = await t.db.regulation.findUniqueOrThrow({ where: { id: ids.seal } });
    expect(after).toMatchObject({ status: "REPEALED", repealReason: "已被新规定替代", replacedById: ids.contract });
    await expect(
      reviseRegulation(t.db, COORDINATOR, reviseRegulationSchema.parse({ regulationId: String(reg.id), expectedVersion: String(after.version), adoptedOn: "2026-07-01", fullText: "第一条 甲。", note: "修订" })),
    ).rejects.toThrow(REPEALED_REVISE_MESSAGE);
    expect(await search("印章", { status: "REPEALED" })).toEqual([ids.seal]);
  });

  it("uses the full-text index, not a full scan (EXPLAIN)", async () => {
    if (t.kind === "sqlite") {
      for (const q of ["合同", "合同审查管理"]) {
        const rows = await t.db.$queryRaw<{ detail: string }[]>`EXPLAIN QUERY PLAN ${searchSql("sqlite", queryTerms(q), { category: "机关内部管理制度" }, 20)}`;
        const plan = rows.map((r) => r.detail).join("\n");
        expect(plan).toMatch(/SCAN fts_regulation(_bigram)? VIRTUAL TABLE INDEX \d+:M/);
        expect(plan).toMatch(/SEARCH r USING INTEGER PRIMARY KEY/);
        expect(plan).not.toMatch(/SCAN r\b/);
      }
      return;
    }
    // PostgreSQL: the search runs with PG_PLANNER_SETTING (see search-index.ts); the plan must come
    // from the GIN index (a query the index could not serve would still show a Seq Scan).
    const body = "第一条　本规定适用于机关各科室的日常工作。".repeat(20);
    for (let i = 0; i < 100; i++) await create(`日常工作规定${i}`, `${body}\n第二条　编号${i}。`);
    await t.db.$executeRawUnsafe(`ANALYZE`);
    for (const q of ["合同", "法治办", "合同审查管理"]) {
      const plan = await t.db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(PG_PLANNER_SETTING);
        const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${searchSql("postgresql", queryTerms(q), {}, 20)}`;
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
      expect(plan).toContain("Bitmap Index Scan on fts_regulation_doc_idx");
      expect(plan).not.toMatch(/Seq Scan/);
    }
  }, 120_000);
});
