import { describe, expect, it } from "vitest";
import { matchHeading } from "./headings";

describe("matchHeading", () => {
  it.each([
    ["一、强化法治思想引领", "CN", 1, "强化法治思想引领"],
    ["十二、其他", "CN", 12, "其他"],
    ["三. 推进依法履职", "CN", 3, "推进依法履职"],
    ["（一）组织专题学习。全年组织", "PAREN_CN", 1, "组织专题学习。全年组织"],
    ["（十）加强督查", "PAREN_CN", 10, "加强督查"],
    ["1.深入学习习近平法治思想。", "ARABIC", 1, "深入学习习近平法治思想。"],
    ["1、深入学习", "ARABIC", 1, "深入学习"],
    ["1、 主要举措和成效", "ARABIC", 1, "主要举措和成效"],
    ["10.依法实施民主监督", "ARABIC", 10, "依法实施民主监督"],
    ["3.《条例》学习", "ARABIC", 3, "《条例》学习"],
    ["（1）一是", "PAREN_ARABIC", 1, "一是"],
    ["（12）建立台账", "PAREN_ARABIC", 12, "建立台账"],
    ["①制定计划", "CIRCLED", 1, "制定计划"],
    ["⑳收尾", "CIRCLED", 20, "收尾"],
  ] as const)("%s → %s %d", (line, kind, number, rest) => {
    const heading = matchHeading(line);
    expect(heading).toMatchObject({ kind, number });
    expect(line.slice(heading!.markerLength)).toBe(rest);
  });

  it.each([
    "12.4国家宪法日",
    "1.5倍",
    "2025年工作要点",
    "一是加强学习",
    "二十届二中、三中全会",
    "一二、不是编号",
    "0.开始",
    "1. 2025年",
    "（2025）",
    "XX市政协",
    "",
  ])("%j is not a heading", (line) => {
    expect(matchHeading(line)).toBeNull();
  });
});
