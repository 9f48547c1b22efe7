import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from "docx";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { actor, createTestDb, tableCounts, userByName, type TestDb } from "@/tests/support/test-db";
import { ConflictError } from "@/lib/action-state";
import { buildEvidencePackageIndex, loadIndicatorEvidence } from "@/lib/assessment/evidence";
import { buildSelfAssessmentDocx } from "@/lib/assessment/export-docx";
import { buildSelfAssessmentXlsx } from "@/lib/assessment/export-xlsx";
import * as m from "@/lib/assessment/mutations";
import { loadAssessment } from "@/lib/assessment/queries";
import { NEEDS_POINTS_MESSAGE, RubricNeedsPointsColumn, rubricFromDocument } from "@/lib/assessment/rubric-table";
import { importRubricSchema, overrideScoreSchema } from "@/lib/assessment/schemas";
import { readImportDocument } from "@/lib/plan/import-parse";

let t: TestDb;
let coordinator: ReturnType<typeof actor>;
let leader: ReturnType<typeof actor>;
let viewer: ReturnType<typeof actor>;
const YEAR = 2026;

function docxCell(text: string, merge?: "restart" | "continue") {
  return new TableCell({ verticalMerge: merge === "restart" ? VerticalMergeType.RESTART : merge === "continue" ? VerticalMergeType.CONTINUE : undefined, children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(text)] })] });
}

/** A Word rubric: a title paragraph, then 一级指标 merged down over its 二级 rows. */
async function rubricDocx(withPoints = true): Promise<Uint8Array> {
  const header = ["一级指标", "二级指标", "评分标准", ...(withPoints ? ["分值"] : [])];
  const rows = [
    ["依法履职", "法治建设工作台账", "建立法治建设工作台账，2 分；未建立不得分", "2"],
    ["", "专题学习", "全年组织专题学习不少于4次，每少一次扣0.5分", "2"],
    ["法治宣传", "宪法宣传周", "按完成比例计分", "1"],
  ];
  const table = new Table({
    rows: [
      new TableRow({ children: header.map((h) => docxCell(h)) }),
      ...rows.map((r, i) =>
        new TableRow({ children: r.slice(0, header.length).map((text, c) => docxCell(text, c === 0 && i === 0 ? "restart" : c === 0 && i === 1 ? "continue" : undefined)) }),
      ),
    ],
  });
  const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun(`${YEAR}年度法治建设考核指标`)] }), table] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function rubricXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("考核细则");
  ws.addRow(["序号", "考核项目", "考核内容", "分值（分）", "评分细则", "自评得分"]);
  ws.addRow([1, "制度建设", "建立法治建设工作台账", 2, "未建立不得分", ""]);
  ws.addRow(["", "", "制定年度法治建设工作要点", 1, "未制定不得分", ""]);
  ws.addRow([2, "学法用法", "组织专题学习", 3, "每少一次扣1分", ""]);
  ws.mergeCells("A2:A3");
  ws.mergeCells("B2:B3");
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const importInput = (year: number, rows: unknown, replace = "0") => importRubricSchema.parse({ year: String(year), rows: JSON.stringify(rows), replace });

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  coordinator = actor(await userByName(t.db, "coordinator"));
  leader = actor(await userByName(t.db, "leader"));
  viewer = actor(await userByName(t.db, "viewer"));
}, 120_000);
afterAll(async () => t.cleanup());

describe("importing a rubric from Word and Excel tables", () => {
  it("reads a .docx table with merged level cells and saves it as a tree", async () => {
    const doc = await readImportDocument("考核指标.docx", await rubricDocx());
    const parsed = rubricFromDocument(doc);
    expect(parsed.rows.map((r) => `${r.level}|${r.title}|${r.points ?? ""}|${r.rule}`)).toEqual([
      "1|依法履职||MANUAL",
      "2|法治建设工作台账|2|ALL_OR_NOTHING",
      "2|专题学习|2|DEDUCTION",
      "1|法治宣传||MANUAL",
      "2|宪法宣传周|1|PROPORTIONAL",
    ]);
    const result = await m.importRubric(t.db, coordinator, importInput(YEAR, parsed.rows));
    expect(result.count).toBe(5);
    const rows = await t.db.assessmentIndicator.findMany({ where: { year: YEAR }, orderBy: { ordinal: "asc" } });
    expect(rows[1]!.parentId).toBe(rows[0]!.id);
    expect(rows[4]!.parentId).toBe(rows[3]!.id);
    expect(rows[2]).toMatchObject({ deduction: 0.5, points: 2 });
    expect(await t.db.auditLog.count({ where: { entity: "Assessment", action: "import", entityId: String(YEAR) } })).toBe(1);
  });

  it("asks for the 分值 column of a .docx table without one, and saves nothing", async () => {
    const doc = await readImportDocument("无分值.docx", await rubricDocx(false));
    expect(() => rubricFromDocument(doc)).toThrow(NEEDS_POINTS_MESSAGE);
    try {
      rubricFromDocument(doc);
    } catch (error) {
      expect((error as RubricNeedsPointsColumn).headers).toEqual(["一级指标", "二级指标", "评分标准"]);
    }
  });

  it("reads an .xlsx table whose 考核内容 is a level of its own and never takes 自评得分 for the 分值", async () => {
    const parsed = rubricFromDocument(await readImportDocument("考核细则.xlsx", await rubricXlsx()));
    expect(parsed.rows.map((r) => `${r.level}|${r.title}|${r.points ?? ""}`)).toEqual(["1|制度建设|", "2|建立法治建设工作台账|2", "2|制定年度法治建设工作要点|1", "1|学法用法|", "2|组织专题学习|3"]);
    expect(parsed.total).toBe(6);
    // A second import of the year asks before replacing, then replaces while nothing is scored.
    const before = await tableCounts(t.db);
    await expect(m.importRubric(t.db, coordinator, importInput(2090, parsed.rows))).resolves.toEqual({ count: 5 });
    await expect(m.importRubric(t.db, coordinator, importInput(2090, parsed.rows))).rejects.toThrow(m.REPLACE_QUESTION);
    await expect(m.importRubric(t.db, coordinator, importInput(2090, parsed.rows.slice(0, 2), "1"))).resolves.toEqual({ count: 2 });
    expect((await tableCounts(t.db)).AssessmentIndicator).toBe(before.AssessmentIndicator + 2);
  });

  it("refuses a rubric whose leaf has no 分值, and one that skips a level", async () => {
    const before = await tableCounts(t.db);
    await expect(m.importRubric(t.db, coordinator, importInput(2091, [{ level: 1, title: "台账", content: "", criteria: "", points: null, rule: "MANUAL", deduction: null }]))).rejects.toThrow("“台账”未填分值");
    await expect(m.importRubric(t.db, coordinator, importInput(2091, [{ level: 1, title: "A", content: "", criteria: "", points: null, rule: "MANUAL", deduction: null }, { level: 3, title: "B", content: "", criteria: "", points: 1, rule: "MANUAL", deduction: null }]))).rejects.toThrow("不能跳级");
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe("linking, proposing, accepting and overriding", () => {
  const ids = { ledger: 0, study: 0, publicity: 0, point5: 0, target: 0 };
  beforeAll(async () => {
    const rows = await t.db.assessmentIndicator.findMany({ where: { year: YEAR } });
    ids.ledger = rows.find((r) => r.title === "法治建设工作台账")!.id;
    ids.study = rows.find((r) => r.title === "专题学习")!.id;
    ids.publicity = rows.find((r) => r.title === "宪法宣传周")!.id;
    ids.point5 = (await t.db.workPoint.findFirstOrThrow({ where: { plan: { year: YEAR }, number: 5 } })).id;
    ids.target = (await t.db.target.findFirstOrThrow({ where: { plan: { year: YEAR }, subject: "专题学习" } })).id;
  });

  it("links a point and a target of the year, refuses another year's and a duplicate", async () => {
    await m.linkItem(t.db, coordinator, { indicatorId: ids.ledger, kind: "POINT", refId: ids.point5 });
    await m.linkItem(t.db, coordinator, { indicatorId: ids.study, kind: "TARGET", refId: ids.target });
    const point2025 = await t.db.workPoint.findFirstOrThrow({ where: { plan: { year: 2025 }, number: 5 } });
    await expect(m.linkItem(t.db, coordinator, { indicatorId: ids.ledger, kind: "POINT", refId: point2025.id })).rejects.toThrow(m.LINK_TARGET_MISSING);
    await expect(m.linkItem(t.db, coordinator, { indicatorId: ids.ledger, kind: "POINT", refId: ids.point5 })).rejects.toThrow(m.LINK_EXISTS_MESSAGE);
    const parent = await t.db.assessmentIndicator.findFirstOrThrow({ where: { year: YEAR, title: "依法履职" } });
    await expect(m.linkItem(t.db, coordinator, { indicatorId: parent.id, kind: "POINT", refId: ids.point5 })).rejects.toThrow(m.NOT_LEAF_MESSAGE);
  });

  it("proposes from the progress data with the figures, and stores the proposal when accepted", async () => {
    const view = await loadAssessment(t.db, YEAR);
    const ledger = view.indicators.find((i) => i.id === ids.ledger)!;
    expect(ledger.proposal).toMatchObject({ score: 2 });
    expect(ledger.proposal!.basis).toContain("全部完成");
    const study = view.indicators.find((i) => i.id === ids.study)!;
    expect(study.proposal).toMatchObject({ score: 1.5 });
    expect(study.links[0]!.label).toContain("专题学习");
    const publicity = view.indicators.find((i) => i.id === ids.publicity)!;
    expect(publicity.proposal).toMatchObject({ score: null });

    const after = await m.acceptProposal(t.db, coordinator, { id: ids.ledger, version: ledger.version });
    expect(after).toMatchObject({ selfScore: 2, selfSource: "PROPOSAL", version: ledger.version + 1 });
    expect(after.selfReason).toContain("关联 1 项，已完成 1 项");
    await m.acceptProposal(t.db, coordinator, { id: ids.study, version: study.version });
    // Nothing linked: nothing to accept.
    await expect(m.acceptProposal(t.db, coordinator, { id: ids.publicity, version: publicity.version })).rejects.toThrow("无法采纳");
    // A stale form (the version moved on) is refused.
    await expect(m.acceptProposal(t.db, coordinator, { id: ids.ledger, version: ledger.version })).rejects.toBeInstanceOf(ConflictError);
  });

  it("overrides with a reason; refuses a missing reason and a score outside 0..分值 and writes nothing", async () => {
    const row = await t.db.assessmentIndicator.findUniqueOrThrow({ where: { id: ids.publicity } });
    expect(overrideScoreSchema.safeParse({ id: String(row.id), version: String(row.version), score: "1", reason: " " }).success).toBe(false);
    const before = await tableCounts(t.db);
    for (const score of ["1.5", "-0.5"]) {
      const input = overrideScoreSchema.parse({ id: String(row.id), version: String(row.version), score, reason: "酌情" });
      await expect(m.overrideScore(t.db, coordinator, input)).rejects.toThrow("得分必须在 0 到 1 分");
    }
    expect(await tableCounts(t.db)).toEqual(before);
    const after = await m.overrideScore(t.db, coordinator, overrideScoreSchema.parse({ id: String(row.id), version: String(row.version), score: "0.5", reason: "宪法宣传周已开展，覆盖面不足" }));
    expect(after).toMatchObject({ selfScore: 0.5, selfSource: "OVERRIDE", selfReason: "宪法宣传周已开展，覆盖面不足" });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "AssessmentIndicator", entityId: String(row.id), action: "score.override" } });
    expect(JSON.parse(audit.after!).selfScore).toBe(0.5);
  });

  it("records the assessors' score and compares with last year (matched by titles)", async () => {
    const row = await t.db.assessmentIndicator.findUniqueOrThrow({ where: { id: ids.ledger } });
    await m.recordAssessorScore(t.db, coordinator, { id: row.id, version: row.version, score: 1.5, remark: "台账更新不及时" });
    await expect(m.recordAssessorScore(t.db, coordinator, { id: row.id, version: row.version + 1, score: 2.5, remark: "" })).rejects.toThrow("考核得分必须在 0 到 2 分");
    const view = await loadAssessment(t.db, YEAR);
    expect(view.totals).toMatchObject({ points: 5, self: 4, scored: 3, leaves: 3, assessor: 1.5, assessed: 1 });
    expect(view.lastYear?.year).toBe(2025);
    expect(view.lastYear?.totals).toMatchObject({ points: 8, self: 7, assessor: 6.5 });
    const seeded = await loadAssessment(t.db, 2025);
    expect(seeded.indicators.filter((i) => i.isLeaf).every((i) => i.links.length > 0)).toBe(true);
  });

  it("exports the 自评表 as .xlsx and .docx with scores, reasons and the evidence index, and the evidence package by indicator", async () => {
    // An approved entry of point 5 with a file: it lands in the indicator's folder.
    const entry = await t.db.ledgerEntry.findFirstOrThrow({ where: { year: YEAR, workPointId: ids.point5, status: "APPROVED", deletedAt: null } });
    await t.db.attachment.create({ data: { entryId: entry.id, fileName: "签到表.pdf", mimeType: "application/pdf", size: 4, sha256: "x", data: Buffer.from("%PDF"), createdById: coordinator.id! } });
    const view = await loadAssessment(t.db, YEAR);
    const evidence = await loadIndicatorEvidence(t.db, view.indicators);
    const files = evidence.get(ids.ledger)!;
    expect(files).toHaveLength(1);
    expect(files[0]!.path).toMatch(/^1\.1-法治建设工作台账\/.*签到表\.pdf$/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildSelfAssessmentXlsx(view, "XX市政协办公室", evidence)) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet("自评表")!;
    const texts: string[] = [];
    sheet.eachRow((r) => texts.push((r.values as unknown[]).slice(1).map((v) => String(v ?? "")).join("|")));
    const ledgerRow = texts.find((s) => s.includes("法治建设工作台账"))!;
    expect(ledgerRow).toContain("|2|2|关联 1 项");
    expect(ledgerRow).toContain("签到表.pdf");
    expect(ledgerRow).toContain("|1.5|台账更新不及时");
    expect(texts.find((s) => s.startsWith("合计"))).toContain("|5|4|");

    const docx = await buildSelfAssessmentDocx(view, "XX市政协办公室", evidence, new Date(Date.UTC(2027, 0, 10)));
    const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
    expect(xml).toContain("2026年度法治建设考核自评表");
    expect(xml).toContain("宪法宣传周已开展，覆盖面不足");
    expect(xml).toContain("w:w=\"11906\"");
    const index = await buildEvidencePackageIndex(YEAR, view.indicators, evidence);
    expect(index.byteLength).toBeGreaterThan(0);
  });
});

describe("permissions", () => {
  it("only the coordinator edits; the leader and the viewer are refused and nothing is written", async () => {
    const row = await t.db.assessmentIndicator.findFirstOrThrow({ where: { year: YEAR, title: "专题学习" } });
    const before = await tableCounts(t.db);
    for (const who of [leader, viewer]) {
      await expect(m.overrideScore(t.db, who, { id: row.id, version: row.version, score: 1, reason: "x" })).rejects.toThrow(m.NOT_ALLOWED_MESSAGE);
      await expect(m.importRubric(t.db, who, importInput(2092, [{ level: 1, title: "A", content: "", criteria: "", points: 1, rule: "MANUAL", deduction: null }]))).rejects.toThrow(m.NOT_ALLOWED_MESSAGE);
      await expect(m.linkItem(t.db, who, { indicatorId: row.id, kind: "POINT", refId: 1 })).rejects.toThrow(m.NOT_ALLOWED_MESSAGE);
    }
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
