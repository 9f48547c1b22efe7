import { describe, expect, it } from "vitest";
import { calendarDate as d } from "./dates";
import { computePlanProgress } from "./plan";
import { compactQuantity, describePointShortfall, describeShortfall } from "./shortfall";
import type { PointDef, TargetDef } from "./types";

const asOf = d(2026, 11, 22);
const point = (id: number, extra: Partial<PointDef> = {}): PointDef => ({
  id, number: id, title: `要点${id}`, sectionId: 1, leadOfficeId: 1, supportOfficeIds: [], deadline: null, startDate: null, completedAt: null, approvedEntryCount: 0, ...extra,
});
const target = (id: number, workPointId: number, extra: Partial<TargetDef> = {}): TargetDef => ({
  id, workPointId, subject: "专题学习", comparator: ">=", value: 4, unit: "次", kind: "COUNT", deadline: null, ...extra,
});
const agg = (targetId: number, sum: number, extra = {}) => ({ targetId, sum, entryCount: 1, latestValue: null, completed: false, firstDate: null, lastDate: null, ...extra });

function run(targets: TargetDef[], aggregates: ReturnType<typeof agg>[], points = [point(1)]) {
  return computePlanProgress({ year: 2026, asOf, points, targets, aggregates });
}

describe("describeShortfall", () => {
  it("counts: what is done and what is missing, without spaces", () => {
    const t = target(1, 1);
    const p = run([t], [agg(1, 1)]);
    expect(describeShortfall(p.targets.get(1)!, t)).toBe("专题学习已完成1次，距目标4次尚差3次");
  });

  it("sums, percentages, one-off tasks and limits", () => {
    const sum = target(1, 1, { subject: "培训人数", value: 200, unit: "人次", kind: "SUM" });
    const pct = target(2, 1, { subject: "办复率", value: 95, unit: "%", kind: "PERCENT" });
    const bool = target(3, 1, { subject: "制度修订", value: 1, unit: "项", kind: "BOOLEAN" });
    const limit = target(4, 1, { subject: "差错", comparator: "<=", value: 2 });
    const p = run([sum, pct, bool, limit], [agg(1, 120), agg(2, 0, { latestValue: 80.5 }), agg(4, 3)]);
    expect(describeShortfall(p.targets.get(1)!, sum)).toBe("培训人数已完成120人次，距目标200人次尚差80人次");
    expect(describeShortfall(p.targets.get(2)!, pct)).toBe("办复率当前为80.5%，距目标95%尚差14.5个百分点");
    expect(describeShortfall(p.targets.get(3)!, bool)).toBe("制度修订尚未完成");
    expect(describeShortfall(p.targets.get(4)!, limit)).toBe("差错已达3次，超过上限2次（超出1次）");
    expect(compactQuantity(12.25, "万元")).toBe("12.3万元");
  });

  it("a met target says so", () => {
    const t = target(1, 1);
    const p = run([t], [agg(1, 5)]);
    expect(describeShortfall(p.targets.get(1)!, t)).toBe("专题学习已完成5次，达到目标4次");
  });
});

describe("describePointShortfall", () => {
  it("joins the unmet targets; a point without targets gives its deadline", () => {
    const a = target(1, 1);
    const b = target(2, 1, { subject: "专题培训班", value: 1, unit: "期" });
    const p = run([a, b], [agg(1, 1), agg(2, 1)], [point(1), point(2, { deadline: d(2026, 6, 30) })]);
    const defs = new Map([[1, a], [2, b]]);
    expect(describePointShortfall(p.points[0], defs)).toBe("专题学习已完成1次，距目标4次尚差3次");
    expect(describePointShortfall(p.points[1], defs)).toBe("该项工作尚未完成，完成时限为2026年6月30日");
  });
});
