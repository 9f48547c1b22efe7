import { describe, expect, it } from "vitest";
import { parseNumberingXml, parseStylesXml } from "../docx-numbering";
import { documentToBlocks } from "./docx-blocks";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const NUMBERING = parseNumberingXml(
  `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
);
const STYLES = parseStylesXml(`<w:styles ${W}/>`);
const p = (text: string, numId?: number) => `<w:p>${numId ? `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>` : ""}${text ? `<w:r><w:t>${text}</w:t></w:r>` : ""}</w:p>`;
const tc = (body: string, props = "") => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${body}</w:tc>`;
const tr = (cells: string, props = "") => `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ""}${cells}</w:tr>`;
const blocks = (body: string) => documentToBlocks(`<w:document ${W}><w:body>${body}</w:body></w:document>`, NUMBERING, STYLES);

describe("documentToBlocks", () => {
  it("keeps paragraphs and tables in order, with merges and repeated header rows", () => {
    const table = `<w:tbl>${[
      tr(tc(p("序号")) + tc(p("重点任务")) + tc(p("牵头单位")), "<w:tblHeader/>"),
      tr(tc(p("一、强化法治思想引领"), '<w:gridSpan w:val="3"/>')),
      tr(tc(p("1"), '<w:vMerge w:val="restart"/>') + tc(p("制定学习计划。")) + tc(p("综合科"))),
      tr(tc(p(""), "<w:vMerge/>") + tc(p("全年组织专题学习不少于4次。") + p("确保全覆盖。")) + tc(p("研究室"))),
    ].join("")}</w:tbl>`;
    expect(blocks(p("标题") + table + p("落款"))).toEqual([
      { kind: "paragraph", text: "标题" },
      {
        kind: "table",
        headerRows: [0],
        rows: [
          [{ text: "序号" }, { text: "重点任务" }, { text: "牵头单位" }],
          [{ text: "一、强化法治思想引领" }, { text: "", mergedFrom: "left" }, { text: "", mergedFrom: "left" }],
          [{ text: "1" }, { text: "制定学习计划。" }, { text: "综合科" }],
          [{ text: "", mergedFrom: "above" }, { text: "全年组织专题学习不少于4次。\n确保全覆盖。" }, { text: "研究室" }],
        ],
      },
      { kind: "paragraph", text: "落款" },
    ]);
  });

  it("numbers an automatically numbered 序号 column, pads gridBefore/After, reads a nested table as text", () => {
    const nested = `<w:tbl>${tr(tc(p("甲")) + tc(p("乙")))}</w:tbl>`;
    const table = `<w:tbl>${[
      tr(tc(p("", 7)) + tc(p("学习"))),
      tr(tc(p("", 7)) + tc(nested)),
      tr(tc(p("只有一格")), '<w:gridBefore w:val="1"/>'),
    ].join("")}</w:tbl>`;
    const [block] = blocks(table);
    expect(block).toEqual({
      kind: "table",
      headerRows: [],
      rows: [
        [{ text: "1" }, { text: "学习" }],
        [{ text: "2" }, { text: "甲\n乙" }],
        [{ text: "" }, { text: "只有一格" }],
      ],
    });
  });

  it("skips tracked deletions and survives self-closing and malformed elements", () => {
    expect(blocks(`<w:p/><w:p><w:del><w:r><w:delText>删</w:delText></w:r><w:r><w:t>不显示</w:t></w:r></w:del><w:r><w:t>保留</w:t></w:r></w:p><w:tbl/>`)).toEqual([
      { kind: "paragraph", text: "" },
      { kind: "paragraph", text: "保留" },
    ]);
    expect(() => blocks("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>未闭合")).not.toThrow();
  });
});
