import { describe, expect, it } from "vitest";
import { splitArticles } from "./articles";

const SAMPLE = `XX市政协办公室印章管理办法
（2023年3月1日秘书长办公会议通过）

第一章　总则

第一条　为规范印章管理，制定本办法。
第二条 本办法适用于机关各科室。
依照第五条的规定办理。
第二章 印章的使用
第一节 一般规定
第三条：使用印章应当登记。
第十二条　违反本办法的，依照第三条规定处理。
第三条规定的登记簿由综合科保管。
第一百零一条 附则。`;

describe("splitArticles", () => {
  const split = splitArticles(SAMPLE);

  it("keeps the lines before the first heading as the preamble", () => {
    expect(split.preamble).toEqual(["XX市政协办公室印章管理办法", "（2023年3月1日秘书长办公会议通过）"]);
  });

  it.each([
    [0, 1, "第一条", "为规范印章管理，制定本办法。", "第一章 总则"],
    [1, 2, "第二条", "本办法适用于机关各科室。\n依照第五条的规定办理。", "第一章 总则"],
    [2, 3, "第三条", "使用印章应当登记。", "第二章 印章的使用"],
    [3, 12, "第十二条", "违反本办法的，依照第三条规定处理。\n第三条规定的登记簿由综合科保管。", "第二章 印章的使用"],
    [4, 101, "第一百零一条", "附则。", "第二章 印章的使用"],
  ])("article %i is number %i (%s)", (index, number, label, text, chapter) => {
    const article = split.articles[index];
    expect(article).toMatchObject({ number, label, text, chapter, anchor: `art-${number}` });
  });

  it("finds chapters and sections in order", () => {
    expect(split.blocks.filter((b) => b.kind !== "article").map((b) => [b.kind, b.label, "title" in b ? b.title : ""])).toEqual([
      ["chapter", "第一章", "总则"],
      ["chapter", "第二章", "印章的使用"],
      ["section", "第一节", "一般规定"],
    ]);
  });

  it.each([
    ["第1条 阿拉伯数字", 1],
    ["第２０条 全角数字", 20],
    ["第二十条　全角空格", 20],
    ["第三十五条", 35],
  ])("reads the number of %s", (line, number) => {
    expect(splitArticles(line).articles[0]?.number).toBe(number);
  });

  it.each([["本办法自印发之日起施行。"], ["第X条 不是数字"], ["依照第五条规定办理。"]])("does not open an article for %s", (line) => {
    expect(splitArticles(line).articles).toEqual([]);
  });

  it("gives a repeated article number a unique anchor", () => {
    const split2 = splitArticles("第一条 甲。\n附件\n第一条 乙。");
    expect(split2.articles.map((a) => a.anchor)).toEqual(["art-1", "art-1-2"]);
  });

  it("a text without articles has only a preamble", () => {
    expect(splitArticles("一、总体要求\n二、主要任务")).toMatchObject({ preamble: ["一、总体要求", "二、主要任务"], articles: [] });
  });
});
