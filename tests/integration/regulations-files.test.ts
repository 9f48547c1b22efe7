/** 制度库 bad input: files without text, too large, of another type; revising an abolished rule is in regulations-search.test.ts. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Document, Packer, Paragraph } from "docx";
import { createTestDb, tableCounts, type TestDb } from "@/tests/support/test-db";
import { createRegulation } from "@/lib/regulations/mutations";
import { createRegulationSchema } from "@/lib/regulations/schemas";
import { extractRegulationText } from "@/lib/regulations/file-text";
import { FILE_TOO_LARGE_MESSAGE, FILE_TYPE_MESSAGE, NO_TEXT_MESSAGE } from "@/lib/regulations/constants";
import { searchRegulationIds } from "@/lib/regulations/search-index";
import { queryTerms } from "@/lib/regulations/search-terms";

const COORDINATOR = { id: null, username: "coordinator", role: "COORDINATOR" };
const STAFF = { id: null, username: "staff-zonghe", role: "STAFF" };
let t: TestDb;
const input = (title: string) => createRegulationSchema.parse({ title, issuer: "本机关", category: "履职工作制度", status: "EFFECTIVE", adoptedOn: "2025-04-01" });

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.cleanup());

describe("regulation files", () => {
  it("reads a Word file into articles", async () => {
    const doc = new Document({ sections: [{ children: ["值班管理办法", "第一条　节假日值班由综合科安排。", "第二条　值班人员应当坚守岗位。"].map((text) => new Paragraph({ text })) }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const created = await createRegulation(t.db, COORDINATOR, input("值班管理办法"), { name: "值班管理办法.docx", bytes });
    const version = await t.db.regulationVersion.findFirstOrThrow({ where: { regulationId: created!.id } });
    expect(version.fullText).toContain("第二条　值班人员应当坚守岗位。");
    expect(version.fileName).toBe("值班管理办法.docx");
    expect(version.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await searchRegulationIds(t.db, t.kind, queryTerms("值班"))).toEqual([created!.id]);
  });

  it("keeps a file without text as an attachment flagged 无法检索", async () => {
    const created = await createRegulation(t.db, COORDINATOR, input("空白文件制度"), { name: "空白.txt", bytes: new TextEncoder().encode("   \n ") });
    expect(created!.searchable).toBe(false);
    const version = await t.db.regulationVersion.findFirstOrThrow({ where: { regulationId: created!.id } });
    expect(version.fileName).toBe("空白.txt");
    expect(await searchRegulationIds(t.db, t.kind, queryTerms("空白文件制度"))).toEqual([created!.id]);
  });

  it.each([
    ["a file over 10 MB", { name: "大.txt", bytes: new Uint8Array(10 * 1024 * 1024 + 1) }, FILE_TOO_LARGE_MESSAGE],
    ["an .xls file", { name: "表.xls", bytes: new Uint8Array([1, 2, 3]) }, FILE_TYPE_MESSAGE],
    ["a corrupt .docx", { name: "坏.docx", bytes: new TextEncoder().encode("not a zip") }, /./],
    ["neither file nor text", undefined, NO_TEXT_MESSAGE],
  ])("refuses %s and writes nothing", async (_name, file, message) => {
    const before = await tableCounts(t.db);
    await expect(createRegulation(t.db, COORDINATOR, input("拒绝的制度"), file)).rejects.toThrow(message);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("refuses a user without regulation:manage", async () => {
    await expect(createRegulation(t.db, STAFF, { ...input("员工制度"), fullText: "第一条 甲。" })).rejects.toThrow("您没有执行此操作的权限");
  });

  it("names the limit in the message", async () => {
    await expect(extractRegulationText("大.pdf", new Uint8Array(11 * 1024 * 1024))).rejects.toThrow("10 MB");
  });
});
