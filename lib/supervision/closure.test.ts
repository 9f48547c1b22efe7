import { describe, expect, it } from "vitest";
import { closingState, latestClosure, supervisionNotice, type SupervisionStep } from "./closure";

const at = (day: number) => new Date(Date.UTC(2026, 10, day));

describe("closingState", () => {
  it.each([
    ["no declaration: 进行中", [], "OPEN", null],
    ["declared: 待审核", [{ id: 1, status: "PENDING", declaredAt: at(1) }], "PENDING", null],
    ["accepted: 已办结", [{ id: 1, status: "ACCEPTED", declaredAt: at(1) }], "CLOSED", null],
    ["returned: back to 进行中 with the reason", [{ id: 1, status: "RETURNED", declaredAt: at(1), returnReason: "缺少佐证" }], "OPEN", "缺少佐证"],
    [
      "the latest counts: returned, then declared again",
      [{ id: 1, status: "RETURNED", declaredAt: at(1), returnReason: "缺少佐证" }, { id: 2, status: "PENDING", declaredAt: at(3) }],
      "PENDING",
      null,
    ],
  ] as const)("%s", (_label, closures, state, reason) => {
    expect(closingState(closures)).toEqual({ state, returnReason: reason });
  });

  it("same time: the higher id is the latest", () => {
    expect(latestClosure([{ id: 2, status: "RETURNED", declaredAt: at(1) }, { id: 1, status: "PENDING", declaredAt: at(1) }])?.id).toBe(2);
  });
});

describe("supervisionNotice", () => {
  const facts = { pointId: 9, pointNumber: 8, pointTitle: "完善制度。", officeName: "综合科", actorName: "张三", date: "2026年11月30日", text: "需等待上级文件" };
  it.each([
    ["extension.request", "leaders", "待审批：综合科申请第8项“完善制度”延期至2026年11月30日"],
    ["extension.approve", "office", "延期已批准：第8项“完善制度”"],
    ["extension.decline", "office", "延期未批准：第8项“完善制度”"],
    ["closure.declare", "coordinators", "待办结审核：综合科申报第8项“完善制度”办结"],
    ["closure.accept", "office", "办结已通过：第8项“完善制度”"],
    ["closure.return", "office", "办结已退回：第8项“完善制度”"],
    ["closure.rate", "office", "办结评价：第8项“完善制度”"],
  ] as const)("%s → %s", (step, audience, title) => {
    const notice = supervisionNotice(step as SupervisionStep, facts);
    expect(notice.audience).toBe(audience);
    expect(notice.title).toBe(title);
    expect(notice.link).toBe("/points/9#supervision");
  });
  it("a return carries its reason", () => {
    expect(supervisionNotice("closure.return", { ...facts, text: "缺少佐证" }).body).toBe("张三退回办结申报，原因：缺少佐证。该要点回到进行中。");
  });
});
