/**
 * One result, whatever the format: the public plan (with offices and deadlines added, since the
 * fixture names none) rendered into every format a 法治办 receives — pasted text, .txt in UTF-8
 * and GB18030, Word paragraphs, a Word task table, an Excel workbook (deadlines stored as dates),
 * PDF of the paragraphs and of the table (ruled, and printed without rules), .doc and .wps of both — must import to the same
 * sections, points, offices, deadlines and targets.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseImportFile, parsePastedText } from "@/lib/plan/import-parse";
import { parsePlanText } from "@/lib/plan/parse";
import type { ParsedPlan } from "@/lib/plan/types";
import { encodeGb18030, planDocxParagraphs, planDocxTable, planText, planXlsx, withOffices } from "../support/plan-files";
import { convertWithSoffice } from "../support/soffice";

const FIXTURE = fs.readFileSync(path.resolve(__dirname, "../fixtures/rule-of-law-plan-2025.txt"), "utf8");

/** What must agree across formats (titles of the document itself may differ: "…任务分解表"). */
function summary(plan: ParsedPlan, options: { pdf?: boolean } = {}) {
  // LibreOffice's PDF export compresses a line-final "，" into a glyph with no text mapping (pdftotext
  // loses it too), so in PDFs rendered by it commas are compared as absent; Word's export keeps them.
  const text = (value: string) => (options.pdf ? value.replace(/，/g, "") : value).replace(/\n/g, "");
  return {
    year: plan.year,
    sections: plan.sections.map((section) => ({
      number: section.number,
      title: section.title,
      points: section.points.map((point) => ({
        number: point.number,
        title: point.title,
        text: text(point.text),
        leadOffice: point.leadOffice,
        supportOffices: point.supportOffices,
        deadline: point.deadline,
        targets: point.targets.map((t) => ({ subject: t.subject, comparator: t.comparator, value: t.value, unit: t.unit, kind: t.kind })),
      })),
    })),
  };
}

let reference: ParsedPlan;
const files = new Map<string, Uint8Array>();

beforeAll(async () => {
  reference = parsePlanText(planText(withOffices(parsePlanText(FIXTURE))));
  const text = planText(reference);
  const paragraphsDocx = await planDocxParagraphs(reference);
  const tableDocx = await planDocxTable(reference);
  files.set("要点.txt", new TextEncoder().encode(text));
  files.set("要点-gbk.txt", encodeGb18030(text));
  files.set("要点.docx", paragraphsDocx);
  files.set("分解表.docx", tableDocx);
  files.set("分解表.xlsx", await planXlsx(reference, { dateDeadlines: true }));
  const [paragraphsPdf, tablePdf, borderlessPdf, paragraphsDoc, tableDoc] = await Promise.all([
    convertWithSoffice(paragraphsDocx, "docx", "pdf"),
    convertWithSoffice(tableDocx, "docx", "pdf"),
    convertWithSoffice(await planDocxTable(reference, { borderless: true }), "docx", "pdf"),
    convertWithSoffice(paragraphsDocx, "docx", "doc"),
    convertWithSoffice(tableDocx, "docx", "doc"),
  ]);
  files.set("要点.pdf", paragraphsPdf);
  files.set("分解表.pdf", tablePdf);
  files.set("分解表-无框线.pdf", borderlessPdf);
  files.set("要点.doc", paragraphsDoc);
  files.set("分解表.doc", tableDoc);
  files.set("要点.wps", paragraphsDoc);
  files.set("分解表.wps", tableDoc);
}, 180_000);

describe("the same plan in every format", () => {
  it("the reference has what the comparison needs", () => {
    const points = reference.sections.flatMap((s) => s.points);
    expect(points).toHaveLength(12);
    expect(points.every((p) => p.leadOffice !== null && p.deadline !== null)).toBe(true);
    expect(points.flatMap((p) => p.targets).map((t) => `${t.subject}${t.value}${t.unit}`)).toEqual(["专题学习4次", "专题培训班1期", "培训人数200人次"]);
  });

  it("pasted text", () => {
    expect(summary(parsePastedText(planText(reference)).plan)).toEqual(summary(reference));
  });

  it.each([
    ["要点.txt", "text"], ["要点-gbk.txt", "text"], ["要点.docx", "text"], ["分解表.docx", "table"], ["分解表.xlsx", "table"],
    ["要点.pdf", "text"], ["分解表.pdf", "table"], ["分解表-无框线.pdf", "table"], ["要点.doc", "text"], ["分解表.doc", "table"], ["要点.wps", "text"], ["分解表.wps", "table"],
  ])("%s (read as %s)", async (name, mode) => {
    const { plan, info } = await parseImportFile(name, files.get(name) as Uint8Array, { defaultYear: 2025 });
    expect(info.mode).toBe(mode);
    const pdf = name.endsWith(".pdf");
    expect(summary(plan, { pdf })).toEqual(summary(reference, { pdf }));
  });

  it("a plan text with its task table as an annex: the table fills the offices, nothing is imported twice", async () => {
    const bare = parsePlanText(FIXTURE);
    const { planDocxTextWithAnnex } = await import("../support/plan-files");
    const { plan, info } = await parseImportFile("要点及分解表.docx", await planDocxTextWithAnnex(bare, reference), { defaultYear: 2025 });
    expect(info.mode).toBe("text+table");
    expect(summary(plan)).toEqual(summary(reference));
  });
});
