/**
 * The 考核 server actions and route handlers for the permission matrices
 * (tests/security/action-cases.ts, route-cases.ts). Only the COORDINATOR edits; fixtures are
 * fresh indicators of years no other case uses (2097–2099) and the seeded 2025 plan. Test-only.
 */
import ExcelJS from "exceljs";
import type { Db } from "@/lib/db";
import type { ActionCase, MatrixContext } from "@/tests/security/action-cases";
import type { RouteCase } from "@/tests/security/route-cases";

const FILE = "lib/assessment/actions.ts";
const EDITORS = ["COORDINATOR"] as const;
const READERS = ["LEADER", "COORDINATOR", "VIEWER"] as const;

async function point2025(db: Db, number: number): Promise<number> {
  return (await db.workPoint.findFirstOrThrow({ where: { plan: { year: 2025 }, number } })).id;
}

async function freshLeaf(c: MatrixContext, data: { rule?: string; points?: number } = {}) {
  return c.db.assessmentIndicator.create({ data: { year: 2025, level: 1, ordinal: 1000 + c.seq(), title: `矩阵指标${c.seq()}`, points: data.points ?? 2, rule: data.rule ?? "MANUAL" } });
}

const ROWS = JSON.stringify([
  { level: 1, title: "依法履职", content: "", criteria: "", points: null, rule: "MANUAL", deduction: null },
  { level: 2, title: "法治建设工作台账", content: "", criteria: "未建立不得分", points: 2, rule: "ALL_OR_NOTHING", deduction: null },
]);

export const ASSESSMENT_ACTION_CASES: ActionCase[] = [
  { file: FILE, name: "importRubricAction", allowed: EDITORS, input: () => ({ year: "2099", rows: ROWS, replace: "1" }) },
  { file: FILE, name: "addIndicatorAction", allowed: EDITORS, input: (c) => ({ year: "2098", title: `手工指标${c.seq()}`, points: "2", rule: "MANUAL" }) },
  {
    file: FILE,
    name: "updateIndicatorAction",
    allowed: EDITORS,
    input: async (c) => ({ id: String((await freshLeaf(c)).id), version: "1", title: `改名指标${c.seq()}`, points: "3", rule: "PROPORTIONAL" }),
  },
  { file: FILE, name: "deleteIndicatorAction", allowed: EDITORS, input: async (c) => ({ id: String((await freshLeaf(c)).id) }) },
  {
    file: FILE,
    name: "linkItemAction",
    allowed: EDITORS,
    input: async (c) => ({ indicatorId: String((await freshLeaf(c)).id), kind: "POINT", refId: String(await point2025(c.db, 1)) }),
  },
  {
    file: FILE,
    name: "unlinkItemAction",
    allowed: EDITORS,
    input: async (c) => {
      const leaf = await freshLeaf(c);
      const link = await c.db.assessmentLink.create({ data: { indicatorId: leaf.id, kind: "POINT", refId: await point2025(c.db, 2) } });
      return { linkId: String(link.id) };
    },
  },
  {
    file: FILE,
    name: "acceptProposalAction",
    allowed: EDITORS,
    input: async (c) => {
      const leaf = await freshLeaf(c, { rule: "ALL_OR_NOTHING" });
      await c.db.assessmentLink.create({ data: { indicatorId: leaf.id, kind: "POINT", refId: await point2025(c.db, 7) } });
      return { id: String(leaf.id), version: "1" };
    },
  },
  { file: FILE, name: "overrideScoreAction", allowed: EDITORS, input: async (c) => ({ id: String((await freshLeaf(c)).id), version: "1", score: "1.5", reason: "材料齐全，酌情" }) },
  { file: FILE, name: "recordAssessorScoreAction", allowed: EDITORS, input: async (c) => ({ id: String((await freshLeaf(c)).id), version: "1", score: "1", remark: "扣1分" }) },
];

const ORIGIN = "http://localhost";

async function rubricBytes(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标");
  ws.addRow(["一级指标", "评分标准", "分值"]);
  ws.addRow(["法治建设工作台账", "未建立不得分", 2]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

export const ASSESSMENT_ROUTE_CASES: RouteCase[] = [
  {
    key: "app/api/assessment/parse/route.ts POST",
    allowed: EDITORS,
    call: async () => ({
      url: `${ORIGIN}/api/assessment/parse`,
      init: { method: "POST", headers: { origin: ORIGIN, host: "localhost", "content-type": "application/octet-stream", "x-file-name": encodeURIComponent("考核指标.xlsx") }, body: await rubricBytes() },
    }),
  },
  { key: "app/api/assessment/[year]/export/route.ts GET", allowed: READERS, call: async () => ({ url: `${ORIGIN}/api/assessment/2025/export?format=docx`, params: { year: "2025" } }) },
  { key: "app/api/assessment/[year]/evidence/route.ts GET", allowed: READERS, call: async () => ({ url: `${ORIGIN}/api/assessment/2025/evidence`, params: { year: "2025" } }) },
];
