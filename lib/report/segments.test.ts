import { describe, expect, it } from "vitest";
import { allSourceIds, parseSources, segmentBySources } from "./segments";

describe("parseSources", () => {
  it("keeps phrase → positive integer ids and drops anything malformed", () => {
    expect(parseSources('{"组织专题学习6次":[1,2,3],"x":"no","y":[0,-1,2.5],"z":[4]}')).toEqual({ 组织专题学习6次: [1, 2, 3], z: [4] });
    expect(parseSources("not json")).toEqual({});
    expect(parseSources("[1,2]")).toEqual({});
    expect(parseSources(null)).toEqual({});
    expect(parseSources("")).toEqual({});
  });
});

describe("segmentBySources", () => {
  it("returns the text as one plain run when nothing matches", () => {
    expect(segmentBySources("无。", { 组织专题学习6次: [1] })).toEqual([{ text: "无。" }]);
    expect(segmentBySources("", {})).toEqual([{ text: "" }]);
  });

  it("wraps every occurrence of a phrase, keeping the text around it", () => {
    const text = "全年组织专题学习6次，超额完成；再次组织专题学习6次。";
    const segments = segmentBySources(text, { 组织专题学习6次: [1, 2] });
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.entryIds)).toEqual([
      { text: "组织专题学习6次", entryIds: [1, 2] },
      { text: "组织专题学习6次", entryIds: [1, 2] },
    ]);
    expect(segments[0]).toEqual({ text: "全年" });
  });

  it("prefers the earlier, then the longer phrase when phrases overlap", () => {
    const text = "全年组织专题学习6次。";
    const segments = segmentBySources(text, { 专题学习: [9], 组织专题学习6次: [1], "学习6次。": [7] });
    expect(segments).toEqual([{ text: "全年" }, { text: "组织专题学习6次", entryIds: [1] }, { text: "。" }]);
  });

  it("handles a phrase at the very start and end", () => {
    expect(segmentBySources("培训412人次", { 培训412人次: [5] })).toEqual([{ text: "培训412人次", entryIds: [5] }]);
  });
});

describe("allSourceIds", () => {
  it("collects distinct ids of all parts in order", () => {
    expect(allSourceIds([{ a: [3, 1] }, { b: [1, 2] }, {}])).toEqual([1, 2, 3]);
  });
});
