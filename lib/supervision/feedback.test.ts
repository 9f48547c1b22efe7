import { describe, expect, it } from "vitest";
import { calendarDate as d } from "@/lib/progress/dates";
import { feedbackByOffice, missingFeedback, owesFeedback, prefillNote, type FeedbackPoint } from "./feedback";
import { periodFromKey } from "./periods";

const NOV = periodFromKey("2026-11")!;
const point = (id: number, extra: Partial<FeedbackPoint> = {}): FeedbackPoint => ({
  id, number: id, title: `要点${id}。`, leadOfficeId: 1, startDate: null, closedAt: null, ...extra,
});

describe("owesFeedback", () => {
  it.each([
    ["an open point of an office", point(1), true],
    ["no lead office", point(1, { leadOfficeId: null }), false],
    ["starts after the period", point(1, { startDate: d(2026, 12, 1) }), false],
    ["starts on the period's last day", point(1, { startDate: d(2026, 11, 30) }), true],
    ["closed before the period", point(1, { closedAt: d(2026, 10, 15) }), false],
    ["closed during the period", point(1, { closedAt: d(2026, 11, 15) }), false],
    ["closed after the period", point(1, { closedAt: d(2026, 12, 2) }), true],
  ] as const)("%s → %s", (_label, p, expected) => {
    expect(owesFeedback(p, NOV)).toBe(expected);
  });
});

describe("missingFeedback", () => {
  const points = [point(1), point(2, { leadOfficeId: 2 }), point(3), point(4, { closedAt: d(2026, 3, 1) }), point(5, { leadOfficeId: null })];
  it.each([
    ["nothing written: every open point with an office", [], [1, 3, 2]],
    ["a note of the period counts", [{ workPointId: 1, period: "2026-11" }], [3, 2]],
    ["a note of another period does not", [{ workPointId: 1, period: "2026-10" }], [1, 3, 2]],
    [
      "all written",
      [{ workPointId: 1, period: "2026-11" }, { workPointId: 2, period: "2026-11" }, { workPointId: 3, period: "2026-11" }],
      [],
    ],
  ] as const)("%s", (_label, notes, expected) => {
    expect(missingFeedback(points, notes, NOV).map((m) => m.pointId)).toEqual(expected);
  });

  it("titles lose their full stop; by office: owed, written, missing", () => {
    expect(missingFeedback([point(7)], [], NOV)[0]).toEqual({ pointId: 7, number: 7, title: "要点7", officeId: 1 });
    const rows = feedbackByOffice(points, [{ workPointId: 1, period: "2026-11" }], NOV);
    expect(rows.map((r) => [r.officeId, r.owed, r.written, r.missing.map((m) => m.pointId)])).toEqual([
      [1, 2, 1, [3]],
      [2, 1, 0, [2]],
    ]);
  });
});

describe("prefillNote", () => {
  it("lists the period's records in date order, marking those not yet approved", () => {
    const text = prefillNote(
      [
        { date: d(2026, 11, 20), title: "专题培训", form: "培训班", status: "SUBMITTED" },
        { date: d(2026, 11, 5), title: "集中学习宪法", form: "集中学习", status: "APPROVED" },
        { date: d(2026, 10, 31), title: "十月的活动", form: "其他", status: "APPROVED" },
        { date: d(2026, 12, 1), title: "十二月的活动", form: "其他", status: "APPROVED" },
      ],
      NOV,
    );
    expect(text).toBe("11月5日 集中学习宪法（集中学习）\n11月20日 专题培训（培训班）（待审核）");
  });
  it("is empty without records", () => {
    expect(prefillNote([], NOV)).toBe("");
  });
});
