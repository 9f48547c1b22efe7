import { describe, expect, it } from "vitest";
import { entryHistory, type HistoryAuditRow } from "./history";

const at = (hm: string) => new Date(`2026-03-01T${hm}:00Z`);
const row = (hm: string, action: string, actorName: string, after: string | null = null): HistoryAuditRow => ({ at: at(hm), action, actorName, after });

describe("entryHistory", () => {
  it("groups a return and a resubmission into rounds, in time order", () => {
    const rounds = entryHistory([
      row("08:20", "return", "李法治", JSON.stringify({ status: "RETURNED", returnReason: "请补充签到表" })),
      row("08:00", "create", "张综合"),
      row("08:10", "submit", "张综合"),
      row("08:30", "update", "张综合"),
      row("08:40", "submit", "张综合"),
      row("08:50", "approve", "王秘书长"),
    ]);
    expect(rounds.map((r) => [r.title, r.events.map((e) => `${e.label}:${e.actorName}${e.note ? `(${e.note})` : ""}`)])).toEqual([
      ["填报", ["录入:张综合"]],
      ["第1轮审核", ["提交审核:张综合", "退回:李法治(原因：请补充签到表)", "修改:张综合"]],
      ["第2轮审核", ["提交审核:张综合", "审核通过:王秘书长"]],
    ]);
  });

  it("a reopening starts a new round; unknown actions are left out", () => {
    const rounds = entryHistory([row("08:00", "create", "a"), row("08:10", "submit", "a"), row("08:20", "approve", "b"), row("09:00", "reopen", "c"), row("09:05", "export.ledger", "d")]);
    expect(rounds.map((r) => r.title)).toEqual(["填报", "第1轮审核", "第2轮审核"]);
    expect(rounds[2].events.map((e) => e.label)).toEqual(["撤销通过"]);
  });

  it("an entry without audit rows has no history, and a broken change record gives no note", () => {
    expect(entryHistory([])).toEqual([]);
    expect(entryHistory([row("08:00", "return", "x", "{oops")])[0].events[0].note).toBeNull();
  });
});
