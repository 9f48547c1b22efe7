import { describe, expect, it } from "vitest";
import { splitArticles } from "./articles";
import { changedSpan, diffArticles, summarizeDiff } from "./diff";

const arts = (text: string) => splitArticles(text).articles;
const shape = (before: string, after: string) =>
  diffArticles(arts(before), arts(after)).map((c) =>
    c.kind === "added" ? `+${c.after.number}` : c.kind === "removed" ? `-${c.before.number}` : c.kind === "changed" ? `~${c.before.number}>${c.after.number}` : `=${c.before.number}>${c.after.number}`,
  );

describe("diffArticles", () => {
  it.each([
    ["unchanged", "第一条 甲。\n第二条 乙。", "第一条 甲。\n第二条 乙。", ["=1>1", "=2>2"]],
    ["one article reworded", "第一条 甲。\n第二条 乙。", "第一条 甲。\n第二条 乙乙。", ["=1>1", "~2>2"]],
    ["inserted in the middle renumbers the rest", "第一条 甲。\n第二条 乙。\n第三条 丙。", "第一条 甲。\n第二条 新。\n第三条 乙。\n第四条 丙。", ["=1>1", "+2", "=2>3", "=3>4"]],
    ["removed article", "第一条 甲。\n第二条 乙。\n第三条 丙。", "第一条 甲。\n第二条 丙。", ["=1>1", "-2", "=3>2"]],
    ["appended at the end", "第一条 甲。", "第一条 甲。\n第二条 乙。", ["=1>1", "+2"]],
    ["everything new", "第一条 甲。", "第一条 乙。\n第二条 丙。", ["~1>1", "+2"]],
    ["whitespace only is not a change", "第一条 甲 乙。", "第一条 甲乙。", ["=1>1"]],
    ["empty before", "", "第一条 甲。", ["+1"]],
    ["empty after", "第一条 甲。", "", ["-1"]],
  ])("%s", (_name, before, after, expected) => {
    expect(shape(before, after)).toEqual(expected);
  });

  it("marks renumbered articles", () => {
    const changes = diffArticles(arts("第一条 甲。\n第二条 乙。"), arts("第一条 新。\n第二条 甲。\n第三条 乙。"));
    expect(changes.filter((c) => c.kind === "same").map((c) => c.kind === "same" && c.renumbered)).toEqual([true, true]);
    expect(summarizeDiff(changes)).toEqual({ same: 2, changed: 0, added: 1, removed: 0 });
  });
});

describe("changedSpan", () => {
  it.each([
    ["印章由综合科保管。", "印章由办公室保管。", { prefix: "印章由", removed: "综合科", added: "办公室", suffix: "保管。" }],
    ["甲。", "甲。", { prefix: "甲。", removed: "", added: "", suffix: "" }],
    ["每年一次。", "每年两次，必要时随时。", { prefix: "每年", removed: "一次", added: "两次，必要时随时", suffix: "。" }],
  ])("%s → %s", (before, after, expected) => {
    expect(changedSpan(before, after)).toEqual(expected);
  });
});
