import { describe, expect, it } from "vitest";
import { defaultValidUntil, reviewReason } from "./validity";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (x: Date) => x.toISOString().slice(0, 10);

describe("defaultValidUntil", () => {
  it.each([
    ["2024-03-01", "印章管理办法", "EFFECTIVE", "2029-02-28"],
    ["2024-03-01", "公务接待管理办法（试行）", "EFFECTIVE", "2026-02-28"],
    ["2024-03-01", "数据安全暂行规定", "EFFECTIVE", "2026-02-28"],
    ["2024-03-01", "会议管理办法", "TRIAL", "2026-02-28"],
    ["2024-01-01", "保密工作制度", "EFFECTIVE", "2028-12-31"],
  ])("%s %s (%s) → %s", (effective, title, status, expected) => {
    expect(iso(defaultValidUntil(d(effective), title, status))).toBe(expected);
  });
});

describe("reviewReason", () => {
  const today = d("2026-12-04");
  const base = { status: "EFFECTIVE", validUntil: d("2029-01-01"), lastReviewedOn: d("2026-06-01"), effectiveOn: d("2024-01-01"), createdAt: d("2024-01-01") };
  it.each([
    ["valid and recently reviewed", {}, null],
    ["validity ends in 5 months", { validUntil: d("2027-05-04") }, "EXPIRING"],
    ["validity ends in exactly 6 months", { validUntil: d("2027-06-04") }, "EXPIRING"],
    ["validity ends in 7 months", { validUntil: d("2027-07-04") }, null],
    ["validity has ended", { validUntil: d("2026-12-03") }, "EXPIRED"],
    ["reviewed 13 months ago", { lastReviewedOn: d("2025-11-01") }, "NOT_REVIEWED"],
    ["never reviewed, effective 2 years ago", { lastReviewedOn: null }, "NOT_REVIEWED"],
    ["never reviewed, effective 3 months ago", { lastReviewedOn: null, effectiveOn: d("2026-09-01") }, null],
    ["abolished", { status: "REPEALED", validUntil: d("2026-01-01") }, null],
    ["no validity end, reviewed recently", { validUntil: null }, null],
  ])("%s", (_name, change, expected) => {
    expect(reviewReason({ ...base, ...change }, today)).toBe(expected);
  });
});
