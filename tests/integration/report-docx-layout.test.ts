/**
 * Headings keep with their text in the rendered Word file (issue 16): a test report with many headings
 * at shifting positions is rendered by LibreOffice (tests/support/soffice.ts, its own profile) and read
 * back with pdftotext, page by page; no page may end on a heading. The same document built with
 * keepNext off ends at least one page on a heading, so the check can fail.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReportDocx, type ReportDocxInput } from "@/lib/report/docx";
import { convertWithSoffice } from "@/tests/support/soffice";

const NUMERALS = ["一", "二", "三", "四", "五"];
const SUB = ["一", "二", "三", "四"];
const FILLER = "机关坚持以习近平法治思想为指导，认真落实年度工作要点，健全学法用法制度，推进依法决策和普法宣传";

/** Body paragraphs of 1 to 6 lines (28 characters a line), varying so headings land on every line of a page. */
function paragraphOf(lines: number, seed: number): string {
  const length = lines * 28 - 6 + (seed % 5);
  let text = "";
  while (text.length < length) text += FILLER;
  return `${text.slice(0, length)}。`;
}

function testDocument(keep: boolean): ReportDocxInput {
  let seed = 0;
  const parts = NUMERALS.map((n, i) => {
    const lines: string[] = [];
    for (const s of SUB) {
      lines.push(`（${s}）第${n}部分第${s}项工作`);
      const count = 1 + ((i + SUB.indexOf(s)) % 3);
      for (let k = 0; k < count; k++) lines.push(paragraphOf(1 + ((seed += 3) % 6), seed));
    }
    return { heading: `${n}、测试部分${n}`, content: lines.join("\n") };
  });
  return { title: "版式测试文档", preface: paragraphOf(2, 1), parts, signature: "XX市政协办公室", date: "2026-01-15", draft: false, keepHeadingsWithNext: keep };
}

const HEADING = /^\s*(?:[一二三四五]、测试部分|（[一二三四]）第)/u;
const PAGE_NUMBER = /^\s*—\s*\d+\s*—\s*$/u;

async function lastLinesOfPages(input: ReportDocxInput): Promise<string[]> {
  const pdf = await convertWithSoffice(await buildReportDocx(input), "docx", "pdf");
  const dir = mkdtempSync(path.join(tmpdir(), "layout-"));
  try {
    const file = path.join(dir, "out.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    return text
      .split("\f")
      .map((page) => page.split("\n").filter((line) => line.trim() && !PAGE_NUMBER.test(line)))
      .filter((lines) => lines.length > 0)
      .map((lines) => lines.at(-1)!.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the rendered report keeps headings with their text", () => {
  it("no page ends on a heading; without keepNext one does", async () => {
    const [kept, loose] = await Promise.all([lastLinesOfPages(testDocument(true)), lastLinesOfPages(testDocument(false))]);
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.filter((line) => HEADING.test(line))).toEqual([]);
    expect(loose.filter((line) => HEADING.test(line)).length).toBeGreaterThan(0);
  }, 240_000);
});
