import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun, type ILevelsOptions } from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { docxToPlanText, INVALID_DOCX_MESSAGE, MACRO_DOCX_MESSAGE, OVERSIZED_DOCX_MESSAGE } from "./docx";
import { parsePlanText } from "./parse";

const PLAN_LEVELS: ILevelsOptions[] = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", start: 1, alignment: AlignmentType.LEFT },
  { level: 1, format: LevelFormat.DECIMAL, text: "%2.", start: 1, alignment: AlignmentType.LEFT },
];

const section = (text: string) => new Paragraph({ text, numbering: { reference: "plan", level: 0 } });
const point = (text: string) => new Paragraph({ text, numbering: { reference: "plan", level: 1 } });
const plain = (text: string) => new Paragraph({ text });

async function buildDocx(children: Paragraph[], levels: ILevelsOptions[] = PLAN_LEVELS): Promise<Buffer> {
  const doc = new Document({
    styles: { paragraphStyles: [{ id: "PlanSection", name: "Plan Section", basedOn: "Normal", run: { bold: true } }] },
    numbering: { config: [{ reference: "plan", levels }] },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** Rewrites one part of a docx (to add what the docx library cannot express). */
async function patchPart(buf: Buffer, part: string, transform: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  zip.file(part, transform(await zip.file(part)!.async("string")));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const STANDARD_PLAN = [
  plain("市政协办公室2025年机关法治建设工作要点"),
  plain("2025年，市政协办公室法治建设工作要点如下。"),
  section("强化法治思想引领"),
  point("深入学习习近平法治思想。全年组织专题学习不少于4次。"),
  plain("牵头科室：机关党委；配合科室：综合科、人事科；完成时限：年底前"),
  point("开展专题培训。每年举办专题培训班不少于1期，培训人数不少于200人次。（牵头科室：人事科；完成时限：6月底前）"),
  section("完善法治建设制度体系"),
  point("健全工作制度。完善制度。"),
  point("规范内部管理。严格管理。"),
];

describe("docxToPlanText: Word list numbering", () => {
  it("writes the automatic numbers back (一、 for level 0, 1. for level 1, restarting per section)", async () => {
    const text = await docxToPlanText(await buildDocx(STANDARD_PLAN));
    expect(text.split("\n")).toEqual([
      "市政协办公室2025年机关法治建设工作要点",
      "2025年，市政协办公室法治建设工作要点如下。",
      "一、强化法治思想引领",
      "1.深入学习习近平法治思想。全年组织专题学习不少于4次。",
      "牵头科室：机关党委；配合科室：综合科、人事科；完成时限：年底前",
      "2.开展专题培训。每年举办专题培训班不少于1期，培训人数不少于200人次。（牵头科室：人事科；完成时限：6月底前）",
      "二、完善法治建设制度体系",
      "1.健全工作制度。完善制度。",
      "2.规范内部管理。严格管理。",
    ]);
  });

  it("parses into sections, points, offices, deadlines and targets", async () => {
    const plan = parsePlanText(await docxToPlanText(await buildDocx(STANDARD_PLAN)));
    expect(plan).toMatchObject({ title: "市政协办公室2025年机关法治建设工作要点", year: 2025, unitName: "市政协办公室", warnings: [] });
    expect(plan.sections.map((s) => [s.number, s.title, s.points.map((p) => p.number)])).toEqual([
      ["一", "强化法治思想引领", [1, 2]],
      ["二", "完善法治建设制度体系", [1, 2]],
    ]);
    const [first, second] = plan.sections[0]!.points;
    expect(first).toMatchObject({ title: "深入学习习近平法治思想", leadOffice: "机关党委", supportOffices: ["综合科", "人事科"], deadline: "2025-12-31" });
    expect(second).toMatchObject({ leadOffice: "人事科", deadline: "2025-06-30" });
    expect(plan.sections.flatMap((s) => s.points).flatMap((p) => p.targets).map((t) => [t.subject, t.value, t.unit])).toEqual([
      ["专题学习", 4, "次"], ["专题培训班", 1, "期"], ["培训人数", 200, "人次"],
    ]);
  });

  it("runs point numbers on across sections when the level never restarts (w:lvlRestart 0)", async () => {
    const buf = await patchPart(await buildDocx(STANDARD_PLAN), "word/numbering.xml", (xml) =>
      xml.replace(/(<w:abstractNum w:abstractNumId="2"[\s\S]*?<w:lvl w:ilvl="1"[^>]*>)/, '$1<w:lvlRestart w:val="0"/>'));
    const plan = parsePlanText(await docxToPlanText(buf));
    expect(plan.sections.map((s) => s.points.map((p) => p.number))).toEqual([[1, 2], [3, 4]]);
    expect(plan.warnings).toEqual([]);
  });

  it("honours w:startOverride", async () => {
    const buf = await patchPart(await buildDocx(STANDARD_PLAN), "word/numbering.xml", (xml) =>
      xml.replace(/(<w:num w:numId="2">[\s\S]*?<w:lvlOverride w:ilvl="0">)<w:startOverride w:val="1"\/>/, '$1<w:startOverride w:val="3"/>'));
    const lines = (await docxToPlanText(buf)).split("\n");
    expect(lines[2]).toBe("三、强化法治思想引领");
    expect(lines[6]).toBe("四、完善法治建设制度体系");
  });

  it("starts a new sequence for a separate list instance", async () => {
    const text = await docxToPlanText(await buildDocx([
      section("第一组"),
      new Paragraph({ text: "第二组", numbering: { reference: "plan", level: 0, instance: 2 } }),
      new Paragraph({ text: "第三组", numbering: { reference: "plan", level: 0, instance: 2 } }),
    ]));
    expect(text.split("\n")).toEqual(["一、第一组", "一、第二组", "二、第三组"]);
  });

  it("renders （%1） with Chinese counting and multi-level %1.%2", async () => {
    const levels: ILevelsOptions[] = [
      { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "（%1）", start: 1 },
      { level: 1, format: LevelFormat.DECIMAL, text: "%1.%2", start: 1 },
    ];
    const text = await docxToPlanText(await buildDocx([section("组织学习"), point("集中学习"), point("个人自学"), section("开展培训")], levels));
    // %1 of a chineseCounting level inside "%1.%2" renders in that level's format, as Word does.
    expect(text.split("\n")).toEqual(["（一）组织学习", "一.1 集中学习", "一.2 个人自学", "（二）开展培训"]);
  });

  it("recovers numbering set through a paragraph style (and styles based on it)", async () => {
    const base = await buildDocx([
      new Paragraph({ text: "强化法治思想引领", style: "PlanSection" }),
      point("深入学习。"),
      new Paragraph({ text: "完善制度体系", style: "PlanSection" }),
      point("健全制度。"),
    ]);
    const numId = /<w:numId w:val="(\d+)"\/>/.exec(await (await JSZip.loadAsync(base)).file("word/document.xml")!.async("string"))![1];
    const buf = await patchPart(base, "word/styles.xml", (xml) =>
      xml.replace(/(<w:style w:type="paragraph" w:styleId="PlanSection">[\s\S]*?<w:basedOn w:val="Normal"\/>)/,
        `$1<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>`));
    const plan = parsePlanText(await docxToPlanText(buf));
    expect(plan.sections.map((s) => [s.number, s.title, s.points.map((p) => p.title)])).toEqual([
      ["一", "强化法治思想引领", ["深入学习"]],
      ["二", "完善制度体系", ["健全制度"]],
    ]);
  });

  it("honours a paragraph's own w:ilvl when its list comes from the paragraph style", async () => {
    // Every paragraph takes the list from style PlanList (level 0); the points set w:ilvl 1 in their own
    // pPr without a w:numId, as Word writes a demoted paragraph of a style-bound list.
    const styled = (text: string, level?: number) => new Paragraph({ text, style: "PlanList", ...(level === undefined ? {} : { numbering: { reference: "plan", level } }) });
    const doc = new Document({
      styles: { paragraphStyles: [{ id: "PlanList", name: "Plan List", basedOn: "Normal", paragraph: { numbering: { reference: "plan", level: 0 } } }] },
      numbering: { config: [{ reference: "plan", levels: PLAN_LEVELS }] },
      sections: [{ children: [
        plain("2025年工作要点"),
        styled("强化法治思想引领"), styled("深入学习。全年组织专题学习不少于4次。", 1), styled("开展专题培训。", 1),
        styled("完善法治建设制度体系"), styled("健全工作制度。", 1),
      ] }],
    });
    const buf = await patchPart(await Packer.toBuffer(doc), "word/document.xml", (xml) => xml.replace(/<w:numId w:val="\d+"\/>/g, ""));
    const documentXml = await (await JSZip.loadAsync(buf)).file("word/document.xml")!.async("string");
    expect(documentXml).toContain('<w:numPr><w:ilvl w:val="1"/></w:numPr>');
    expect(documentXml).not.toContain("<w:numId");
    expect((await docxToPlanText(buf)).split("\n")).toEqual([
      "2025年工作要点", "一、强化法治思想引领", "1.深入学习。全年组织专题学习不少于4次。", "2.开展专题培训。", "二、完善法治建设制度体系", "1.健全工作制度。",
    ]);
    const plan = parsePlanText(await docxToPlanText(buf));
    expect(plan.sections.map((s) => [s.number, s.points.map((p) => p.number)])).toEqual([["一", [1, 2]], ["二", [1]]]);
  });

  it("keeps numbers typed by hand", async () => {
    const text = await docxToPlanText(await buildDocx([
      plain("2025年工作要点"), plain("一、强化法治思想引领"), plain("1．深入学习。全年组织专题学习不少于４次。"),
    ]));
    const plan = parsePlanText(text);
    expect(plan.sections[0]!.points[0]!.targets.map((t) => t.value)).toEqual([4]);
  });

  it("turns tabs and line breaks inside a paragraph into text", async () => {
    const text = await docxToPlanText(await buildDocx([
      new Paragraph({ children: [new TextRun("牵头科室："), new TextRun({ text: "综合科", break: 1 }), new TextRun("\t完成")] }),
    ]));
    expect(text).toBe("牵头科室：\n综合科\t完成");
  });
});

describe("docxToPlanText: refusing bad files", () => {
  const rejects = (buf: Uint8Array, message: string) => expect(docxToPlanText(buf)).rejects.toThrow(message);

  it("refuses a text file renamed .docx", () => rejects(Buffer.from("这不是 Word 文档", "utf8"), INVALID_DOCX_MESSAGE));
  it("refuses an empty buffer", () => rejects(new Uint8Array(0), INVALID_DOCX_MESSAGE));
  it("refuses a truncated zip", async () => rejects((await buildDocx(STANDARD_PLAN)).subarray(0, 200), INVALID_DOCX_MESSAGE));

  it("refuses a zip without word/document.xml", async () => {
    const zip = new JSZip().file("hello.txt", "hi");
    await rejects(await zip.generateAsync({ type: "nodebuffer" }), INVALID_DOCX_MESSAGE);
  });

  it("refuses macro-enabled documents", async () => {
    const zip = await JSZip.loadAsync(await buildDocx(STANDARD_PLAN));
    zip.file("word/vbaProject.bin", new Uint8Array([1, 2, 3]));
    await rejects(await zip.generateAsync({ type: "nodebuffer" }), MACRO_DOCX_MESSAGE);
  });

  describe("zip bombs", () => {
    const bombXml = `<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>${" ".repeat(51 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`;

    it("refuses a part whose declared size exceeds 50 MB", async () => {
      const zip = new JSZip().file("word/document.xml", bombXml);
      await rejects(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), OVERSIZED_DOCX_MESSAGE);
    });

    it("stops inflating at 50 MB even when the zip lies about the size", async () => {
      const zip = new JSZip().file("word/document.xml", bombXml);
      const bytes = new Uint8Array(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      // Claim 100 bytes in both the local header (offset 22) and the central directory (offset 24).
      for (let i = 0; i + 4 <= bytes.length; i++) {
        const signature = view.getUint32(i, true);
        if (signature === 0x04034b50) view.setUint32(i + 22, 100, true);
        if (signature === 0x02014b50) view.setUint32(i + 24, 100, true);
      }
      await rejects(bytes, OVERSIZED_DOCX_MESSAGE);
    });
  });
});
