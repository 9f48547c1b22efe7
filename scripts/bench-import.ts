/**
 * The plan-import part of `npm run bench`: median parse time (read + recognise + plan) of
 *   - a 50-page PDF (the public plan repeated, rendered by LibreOffice from Word, as released),
 *   - a Word task table of 300 rows,
 *   - an Excel task table of 1,000 rows.
 * The input files are made once into data/bench-import/ (LibreOffice is needed for the PDF).
 */
import fs from "node:fs";
import path from "node:path";
import { parseImportFile } from "../lib/plan/import-parse";
import { parsePlanText } from "../lib/plan/parse";
import type { ParsedPlan, ParsedSection } from "../lib/plan/types";
import { planDocxParagraphs, planDocxTable, planText, planXlsx, withOffices } from "../tests/support/plan-files";
import { convertWithSoffice } from "../tests/support/soffice";

const ROOT = process.cwd();
const DIR = path.join(ROOT, "data", "bench-import");

/** The fixture's points repeated (renumbered) until the plan has `points` points. */
function largePlan(points: number): ParsedPlan {
  const base = withOffices(parsePlanText(fs.readFileSync(path.join(ROOT, "tests", "fixtures", "rule-of-law-plan-2025.txt"), "utf8")));
  const all = base.sections.flatMap((s) => s.points);
  const sections: ParsedSection[] = [];
  for (let n = 0; n < points; n++) {
    if (n % 10 === 0) sections.push({ number: "一二三四五六七八九十"[Math.floor(n / 10) % 10] ?? "一", title: `第${sections.length + 1}部分`, points: [] });
    const point = all[n % all.length] as ParsedPlan["sections"][number]["points"][number];
    sections[sections.length - 1]!.points.push({ ...point, number: n + 1 });
  }
  return { ...base, sections };
}

async function ensure(name: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const file = path.join(DIR, name);
  if (fs.existsSync(file)) return new Uint8Array(fs.readFileSync(file));
  const bytes = await make();
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(file, bytes);
  return bytes;
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] as number) * 100) / 100;
}

export async function measureImport(): Promise<{ pdf50: number; pdfPages: number; docxTable300: number; xlsx1000: number }> {
  // ~130 points of plan text make 50 A4 pages in the official layout (22 lines × 28 characters).
  const pdf = await ensure("plan-50pages.pdf", async () => convertWithSoffice(await planDocxParagraphs(largePlan(130)), "docx", "pdf"));
  const pdfPages = (await parseImportFile("plan.pdf", pdf)).info.pages?.length ?? 0;
  // measureRows gives each point 2-3 rows: 124 points ≈ 300 rows; 412 points ≈ 1,000 rows.
  const docx = await ensure("table-300rows.docx", () => planDocxTable(largePlan(124)));
  const xlsx = await ensure("table-1000rows.xlsx", () => planXlsx(largePlan(412)));
  return {
    pdf50: await median(5, () => parseImportFile("plan.pdf", pdf)),
    pdfPages,
    docxTable300: await median(10, () => parseImportFile("table.docx", docx)),
    xlsx1000: await median(5, () => parseImportFile("table.xlsx", xlsx)),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  measureImport().then((r) => console.log(JSON.stringify(r)), (e: unknown) => { console.error(e); process.exitCode = 1; });
}
