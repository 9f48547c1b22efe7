import { describe, expect, it } from "vitest";
import { dueReminders, reminderDay } from "./schedule";
import { backoffDelayMs, isPermanentSmtpError, DeliveryError } from "./backoff";
import { dayIndex } from "@/lib/progress/dates";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** 10:00 Beijing on that day. */
const at = (iso: string, hourBeijing = 10) => new Date(Date.parse(`${iso}T00:00:00Z`) + (hourBeijing - 8) * 3_600_000);
const settings = { leadDays: 7, repeatDays: 7 };

describe("reminderDay", () => {
  it("starts a day's reminders at 08:00 Beijing", () => {
    // 07:59 Beijing on 1 July is before 08:00: the day's reminders are not due yet (30 June's are).
    expect(reminderDay(new Date("2026-06-30T23:59:00Z"))).toBe(dayIndex(day("2026-06-30")));
    // 08:00 Beijing on 1 July.
    expect(reminderDay(new Date("2026-07-01T00:00:00Z"))).toBe(dayIndex(day("2026-07-01")));
  });
});

describe("dueReminders", () => {
  const point = { pointId: 5, deadline: day("2026-06-30"), done: false };
  const cases: { name: string; now: Date; p?: Partial<typeof point>; s?: Partial<typeof settings>; keys: string[] }[] = [
    { name: "well before the window", now: at("2026-06-22"), keys: [] },
    { name: "first day of the window (7 days left)", now: at("2026-06-23"), keys: ["near:5:2026-06-30"] },
    { name: "inside the window, same key", now: at("2026-06-27"), keys: ["near:5:2026-06-30"] },
    { name: "deadline day", now: at("2026-06-30"), keys: ["near:5:2026-06-30"] },
    { name: "07:00 Beijing on the first window day: not yet", now: at("2026-06-23", 7), keys: [] },
    { name: "day after the deadline: first 催办", now: at("2026-07-01"), keys: ["due:5:2026-07-01"] },
    { name: "still inside the first repeat period", now: at("2026-07-07"), keys: ["due:5:2026-07-01"] },
    { name: "second slot a week later", now: at("2026-07-08"), keys: ["due:5:2026-07-08"] },
    { name: "catch-up after downtime: latest slot only", now: at("2026-07-30"), keys: ["due:5:2026-07-29"] },
    { name: "repeat 0: once", now: at("2026-07-30"), s: { repeatDays: 0 }, keys: ["due:5:2026-07-01"] },
    { name: "lead 0: no 临近提醒", now: at("2026-06-29"), s: { leadDays: 0 }, keys: [] },
    { name: "lead 3", now: at("2026-06-26"), s: { leadDays: 3 }, keys: [] },
    { name: "lead 3, three days left", now: at("2026-06-27"), s: { leadDays: 3 }, keys: ["near:5:2026-06-30"] },
    { name: "done: nothing", now: at("2026-07-08"), p: { done: true }, keys: [] },
    { name: "extended deadline: new near key", now: at("2026-07-25"), p: { deadline: day("2026-07-31") }, keys: ["near:5:2026-07-31"] },
  ];
  it.each(cases)("$name", ({ now, p, s, keys }) => {
    const result = dueReminders([{ ...point, ...p }], now, { ...settings, ...s });
    expect(result.map((r) => r.key)).toEqual(keys);
  });

  it("reports the days left and days late", () => {
    expect(dueReminders([point], at("2026-06-27"), settings)[0]).toMatchObject({ kind: "NEAR", days: 3 });
    expect(dueReminders([point], at("2026-07-10"), settings)[0]).toMatchObject({ kind: "OVERDUE", days: 10, slot: day("2026-07-08") });
  });

  it("handles several points independently", () => {
    const result = dueReminders(
      [point, { pointId: 6, deadline: day("2026-07-03"), done: false }, { pointId: 7, deadline: day("2026-12-31"), done: false }],
      at("2026-07-01"),
      settings,
    );
    expect(result.map((r) => r.key)).toEqual(["due:5:2026-07-01", "near:6:2026-07-03"]);
  });
});

describe("backoffDelayMs", () => {
  it.each([
    [0, 60_000],
    [1, 60_000],
    [2, 120_000],
    [3, 240_000],
    [6, 1_920_000],
    [7, 3_600_000],
    [50, 3_600_000],
    [Number.NaN, 60_000],
  ])("after %s failed attempts waits %s ms", (attempts, expected) => {
    expect(backoffDelayMs(attempts)).toBe(expected);
  });
});

describe("isPermanentSmtpError", () => {
  it.each([
    [{ responseCode: 550 }, true],
    [{ responseCode: 421 }, false],
    [{ code: "ECONNREFUSED" }, false],
    [new DeliveryError("no address", true), true],
    [new DeliveryError("timeout", false), false],
    [null, false],
  ])("%o → %s", (error, expected) => {
    expect(isPermanentSmtpError(error)).toBe(expected);
  });
});
