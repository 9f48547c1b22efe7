import { describe, expect, it } from "vitest";
import { documentToLines } from "./docx";
import { parseNumberingXml, parseStylesXml } from "./docx-numbering";
import { formatListNumber } from "./list-number-format";
import { scanXml } from "./xml-scan";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const level = (ilvl: number, numFmt: string, lvlText: string, extra = "") =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${lvlText}"/>${extra}</w:lvl>`;
const numbering = (body: string) => `<?xml version="1.0"?><w:numbering ${W}>${body}</w:numbering>`;
const paragraph = (text: string, numId?: number, ilvl = 0, style?: string) =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ""}${numId !== undefined ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : ""}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const documentXml = (body: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;

const PLAN_NUMBERING = numbering(
  `<w:abstractNum w:abstractNumId="0">${level(0, "chineseCounting", "%1、")}${level(1, "decimal", "%2.")}${level(2, "decimal", "（%3）")}</w:abstractNum>` +
  `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
  `<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
  `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`,
);

function render(body: string, numberingXml = PLAN_NUMBERING, stylesXml = `<w:styles ${W}/>`): string[] {
  return documentToLines(documentXml(body), parseNumberingXml(numberingXml), parseStylesXml(stylesXml));
}

describe("ListNumberer", () => {
  it("counts per level and restarts deeper levels", () => {
    expect(render(paragraph("甲", 1, 0) + paragraph("a", 1, 1) + paragraph("i", 1, 2) + paragraph("b", 1, 1) + paragraph("乙", 1, 0) + paragraph("c", 1, 1)))
      .toEqual(["一、甲", "1.a", "（1）i", "2.b", "二、乙", "1.c"]);
  });

  it("continues a list across w:num instances that share an abstractNum (as Word does)", () => {
    expect(render(paragraph("甲", 1, 0) + paragraph("乙", 2, 0))).toEqual(["一、甲", "二、乙"]);
  });

  it("starts its own sequence for a w:num with w:startOverride", () => {
    expect(render(paragraph("甲", 1, 0) + paragraph("戊", 3, 0) + paragraph("己", 3, 0))).toEqual(["一、甲", "五、戊", "六、己"]);
  });

  it("numId 0 switches numbering off; unknown numIds are ignored", () => {
    expect(render(paragraph("无编号", 0, 0) + paragraph("未知", 99, 0))).toEqual(["无编号", "未知"]);
  });

  it("honours w:lvlRestart and w:isLgl", () => {
    const xml = numbering(
      `<w:abstractNum w:abstractNumId="0">${level(0, "chineseCounting", "%1、")}${level(1, "decimal", "%1.%2", '<w:lvlRestart w:val="0"/><w:isLgl/>')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
    );
    expect(render(paragraph("甲", 1, 0) + paragraph("a", 1, 1) + paragraph("乙", 1, 0) + paragraph("b", 1, 1), xml))
      .toEqual(["一、甲", "1.1 a", "二、乙", "2.2 b"]);
  });

  it("skips bullets", () => {
    const xml = numbering(`<w:abstractNum w:abstractNumId="0">${level(0, "bullet", "●")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`);
    expect(render(paragraph("要点", 1, 0), xml)).toEqual(["要点"]);
  });

  it("follows w:numStyleLink to the abstractNum behind a numbering style", () => {
    const xml = numbering(
      `<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="PlanList"/></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="PlanList"/>${level(0, "chineseCounting", "%1、")}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`,
    );
    const styles = `<w:styles ${W}><w:style w:type="numbering" w:styleId="PlanList"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>`;
    expect(render(paragraph("甲", 1, 0), xml, styles)).toEqual(["一、甲"]);
  });

  it("takes numbering from the paragraph style chain, the default style and w:lvl/w:pStyle", () => {
    const xml = numbering(
      `<w:abstractNum w:abstractNumId="0">${level(0, "chineseCounting", "%1、", '<w:pStyle w:val="Section"/>')}${level(1, "decimal", "%2.", '<w:pStyle w:val="Point"/>')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
    );
    const styles = `<w:styles ${W}>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Section"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Point"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="PointBold"><w:basedOn w:val="Point"/></w:style>
    </w:styles>`;
    const body = paragraph("甲", undefined, 0, "Section") + paragraph("a", undefined, 0, "Point") + paragraph("b", undefined, 0, "PointBold") + paragraph("正文");
    expect(render(body, xml, styles)).toEqual(["一、甲", "1.a", "2.b", "正文"]);
  });
});

describe("documentToLines: text extraction", () => {
  it("reads w:t, w:tab and w:br, skipping tab stops, deletions, field codes and fallbacks", () => {
    const body =
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>` +
      `<w:r><w:t xml:space="preserve">全年&lt;组织&gt;</w:t></w:r><w:r><w:tab/><w:t>专题</w:t><w:br/><w:t>学习</w:t></w:r>` +
      `<w:del w:id="1"><w:r><w:delText>删除的文字</w:delText></w:r></w:del>` +
      `<w:r><w:instrText> PAGE </w:instrText></w:r>` +
      `<mc:AlternateContent xmlns:mc="mc"><mc:Choice Requires="wps"><w:r><w:t>选</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>备</w:t></w:r></mc:Fallback></mc:AlternateContent>` +
      `</w:p>`;
    expect(render(body)).toEqual(["全年<组织>\t专题\n学习选"]);
  });

  it("emits table cell paragraphs in order, and empty paragraphs as empty lines", () => {
    const body = `<w:tbl><w:tr><w:tc>${paragraph("序号")}</w:tc><w:tc>${paragraph("工作任务")}</w:tc></w:tr></w:tbl><w:p/>${paragraph("完")}`;
    expect(render(body)).toEqual(["序号", "工作任务", "", "完"]);
  });

  it("survives malformed XML", () => {
    expect(() => render("<w:p><w:r><w:t>未闭合")).not.toThrow();
    expect(() => render("<!-- 未闭合注释 <w:p>")).not.toThrow();
    expect(render("<w:p><w:r><w:t>&#x4E00;&#20108;&bogus;</w:t></w:r></w:p>")).toEqual(["一二&bogus;"]);
  });
});

describe("formatListNumber", () => {
  it.each([
    [3, "decimal", "3"], [12, "chineseCounting", "十二"], [24, "chineseCountingThousand", "二十四"],
    [3, "ideographTraditional", "丙"], [2, "decimalEnclosedCircle", "②"], [4, "lowerRoman", "iv"],
    [28, "upperLetter", "BB"], [5, "decimalZero", "05"], [10, "ideographDigital", "一〇"],
  ] as Array<[number, string, string]>)("%d as %s → %s", (value, format, expected) => {
    expect(formatListNumber(value, format)).toBe(expected);
  });
});

describe("scanXml", () => {
  it("reports elements, attributes and text in order", () => {
    const events: string[] = [];
    scanXml(`<?xml version="1.0"?><a x="1" y='&amp;'><b/>t<![CDATA[<c>]]></a>`, {
      open: (name, attributes, selfClosing) => events.push(`open ${name} ${JSON.stringify(attributes)} ${selfClosing}`),
      close: (name) => events.push(`close ${name}`),
      text: (text) => events.push(`text ${text}`),
    });
    expect(events).toEqual([`open a {"x":"1","y":"&"} false`, "open b {} true", "close b", "text t", "text <c>", "close a"]);
  });
});
