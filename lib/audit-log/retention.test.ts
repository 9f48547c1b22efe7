import { describe, expect, it } from "vitest";
import { auditRetentionDays, retentionCutoff } from "./retention";

describe("auditRetentionDays", () => {
  it.each([
    [undefined, 180],
    ["", 180],
    ["30", 180],
    ["179", 180],
    ["180", 180],
    ["365", 365],
    ["1000", 1000],
    ["-1", 180],
    ["200.5", 180],
    ["abc", 180],
  ])("%s → %s days", (raw, days) => {
    expect(auditRetentionDays(raw)).toBe(days);
  });
});

describe("retentionCutoff", () => {
  it("is the given number of days back, never fewer than 180", () => {
    const now = new Date("2026-12-04T00:00:00Z");
    expect(retentionCutoff(now, 365).toISOString()).toBe("2025-12-04T00:00:00.000Z");
    expect(retentionCutoff(now, 10).toISOString()).toBe(retentionCutoff(now, 180).toISOString());
  });
});
