import { describe, expect, it } from "vitest";
import { calendarDate as d } from "@/lib/progress/dates";
import { deadlineInForce, effectiveDeadline, extendedTargetDeadline, extensionNote, extensionNoteFor, extensionReportPhrase, extensionRequestProblem, latestApproved } from "./deadline";

const ext = (id: number, status: string, to: Date, decidedAt: Date | null) => ({ id, status, proposedDeadline: to, decidedAt });

describe("effectiveDeadline", () => {
  const original = { deadline: d(2026, 9, 30) };
  it.each([
    ["no extension: the original", [], d(2026, 9, 30)],
    ["a pending request changes nothing", [ext(1, "PENDING", d(2026, 11, 30), null)], d(2026, 9, 30)],
    ["a declined request changes nothing", [ext(1, "DECLINED", d(2026, 11, 30), d(2026, 9, 1))], d(2026, 9, 30)],
    ["an approved one moves it", [ext(1, "APPROVED", d(2026, 11, 30), d(2026, 9, 1))], d(2026, 11, 30)],
    [
      "the latest approved decision wins, not the latest date",
      [ext(1, "APPROVED", d(2026, 12, 20), d(2026, 9, 1)), ext(2, "APPROVED", d(2026, 12, 10), d(2026, 12, 1))],
      d(2026, 12, 10),
    ],
    [
      "same decision time: the higher id",
      [ext(3, "APPROVED", d(2026, 12, 10), d(2026, 9, 1)), ext(2, "APPROVED", d(2026, 12, 20), d(2026, 9, 1))],
      d(2026, 12, 10),
    ],
  ] as const)("%s", (_label, extensions, expected) => {
    expect(effectiveDeadline(original, extensions)?.toISOString()).toBe(expected.toISOString());
  });

  it("a point without a deadline keeps none until an extension, and is measured against the year end", () => {
    expect(effectiveDeadline({ deadline: null }, [])).toBeNull();
    expect(deadlineInForce(2026, { deadline: null }, []).toISOString()).toBe(d(2026, 12, 31).toISOString());
    expect(latestApproved([])).toBeNull();
  });
});

describe("notes and phrases", () => {
  it.each([
    [d(2026, 11, 30), 2026, "经批准延期至11月30日"],
    [d(2026, 11, 30), undefined, "经批准延期至11月30日"],
    [d(2027, 1, 15), 2026, "经批准延期至2027年1月15日"],
  ] as const)("extensionNote(%s, %s) = %s", (to, year, expected) => {
    expect(extensionNote(to, year)).toBe(expected);
  });

  it("extensionNoteFor reads only approved extensions", () => {
    expect(extensionNoteFor([ext(1, "PENDING", d(2026, 11, 30), null)], 2026)).toBeNull();
    expect(extensionNoteFor([ext(1, "APPROVED", d(2026, 11, 30), d(2026, 9, 1))], 2026)).toBe("经批准延期至11月30日");
  });

  it("the report phrase names the original date", () => {
    expect(extensionReportPhrase({ number: 8, title: "完善制度。", originalDeadline: d(2026, 9, 30) }, d(2026, 11, 30))).toBe(
      "第8项“完善制度”原定9月30日完成，经批准延期至11月30日",
    );
    expect(extensionReportPhrase({ number: 2, title: "学习", originalDeadline: null }, d(2026, 11, 30))).toBe("第2项“学习”经批准延期至11月30日");
  });
});

describe("extensionRequestProblem (today injected)", () => {
  const base = { planYear: 2026, currentDeadline: d(2026, 9, 30) };
  it.each([
    ["before the deadline, a later date in the year: allowed", d(2026, 9, 1), d(2026, 11, 30), null],
    ["on the deadline day itself: allowed", d(2026, 9, 30), d(2026, 10, 31), null],
    ["the last day of the plan year: allowed", d(2026, 9, 1), d(2026, 12, 31), null],
    ["after the deadline: refused, judged on the original", d(2026, 10, 1), d(2026, 11, 30), "已超过完成时限（2026年9月30日），不能再申请延期，该要点按原定时限考核"],
    ["a date before today", d(2026, 9, 1), d(2026, 8, 31), "延期后的完成时限不能早于今天"],
    ["a date beyond the plan year", d(2026, 9, 1), d(2027, 1, 1), "延期后的完成时限不能超出计划年度（2026年12月31日）"],
    ["a date not after the deadline in force", d(2026, 9, 1), d(2026, 9, 30), "延期后的完成时限应晚于当前完成时限（2026年9月30日）"],
    ["an earlier date than the deadline", d(2026, 9, 1), d(2026, 9, 15), "延期后的完成时限应晚于当前完成时限（2026年9月30日）"],
  ] as const)("%s", (_label, today, proposed, expected) => {
    expect(extensionRequestProblem({ ...base, today, proposed })).toBe(expected);
  });
});

describe("extendedTargetDeadline", () => {
  const original = d(2026, 9, 30);
  const to = d(2026, 11, 30);
  it.each([
    ["no own deadline: follows the point", null, original, to, null],
    ["due with the point: moves", d(2026, 9, 30), original, to, d(2026, 11, 30)],
    ["due after the point but before the new date: moves", d(2026, 10, 15), original, to, d(2026, 11, 30)],
    ["due after the new date: stays", d(2026, 12, 15), original, to, d(2026, 12, 15)],
    ["an earlier milestone: stays", d(2026, 6, 30), original, to, d(2026, 6, 30)],
    ["no extension: stays", d(2026, 9, 30), original, null, d(2026, 9, 30)],
    ["point without an original deadline: moves", d(2026, 9, 30), null, to, d(2026, 11, 30)],
  ] as const)("%s", (_label, target, orig, ext, expected) => {
    expect(extendedTargetDeadline(target, orig, ext)?.toISOString() ?? null).toBe(expected?.toISOString() ?? null);
  });
});
