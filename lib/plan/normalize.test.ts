import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth, endsWithParagraphPunctuation, isPageNumberLine, normalizeInline } from "./normalize";

describe("normalizeInline", () => {
  it.each([
    ["不少于 4 次", "不少于4次"],
    ["不少于４次", "不少于4次"],
    ["１．深入学习", "1.深入学习"],
    ["1、深入学习", "1、深入学习"],
    ["2025 年,XX 市政协办公室", "2025年，XX市政协办公室"],
    ["法治 XX 建设", "法治XX建设"],
    ["(一)组织专题学习", "（一）组织专题学习"],
    ["牵头科室:综合科;配合科室:人事科", "牵头科室：综合科；配合科室：人事科"],
    ["　　一、总体要求", "一、总体要求"],
    ["培训1,000人次", "培训1000人次"],
    ["8:30开会", "8:30开会"],
    ["ＡＢＣ政协", "ABC政协"],
    ["１００％", "100%"],
    ["Word  文档  and   PDF", "Word文档and PDF"],
    ["⑴学习", "（1）学习"],
    ["⒉学习", "2.学习"],
    ["学\u200b习\ufeff", "学习"],
    ["\t不少于\u00a04\u3000次 ", "不少于4次"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeInline(input)).toBe(expected);
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => normalizeInline(normalizeInline(s)) === normalizeInline(s)));
  });
});

describe("displayWidth", () => {
  it.each([["abc", 3], ["政协", 4], ["2025年", 6], ["", 0]] as Array<[string, number]>)("%j → %d", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe("endsWithParagraphPunctuation", () => {
  it.each([
    ["确保学习全覆盖、无死角。", true],
    ["具体要求如下：", true],
    ["一是加强学习；", true],
    ["他说：“要学习。”", true],
    ["切实增强运用法治思维和法治方式履职尽责的思想自觉和行动", false],
    ["一、强化法治思想引领", false],
  ] as Array<[string, boolean]>)("%s → %s", (line, expected) => {
    expect(endsWithParagraphPunctuation(line)).toBe(expected);
  });
});

describe("isPageNumberLine", () => {
  it.each([
    ["— 2 —", true], ["- 3 -", true], ["第 4 页 共 9 页", true], ["4/9", true],
    ["2025年", false], ["1.深入学习", false], ["4", false],
  ] as Array<[string, boolean]>)("%j → %s", (line, expected) => {
    expect(isPageNumberLine(line)).toBe(expected);
  });
});
