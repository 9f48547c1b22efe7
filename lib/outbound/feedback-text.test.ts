import { describe, expect, it } from "vitest";
import { calendarDate } from "@/lib/progress";
import { feedbackReminderKey, feedbackReminderText } from "./feedback-text";

const base = { periodKey: "2026-11", periodLabel: "2026年11月", due: calendarDate(2026, 12, 5), officeName: "综合科" };
const points = (n: number) => Array.from({ length: n }, (_, i) => ({ number: i + 1, title: `要点${i + 1}` }));

describe("the missing-feedback reminder", () => {
  it.each([
    [1, "2026年11月尚有 1 项工作要点未反馈", "第1项“要点1”尚未反馈"],
    [2, "2026年11月尚有 2 项工作要点未反馈", "第1项“要点1”、第2项“要点2”尚未反馈"],
    [7, "2026年11月尚有 7 项工作要点未反馈", "第5项“要点5”等 7 项尚未反馈"],
  ])("%i missing → subject and body name them", (n, subject, body) => {
    const text = feedbackReminderText({ ...base, points: points(n) });
    expect(text.subject).toBe(`进展反馈提醒：${subject}`);
    expect(text.body).toContain(body);
    expect(text.body).toMatch(/^综合科：2026年11月的进展反馈应于12月5日前填写/u);
    expect(text.body).not.toContain("第6项");
  });

  it("one key per office and period", () => {
    expect(feedbackReminderKey("2026-11", 3)).toBe("feedback:2026-11:3");
    expect(feedbackReminderKey("2026-Q4", 3)).not.toBe(feedbackReminderKey("2026-11", 3));
  });
});
