import { describe, expect, it } from "vitest";
import { DEFAULT_DEADLINES, dueDate, parseMonthDay, reportDeadlineNotices, reportStanding, reportYearDueAt, type ReportCycleState } from "./deadlines";

/** Noon in Beijing of a calendar day. */
const at = (iso: string) => new Date(`${iso}T04:00:00.000Z`);
const draft: ReportCycleState = { year: 2025, status: "DRAFT", published: false };
const final: ReportCycleState = { year: 2025, status: "FINAL", published: false };
const published: ReportCycleState = { year: 2025, status: "FINAL", published: true };
const missing: ReportCycleState = { year: 2025, status: null, published: false };

describe("reportDeadlineNotices", () => {
  const cases: [string, ReportCycleState, string, string[]][] = [
    ["more than 30 days before 报送: nothing", draft, "2026-01-29", []],
    ["30 days before 报送", draft, "2026-01-30", ["report:2025:submit:30"]],
    ["20 days before: still the 30-day notice (a late first run)", draft, "2026-02-09", ["report:2025:submit:30"]],
    ["7 days before 报送", draft, "2026-02-22", ["report:2025:submit:7"]],
    ["5 days before: the 7-day notice only, never three at once", missing, "2026-02-24", ["report:2025:submit:7"]],
    ["1 day before 报送 (公开 still 32 days away)", draft, "2026-02-28", ["report:2025:submit:1"]],
    ["due today counts as the 1-day notice", draft, "2026-03-01", ["report:2025:submit:1"]],
    ["after 报送's deadline: nothing for it, 公开 reaches 30 days", draft, "2026-03-02", ["report:2025:publish:30"]],
    ["定稿 ends the 报送 reminders", final, "2026-02-28", []],
    ["定稿 but not published: 公开 7 days before", final, "2026-03-25", ["report:2025:publish:7"]],
    ["published: nothing", published, "2026-03-31", []],
    ["after both deadlines: nothing", draft, "2026-04-02", []],
    ["in the report's own year: nothing", draft, "2025-12-01", []],
  ];
  it.each(cases)("%s", (_name, report, day, keys) => {
    expect(reportDeadlineNotices(report, at(day), DEFAULT_DEADLINES).map((n) => n.key)).toEqual(keys);
  });

  it("follows configured deadlines", () => {
    const settings = { submitDue: "02-15", publishDue: "03-15" };
    expect(reportDeadlineNotices(draft, at("2026-02-14"), settings).map((n) => n.key)).toEqual(["report:2025:submit:1", "report:2025:publish:30"]);
  });

  it("names the deadline, the days left and the next step", () => {
    const [notice] = reportDeadlineNotices(draft, at("2026-02-22"), DEFAULT_DEADLINES);
    expect(notice.title).toBe("2025年度法治建设报告报送截止2026年3月1日，还有7天");
    expect(notice.body).toBe("报告仍为草稿，请完善后送审。");
    expect(notice.link).toBe("/reports/2025");
  });

  it("reads the day in China time (23:30 UTC on 21 February is 22 February in Beijing)", () => {
    expect(reportDeadlineNotices(draft, new Date("2026-02-21T23:30:00Z"), DEFAULT_DEADLINES).map((n) => n.key)).toEqual(["report:2025:submit:7"]);
  });
});

describe("reportStanding", () => {
  const cases: [string, ReportCycleState, string, string[]][] = [
    ["far ahead", draft, "2026-01-10", ["pending:报送截止2026年3月1日，还有50天", "pending:公开截止2026年4月1日，还有81天"]],
    ["due soon", draft, "2026-02-20", ["due-soon:报送截止2026年3月1日，还有9天", "pending:公开截止2026年4月1日，还有40天"]],
    ["due today", draft, "2026-03-01", ["due-soon:报送截止2026年3月1日，今天截止", "pending:公开截止2026年4月1日，还有31天"]],
    ["overdue", missing, "2026-03-05", ["overdue:报送截止2026年3月1日，已逾期4天", "due-soon:公开截止2026年4月1日，还有27天"]],
    ["signed", final, "2026-03-05", ["done:报送截止2026年3月1日，已定稿，可报送", "due-soon:公开截止2026年4月1日，还有27天"]],
    ["published", published, "2026-04-05", ["done:报送截止2026年3月1日，已定稿，可报送", "done:公开截止2026年4月1日，已通过保密审查并公开"]],
  ];
  it.each(cases)("%s", (_name, report, day, lines) => {
    expect(reportStanding(report, at(day), DEFAULT_DEADLINES).map((s) => `${s.state}:${s.text}`)).toEqual(lines);
  });
});

describe("deadline settings", () => {
  const cases: [string, { month: number; day: number } | null][] = [
    ["03-01", { month: 3, day: 1 }],
    ["12-31", { month: 12, day: 31 }],
    ["02-29", null],
    ["13-01", null],
    ["3-1", null],
    ["", null],
  ];
  it.each(cases)("parseMonthDay(%j)", (value, expected) => expect(parseMonthDay(value)).toEqual(expected));

  it("an invalid stored value falls back to the statutory date", () => {
    expect(dueDate(2025, "submit", { submitDue: "bad", publishDue: "04-01" }).toISOString().slice(0, 10)).toBe("2026-03-01");
  });

  const yearCases: [string, Date, number][] = [
    ["February: last year's report", at("2026-02-01"), 2025],
    ["1 January in Beijing (31 December UTC)", new Date("2025-12-31T17:00:00Z"), 2025],
    ["the 公开 deadline itself", at("2026-04-01"), 2025],
    ["after the 公开 deadline: this year's report", at("2026-04-02"), 2026],
    ["December: this year's report", at("2026-12-04"), 2026],
  ];
  it.each(yearCases)("the report due: %s", (_name, now, year) => expect(reportYearDueAt(now)).toBe(year));
  it("the report due follows a configured 公开 deadline", () => expect(reportYearDueAt(at("2026-04-10"), { submitDue: "03-01", publishDue: "04-30" })).toBe(2025));
});
