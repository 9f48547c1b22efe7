import { describe, expect, it } from "vitest";
import { calendarDate } from "@/lib/progress/dates";
import { defaultRequestedBy } from "./due-date";

const day = (iso: string) => calendarDate(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("催办 要求完成日期 default", () => {
  it.each([
    // today, the point's deadline, proposed
    ["2026-06-10", "2026-06-30", "2026-06-17"], // deadline far away: a week
    ["2026-06-10", "2026-06-13", "2026-06-13"], // deadline within the week: the deadline
    ["2026-06-10", "2026-06-17", "2026-06-17"], // deadline exactly a week away
    ["2026-06-10", "2026-06-10", "2026-06-10"], // deadline today: today
    ["2026-06-10", "2026-06-09", "2026-06-17"], // deadline past: a week
    ["2026-06-10", "2025-12-31", "2026-06-17"], // long overdue
    ["2026-12-28", "2026-12-31", "2026-12-31"], // across the year end, deadline first
    ["2026-12-28", "2027-03-31", "2027-01-04"], // across the year end, a week
    ["2028-02-25", "2028-03-31", "2028-03-03"], // leap year
  ])("today %s, deadline %s → %s", (today, deadline, expected) => {
    expect(iso(defaultRequestedBy(day(today), day(deadline)))).toBe(expected);
  });

  it("a point without a deadline gets a week", () => {
    expect(iso(defaultRequestedBy(day("2026-06-10"), null))).toBe("2026-06-17");
  });

  it("is never after the deadline when the deadline is not past", () => {
    for (let offset = 0; offset < 30; offset++) {
      const today = day("2026-03-01");
      const deadline = new Date(today.getTime() + offset * 86_400_000);
      const proposed = defaultRequestedBy(today, deadline);
      expect(proposed.getTime()).toBeLessThanOrEqual(deadline.getTime());
      expect(proposed.getTime()).toBeGreaterThanOrEqual(today.getTime());
    }
  });
});
