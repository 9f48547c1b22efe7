import JSZip from "jszip";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { addFontFallbacks, buildReportDocx, classifyParagraph, titleLines, type ReportDocxInput } from "./docx";
import { draftReport } from "./draft";
import { facts, UNIT } from "./fixture-facts";
import { printedParts } from "./output";
import type { DraftPartKey, DraftReport, ReportFacts } from "./types";

const input: ReportDocxInput = {
  title: "XX市政协办公室2025年法治建设年度工作报告",
  preface: "2025年，XX市政协办公室坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。现将2025年度法治建设工作情况报告如下。",
  parts: [
    {
      heading: "一、主要举措和成效",
      content:
        "（一）强化法治思想引领\n1.深入学习习近平法治思想。全年组织专题学习6次，超额完成“不少于4次”的年度目标。\n\n4.开展法治思想专题培训。全年培训412人次。",
    },
    { heading: "二、存在的不足和原因", content: "2025年，法治建设工作取得了一定成效，但也存在一些薄弱环节。\n（请补充原因分析）" },
    { heading: "三、党政主要负责人履行推进法治建设第一责任人职责情况", content: "1.带头学法，筑牢法治根基。全年带头学法1次。" },
    { heading: "四、下一年度推进法治建设的主要安排", content: "1.强化法治思想引领。重点抓好深入学习习近平法治思想等工作。" },
    { heading: "五、其他需要报告的情况", content: "无。" },
  ],
  signature: "XX市政协办公室",
  date: "2026-01-15",
  draft: true,
};

interface Unpacked {
  buffer: Buffer;
  document: string;
  settings: string;
  fontTable: string;
  styles: string;
  /** Header/footer XML by reference type ("default" = odd pages, "even"). */
  headers: Record<string, string>;
  footers: Record<string, string>;
}

async function unpack(buffer: Buffer): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`missing ${path}`);
    return file.async("string");
  };
  const document = await read("word/document.xml");
  const rels = await read("word/_rels/document.xml.rels");
  const partsByReference = async (kind: "header" | "footer") => {
    const found: Record<string, string> = {};
    for (const [, type, id] of document.matchAll(new RegExp(`<w:${kind}Reference w:type="(\\w+)" r:id="(\\w+)"/>`, "g"))) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
      if (!target) throw new Error(`no relationship ${id}`);
      found[type] = await read(`word/${target[1]}`);
    }
    return found;
  };
  return {
    buffer,
    document,
    settings: await read("word/settings.xml"),
    fontTable: await read("word/fontTable.xml"),
    styles: await read("word/styles.xml"),
    headers: await partsByReference("header"),
    footers: await partsByReference("footer"),
  };
}

/** Minimal well-formedness check: every element closes in order. */
function tagsBalance(xml: string): boolean {
  const stack: string[] = [];
  for (const [tag, closing, name, selfClosing] of xml.matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>/g)) {
    if (tag.startsWith("<?")) continue;
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p>/g)].map((m) => m[0]);
}

function paragraphContaining(xml: string, text: string): string {
  const found = paragraphsOf(xml).find((p) => p.includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
}

/** The run (w:r) holding the given text. */
function runContaining(xml: string, text: string): string {
  const found = [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]).find((r) => r.includes(text));
  if (!found) throw new Error(`no run with ${text}`);
  return found;
}

describe("buildReportDocx (draft)", () => {
  let docx: Unpacked;
  beforeAll(async () => {
    docx = await unpack(await buildReportDocx(input));
  });

  it("uses A4 with GB/T 9704 margins and a 22-line grid", () => {
    expect(docx.document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(docx.document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(docx.document).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    // 28 characters a line through run spacing (LibreOffice misrenders a negative grid charSpace).
    expect(docx.styles).toMatch(/<w:spacing w:val="-6"\/>/);
  });

  it("sets the title in 2号 方正小标宋简体, centred and not bold", () => {
    const title = paragraphContaining(docx.document, "XX市政协办公室</w:t>");
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).not.toContain("<w:b/>");
  });

  it("sets the body in 3号 仿宋_GB2312, justified, indented 2 characters, exact 579 spacing", () => {
    const body = paragraphContaining(docx.document, "坚持以习近平新时代中国特色社会主义思想为指导");
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('w:ascii="Times New Roman"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
    for (const paragraph of paragraphsOf(docx.document)) {
      expect(paragraph).toContain('<w:spacing w:line="579" w:lineRule="exact"/>');
    }
  });

  it.each([
    ["一、主要举措和成效", "黑体", false],
    ["二、存在的不足和原因", "黑体", false],
    ["三、党政主要负责人履行推进法治建设第一责任人职责情况", "黑体", false],
    ["四、下一年度推进法治建设的主要安排", "黑体", false],
    ["五、其他需要报告的情况", "黑体", false],
    ["（一）强化法治思想引领", "楷体_GB2312", false],
    ["1.深入学习习近平法治思想。", "仿宋_GB2312", true],
    ["全年组织专题学习6次", "仿宋_GB2312", false],
  ])("sets %s in %s (bold: %s)", (text, font, bold) => {
    const run = runContaining(docx.document, text);
    expect(run).toContain(`w:eastAsia="${font}"`);
    expect(run.includes("<w:b/>")).toBe(bold);
  });

  it("ends with the signature and the date, right-aligned 4 characters in", () => {
    const date = paragraphContaining(docx.document, "2026年1月15日");
    expect(date).toContain('<w:jc w:val="right"/>');
    expect(date).toContain('<w:ind w:right="1280"/>');
    expect(paragraphContaining(docx.document, ">XX市政协办公室</w:t></w:r></w:p>")).toContain('<w:ind w:right="1280"/>');
  });

  it("numbers pages “— 1 —” in 4号 宋体, odd pages right and even pages left", () => {
    expect(docx.settings).toContain("<w:evenAndOddHeaders/>");
    const { default: odd, even } = docx.footers;
    for (const footer of [odd, even]) {
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|<w:fldSimple w:instr="\s*PAGE/);
      expect(footer).toContain("— </w:t>");
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(footer).toContain('<w:rFonts w:ascii="宋体" w:cs="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/>');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(odd).toContain('<w:ind w:right="280"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
    expect(even).toContain('<w:ind w:left="280"/>');
  });

  it("marks drafts with 草稿 in the default and even headers", () => {
    expect(docx.headers.default).toContain("草稿");
    expect(docx.headers.even).toContain("草稿");
  });

  it("declares fallbacks for the GB fonts in a well-formed fontTable", () => {
    expect(tagsBalance(docx.fontTable)).toBe(true);
    expect(docx.fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(docx.fontTable).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    expect(docx.fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(docx.fontTable).toContain('<w:font w:name="黑体"><w:altName w:val="SimHei"/>');
  });

  it("keeps the hand-written paragraphs in mammoth's text", async () => {
    const { value } = await mammoth.extractRawText({ buffer: docx.buffer });
    expect(value.replace(/\s+/g, "")).toContain("1.深入学习习近平法治思想。全年组织专题学习6次，超额完成“不少于4次”的年度目标。");
  });
});

/** Paragraphs of mammoth's raw text: one per line, blank ones dropped. */
async function mammothParagraphs(buffer: Buffer): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer });
  return value.split(/\n+/u).map((line) => line.trim()).filter(Boolean);
}

/** What the export prints for the drafter's report: the text of every printed part, in order. */
function expectedParagraphs(report: DraftReport, signature: string, date: string): string[] {
  return [
    // mammoth's raw text drops the title's line break (w:br), so its two lines read as one.
    titleLines(report.title).join(""),
    report.preface,
    ...printedParts(report.parts).flatMap((part) => [part.heading, ...part.content.split("\n").map((line) => line.trim()).filter(Boolean)]),
    signature,
    date,
  ];
}

describe("mammoth round-trip of the drafter's output (fixture-like facts)", () => {
  const cases: [string, ReportFacts, DraftPartKey[]][] = [
    ["all targets met, next year's plan, part 五 “无。” left out", facts(), ["part1", "part2", "part3", "part4"]],
    [
      "a shortfall, an overdue point, carried-over points and no next plan",
      facts(
        {
          nextYearPlan: null,
          carriedOverPoints: [
            { number: 4, title: "开展法治思想专题培训", reason: "培训人数仅完成150人次，距“不少于200人次”的目标尚差50人次" },
            { number: 8, title: "推进制度的信息化建设", reason: "该项工作年内尚未完成" },
          ],
        },
        150,
      ),
      ["part1", "part2", "part3", "part4"],
    ],
  ];

  it.each(cases)("%s", async (_name, reportFacts, printedKeys) => {
    const report = draftReport(reportFacts);
    const parts = printedParts(report.parts);
    expect(parts.map((p) => p.key)).toEqual(printedKeys);
    const buffer = await buildReportDocx({ title: report.title, preface: report.preface, parts, signature: reportFacts.signature, date: "2026-01-15", draft: true });
    const paragraphs = await mammothParagraphs(buffer);
    expect(paragraphs).toEqual(expectedParagraphs(report, reportFacts.signature, "2026年1月15日"));
    // Every part's text, heading and body, is there word for word.
    for (const part of parts) {
      expect(paragraphs).toContain(part.heading);
      for (const line of part.content.split("\n")) expect(paragraphs).toContain(line);
    }
    expect(paragraphs).not.toContain("五、其他需要报告的情况");
  });

  it("prints part 五 once it says something", async () => {
    const report = draftReport(facts());
    const withOther = report.parts.map((p) => (p.key === "part5" ? { ...p, content: "2025年，机关接受了市委依法治市办的专项督察，反馈问题已全部整改。" } : p));
    const parts = printedParts(withOther);
    expect(parts.map((p) => p.key)).toEqual(["part1", "part2", "part3", "part4", "part5"]);
    const buffer = await buildReportDocx({ title: report.title, preface: report.preface, parts, signature: UNIT, date: "2026-01-15", draft: false });
    const paragraphs = await mammothParagraphs(buffer);
    expect(paragraphs).toEqual(expectedParagraphs({ ...report, parts: withOther }, UNIT, "2026年1月15日"));
    expect(paragraphs.slice(-4)).toEqual(["五、其他需要报告的情况", "2025年，机关接受了市委依法治市办的专项督察，反馈问题已全部整改。", UNIT, "2026年1月15日"]);
  });
});

describe("buildReportDocx (final)", () => {
  it("has no 草稿 anywhere and accepts a Date", async () => {
    const docx = await unpack(await buildReportDocx({ ...input, draft: false, date: new Date("2026-01-15T03:00:00Z") }));
    expect(Object.values(docx.headers).join("")).not.toContain("草稿");
    expect(docx.document).not.toContain("草稿");
    expect(docx.document).toContain("2026年1月15日");
    expect(Object.keys(docx.footers).sort()).toEqual(["default", "even"]);
  });
});

describe("layout helpers", () => {
  it.each([
    ["短标题", ["短标题"]],
    ["XX市政协办公室2025年法治建设年度工作报告", ["XX市政协办公室", "2025年法治建设年度工作报告"]],
    ["一二三四五六七八九十一二三四五六七八九十一二", ["一二三四五六七八九十一", "二三四五六七八九十一二"]],
  ])("titleLines(%s)", (title, expected) => {
    expect(titleLines(title)).toEqual(expected);
  });

  it.each([
    ["（一）强化法治思想引领", "level2"],
    ["（十二）其他", "level2"],
    ["1.深入学习习近平法治思想。正文", "level3"],
    ["12．依法参与立法协商。", "level3"],
    ["（请补充原因分析）", "body"],
    ["2025年，XX市政协办公室…", "body"],
  ])("classifyParagraph(%s) → %s", (text, expected) => {
    expect(classifyParagraph(text)).toBe(expected);
  });

  it("adds altName to an existing font entry without duplicating it", () => {
    const existing = '<w:fonts xmlns:w="x"><w:font w:name="黑体"><w:charset w:val="86"/></w:font></w:fonts>';
    const patched = addFontFallbacks(existing, { 黑体: "SimHei" });
    expect(patched).toBe('<w:fonts xmlns:w="x"><w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/></w:font></w:fonts>');
    expect(addFontFallbacks(patched, { 黑体: "SimHei" })).toBe(patched);
  });
});
