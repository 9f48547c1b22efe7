import { describe, expect, it } from "vitest";
import { bigramMatch, bigramText, passagesOf, queryTerms, trigramMatch, tsqueryLiteral, tsvectorLiteral } from "./search-terms";

describe("queryTerms", () => {
  it.each([
    ["合同", ["合同"]],
    ["  印章 管理 ", ["印章", "管理"]],
    ["合同管理办法", ["合同管理办法"]],
    ["〔２０２４〕3号", ["2024", "3号"]],
    ["！！？？……——", []],
    ["'\"*()", []],
    ["OA系统", ["oa系统"]],
    ["印章 印章", ["印章"]],
  ])("%s", (query, expected) => {
    expect(queryTerms(query)).toEqual(expected);
  });
});

describe("FTS queries", () => {
  it.each([
    [["合同"], null, '"合同"'],
    [["合同管理"], '"合同管理"', '"合同 同管 管理"'],
    [["合同管理", "印章"], null, '"合同 同管 管理" AND "印章"'],
    [["公"], null, '"公"*'],
    [["公文处理", "审核"], null, '"公文 文处 处理" AND "审核"'],
    [["公文处理", "审核流程"], '"公文处理" AND "审核流程"', '"公文 文处 处理" AND "审核 核流 流程"'],
  ])("%j", (terms, trigram, bigram) => {
    expect(trigramMatch(terms)).toBe(trigram);
    expect(bigramMatch(terms)).toBe(bigram);
  });

  it("stores runs as bigram tokens", () => {
    expect(bigramText("合同管理。印章")).toBe("合同 同管 管理 | 印章");
    expect(bigramText("第1条")).toBe("第1 1条");
  });

  it("builds PostgreSQL literals without a parser", () => {
    expect(tsvectorLiteral({ title: "印章", docNumber: "", body: "印章管理" })).toBe("'印章':1A,3D '章管':4D '管理':5D");
    expect(tsqueryLiteral(["合同管理", "公"])).toBe("'合同' & '同管' & '管理' & '公':*");
    expect(tsvectorLiteral({ title: "it's", docNumber: "", body: "" })).toBe("'it':1A 's':3A");
  });
});

describe("passagesOf", () => {
  const show = (p: ReturnType<typeof passagesOf>) => p.map((x) => x.pieces.map((piece) => (piece.hit ? `[${piece.text}]` : piece.text)).join(""));
  it.each([
    ["本办法所称合同，是指机关签订的合同。", ["合同"], 80, ["本办法所称[合同]，是指机关签订的[合同]。"]],
    ["甲乙丙丁戊己庚辛壬癸合同", ["合同"], 6, ["…壬癸[合同]"]],
    ["没有命中", ["合同"], 80, []],
    ["ＯＡ系统账号", ["oa系统"], 80, ["[ＯＡ系统]账号"]],
  ])("%s", (text, terms, width, expected) => {
    expect(show(passagesOf(text, terms, { width }))).toEqual(expected);
  });
});
