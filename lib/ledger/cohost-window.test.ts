import { describe, expect, it } from "vitest";
import { coHostWindowWarning } from "./cohost-window";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("coHostWindowWarning", () => {
  it.each([
    ["same day", "2026-03-12", "2026-03-12", 31, null],
    ["within the window", "2026-03-12", "2026-04-12", 31, null],
    ["one day over", "2026-03-12", "2026-04-13", 31, "本记录与关联的牵头科室记录日期相差 32 天，超过单位设定的 31 天，请确认是否为同一项活动"],
    ["before the lead record counts the same", "2026-06-30", "2026-03-01", 31, "本记录与关联的牵头科室记录日期相差 121 天，超过单位设定的 31 天，请确认是否为同一项活动"],
    ["a window of 0 days warns on any gap", "2026-03-12", "2026-03-13", 0, "本记录与关联的牵头科室记录日期相差 1 天，超过单位设定的 0 天，请确认是否为同一项活动"],
  ])("%s", (_name, entry, lead, window, expected) => {
    expect(coHostWindowWarning(d(entry), d(lead), window)).toBe(expected);
  });
});
