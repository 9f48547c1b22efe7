import { describe, expect, it } from "vitest";
import { calendarDate as d, computePlanProgress, type PointDef, type TargetDef } from "@/lib/progress";
import type { PlanProgressData } from "@/lib/progress/queries";
import type { ReminderView } from "@/lib/reminders/queries";
import { attentionTableHtml, officeRankingHtml, upcomingTableHtml } from "./tables";
import { pointsGridHtml } from "./points-grid";
import { headlineHtml } from "./figures";

const asOf = d(2026, 11, 22);
const point = (id: number, extra: Partial<PointDef> = {}): PointDef => ({
  id, number: id, title: `要点${id}`, sectionId: 1, leadOfficeId: 1, supportOfficeIds: [], deadline: null, startDate: null, completedAt: null, approvedEntryCount: 0, ...extra,
});
const targets: TargetDef[] = [{ id: 1, workPointId: 1, subject: "专题学习", comparator: ">=", value: 4, unit: "次", kind: "COUNT", deadline: null }];
const points = [
  point(1, { title: `<script>alert("x")</script>学法` }),
  point(2, { leadOfficeId: 2, deadline: d(2026, 6, 30) }),
  point(3, { completedAt: d(2026, 3, 1) }),
];
const progress = computePlanProgress({
  year: 2026, asOf, points, targets,
  aggregates: [{ targetId: 1, sum: 1, entryCount: 1, latestValue: null, completed: false, firstDate: null, lastDate: null }],
});
const data: PlanProgressData = {
  plan: { id: 1, year: 2026, title: "2026年工作要点", status: "PUBLISHED" },
  sections: [{ id: 1, ordinal: 1, title: "学习" }],
  targetDefs: new Map(targets.map((t) => [t.id, t])),
  deadlineText: new Map(),
  progress,
  officeId: null,
};
const offices = [{ id: 1, name: `综合科"><b>`, shortName: "综合" }, { id: 2, name: "研究室", shortName: "研究" }];
const officeNames = new Map(offices.map((o) => [o.id, o.name]));
const reminder = { createdAt: d(2026, 11, 1), reply: "<i>已安排</i>", replyExpectedDate: d(2026, 12, 10) } as unknown as ReminderView;
const dash = { data, officeNames, offices, year: 2026, officeId: null, officeLocked: false, statusFilter: null, pending: 3, reminders: new Map([[1, reminder]]) };

describe("dashboard markup", () => {
  it("the 需关注 table lists the behind and overdue points, with the 督办 state, escaped", () => {
    const out = attentionTableHtml(dash, true).value;
    expect(out).toContain(`data-testid="attention-row-1"`);
    expect(out).toContain(`data-testid="attention-row-2"`);
    expect(out).not.toContain(`attention-row-3"`); // done
    expect(out).not.toContain("<script>");
    expect(out).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;学法");
    expect(out).not.toContain("<i>");
    expect(out).toContain("已反馈：&lt;i&gt;已安排&lt;/i&gt;（预计2026年12月10日完成）");
    expect(out).toContain(`href="/points/1#send-reminder"`);
    expect(attentionTableHtml(dash, false).value).not.toContain("#send-reminder");
  });

  it("the grid has a cell per point and the ranking a row per office, names escaped", () => {
    const grid = pointsGridHtml(dash).value;
    expect(grid.match(/data-testid="point-cell-\d+"/g)).toHaveLength(3);
    expect(grid).not.toContain("<script>");
    const ranking = officeRankingHtml(dash).value;
    expect(ranking.match(/<tr data-testid="office-row-/g)).toHaveLength(2);
    expect(ranking).not.toContain("<b>");
    expect(ranking).toContain("综合科&quot;&gt;&lt;b&gt;");
  });

  it("a status filter narrows the grid and offers 显示全部", () => {
    const grid = pointsGridHtml({ ...dash, statusFilter: "DONE" }).value;
    expect(grid.match(/data-testid="point-cell-\d+"/g)).toHaveLength(1);
    expect(grid).toContain("显示全部");
  });

  it("the headline and the deadline list carry their figures", () => {
    const headline = headlineHtml(dash).value;
    expect(headline).toContain(`data-testid="pending-review">3 条</div>`);
    expect(headline).toContain(`data-testid="status-count-DONE">1</span>`);
    expect(upcomingTableHtml(dash).value).toContain("30 天内");
  });
});

describe("chart tables", () => {
  it("lists each section with its rate and links the behind points; the month table links each month's entries", async () => {
    const { sectionListHtml, monthTableHtml } = await import("./chart-tables");
    const list = sectionListHtml([
      { sectionId: 1, label: "一、", title: "学习<b>", rate: 0.5, pointCount: 4, behind: 2, href: "/ledger?year=2026&sectionId=1", behindHref: "/ledger?year=2026&pointIds=1,2" },
      { sectionId: 2, label: "二、", title: "制度", rate: 1, pointCount: 1, behind: 0, href: "/ledger?year=2026&sectionId=2", behindHref: null },
    ]).value;
    expect(list).toContain("学习&lt;b&gt;");
    expect(list).toContain("4 项 · 50%");
    expect(list).toContain(`<a href="/ledger?year=2026&amp;pointIds=1,2" class="dash-link">滞后/逾期 2</a>`);
    expect(list.match(/滞后\/逾期/g)).toHaveLength(1);
    const months = [{ label: "1月", entries: 3, cumulativePersonTimes: null, expectedPersonTimes: null, href: "/ledger?year=2026&from=2026-01-01" }];
    expect(monthTableHtml(months, null).value).not.toContain("人次");
    const withPeople = monthTableHtml(months, [40]).value;
    expect(withPeople).toContain("<tr><td>人次</td><td>40</td></tr>");
    expect(withPeople).toContain(`data-testid="month-entries">3</a>`);
  });
});
