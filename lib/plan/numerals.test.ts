import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatChineseCounting, parseChineseNumeral, parseNumberToken } from "./numerals";

describe("parseChineseNumeral", () => {
  it.each([
    ["一", 1], ["两", 2], ["六", 6], ["十", 10], ["十一", 11], ["十二", 12], ["二十", 20],
    ["二十四", 24], ["九十九", 99], ["一百", 100], ["一百零五", 105], ["一百一十", 110], ["两百", 200],
    ["一千", 1000], ["一万二千", 12000], ["二〇二五", 2025], ["二零二六", 2026], ["〇", 0],
  ] as Array<[string, number]>)("%s → %d", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(["", "abc", "十十", "一x", "万", "百十千", "一二三四五六七八九十一二三四五六七"])("rejects %j", (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });
});

describe("parseNumberToken", () => {
  it.each([
    ["4", 4], ["200", 200], ["1.5", 1.5], ["2万", 20000], ["两", 2], ["十二", 12],
  ] as Array<[string, number]>)("%s → %d", (token, value) => {
    expect(parseNumberToken(token)).toBe(value);
  });

  it.each(["", "X", "XX", "4次", "1.2.3"])("rejects %j", (token) => {
    expect(parseNumberToken(token)).toBeNull();
  });
});

describe("formatChineseCounting (Word's chineseCounting list format)", () => {
  it.each([
    [1, "一"], [9, "九"], [10, "十"], [11, "十一"], [20, "二十"], [21, "二十一"], [100, "一百"],
    [101, "一百零一"], [110, "一百一十"], [1000, "一千"], [1001, "一千零一"], [10000, "一万"], [100000, "100000"],
  ] as Array<[number, string]>)("%d → %s", (value, text) => {
    expect(formatChineseCounting(value)).toBe(text);
  });

  it("round-trips through parseChineseNumeral", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (value) => parseChineseNumeral(formatChineseCounting(value)) === value),
    );
  });
});
