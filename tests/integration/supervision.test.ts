/**
 * 督办 workflows against a real database (SQLite, and PostgreSQL under TEST_DATABASE_URL): 延期申请
 * (only the lead office asks, only a LEADER decides, one pending request per point, refused after the
 * deadline), 办结 (declare, return with a reason, declare again, accept, rate) with their notices.
 * The demo is seeded on 22 November 2026: point 8 (综合科) is due 2 December, point 4 (人事科) was
 * due 31 October, point 3 (综合科) is due 31 December.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor, createTestDb, businessCounts, userByName, type TestDb } from "@/tests/support/test-db";
import { calendarDate } from "@/lib/progress";
import { loadPlanProgress } from "@/lib/progress/queries";
import { decideExtensionSchema, requestExtensionSchema, reviewClosureSchema } from "@/lib/supervision/schemas";
import {
  ALREADY_DECLARED_MESSAGE,
  declareClosure,
  decideExtension,
  OWN_DECLARATION_MESSAGE,
  PENDING_EXTENSION_MESSAGE,
  rateClosure,
  requestExtension,
  reviewClosure,
} from "@/lib/supervision/mutations";
import { NOT_ALLOWED_MESSAGE, NOT_FOUND_MESSAGE } from "@/lib/supervision/access";
import { pointSupervision } from "@/lib/supervision/queries";

const TODAY = calendarDate(2026, 11, 22);
const opts = { today: TODAY };
let t: TestDb;
const ids = { p1: 0, p3: 0, p4: 0, p6: 0, p8: 0 };

async function as(username: string) {
  const user = await userByName(t.db, username);
  return { ...actor(user), officeId: user.officeId };
}
const ask = (workPointId: number, proposedDeadline: string, reason = "需等待上级文件下发后再推进") =>
  requestExtensionSchema.parse({ workPointId: String(workPointId), proposedDeadline, reason });

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: TODAY });
  const plan = await t.db.plan.findUniqueOrThrow({ where: { year: 2026 }, include: { points: true } });
  const byNumber = (n: number) => plan.points.find((p) => p.number === n)!.id;
  Object.assign(ids, { p1: byNumber(1), p3: byNumber(3), p4: byNumber(4), p6: byNumber(6), p8: byNumber(8) });
}, 120_000);
afterAll(async () => t.cleanup());

describe("延期申请", () => {
  it("staff of the lead office ask before the deadline; the leaders are told; the original deadline stays", async () => {
    const staff = await as("staff-zonghe");
    const { extension, notified } = await requestExtension(t.db, staff, ask(ids.p8, "2026-12-20"), opts);
    expect(extension).toMatchObject({ status: "PENDING", pendingKey: ids.p8, requestedById: staff.id });
    expect(extension.currentDeadline.toISOString().slice(0, 10)).toBe("2026-12-02");
    // Every active leader (the 主要负责人 and the deputy of the demo data) is told.
    expect(notified).toBe(await t.db.user.count({ where: { role: "LEADER", active: true } }));
    expect(notified).toBeGreaterThan(0);
    const notice = await t.db.notification.findFirstOrThrow({ where: { user: { username: "leader" } }, orderBy: { id: "desc" } });
    expect(notice.title).toBe("待审批：综合科申请第8项“" + (await t.db.workPoint.findUniqueOrThrow({ where: { id: ids.p8 } })).title.replace(/。$/u, "") + "”延期至2026年12月20日");
    expect(await t.db.auditLog.count({ where: { entity: "DeadlineExtension", entityId: String(extension.id), action: "request" } })).toBe(1);
  });

  it("one pending request per point: a second one is refused and writes nothing", async () => {
    const before = await businessCounts(t.db);
    await expect(requestExtension(t.db, await as("coordinator"), ask(ids.p8, "2026-12-25"), opts)).rejects.toThrow(PENDING_EXTENSION_MESSAGE);
    expect(await businessCounts(t.db)).toEqual(before);
  });

  it("two requests at once: exactly one is recorded", async () => {
    // Actors are loaded first: an `await` inside the array would leave the first request's rejection
    // unhandled until allSettled is reached.
    const staff = await as("staff-zonghe");
    const coordinator = await as("coordinator");
    const results = await Promise.allSettled([
      requestExtension(t.db, staff, ask(ids.p3, "2026-12-31"), { today: calendarDate(2026, 11, 22) }),
      requestExtension(t.db, coordinator, ask(ids.p3, "2026-12-31"), opts),
    ]);
    // Point 3 is due 31 December: nothing later fits the plan year, so both are refused with the reason.
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    const p6 = await Promise.allSettled([
      requestExtension(t.db, staff, ask(ids.p6, "2027-01-31"), opts),
      requestExtension(t.db, staff, ask(ids.p6, "2027-01-31"), opts),
    ]);
    expect(p6.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "ok"))).toEqual([
      "延期后的完成时限不能超出计划年度（2026年12月31日）",
      "延期后的完成时限不能超出计划年度（2026年12月31日）",
    ]);
    await t.db.workPoint.update({ where: { id: ids.p6 }, data: { deadline: calendarDate(2026, 11, 30) } });
    const race = await Promise.allSettled([
      requestExtension(t.db, staff, ask(ids.p6, "2026-12-15"), opts),
      requestExtension(t.db, coordinator, ask(ids.p6, "2026-12-16"), opts),
    ]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = race.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.message).toBe(PENDING_EXTENSION_MESSAGE);
    expect(await t.db.deadlineExtension.count({ where: { workPointId: ids.p6 } })).toBe(1);
  });

  it("only the lead office asks: another office's staff get 'not found', other roles are refused", async () => {
    await expect(requestExtension(t.db, await as("staff-yanjiu"), ask(ids.p1, "2026-12-20"), opts)).rejects.toThrow(NOT_FOUND_MESSAGE);
    for (const username of ["leader", "viewer", "admin"]) {
      await expect(requestExtension(t.db, await as(username), ask(ids.p1, "2026-12-20"), opts)).rejects.toThrow(NOT_ALLOWED_MESSAGE);
    }
  });

  it("refuses a request after the deadline, a date before today and a date beyond the plan year, with the reason", async () => {
    const coordinator = await as("coordinator");
    const before = await businessCounts(t.db);
    await expect(requestExtension(t.db, coordinator, ask(ids.p4, "2026-12-20"), opts)).rejects.toThrow(
      "已超过完成时限（2026年10月31日），不能再申请延期，该要点按原定时限考核",
    );
    await t.db.workPoint.update({ where: { id: ids.p1 }, data: { deadline: calendarDate(2026, 11, 30) } });
    await expect(requestExtension(t.db, coordinator, ask(ids.p1, "2026-11-21"), opts)).rejects.toThrow("延期后的完成时限不能早于今天");
    await expect(requestExtension(t.db, coordinator, ask(ids.p1, "2027-01-10"), opts)).rejects.toThrow("延期后的完成时限不能超出计划年度（2026年12月31日）");
    expect(await businessCounts(t.db)).toEqual(before);
    expect(() => requestExtensionSchema.parse({ workPointId: "1", proposedDeadline: "2026-02-30", reason: "理由理由理由" })).toThrow("日期无效");
  });

  it("only a LEADER decides; approving moves the effective deadline and tells the office", async () => {
    const pending = await t.db.deadlineExtension.findFirstOrThrow({ where: { workPointId: ids.p8, status: "PENDING" } });
    const decision = decideExtensionSchema.parse({ extensionId: String(pending.id), decision: "APPROVE", comment: "同意" });
    for (const username of ["coordinator", "staff-zonghe", "viewer"]) {
      await expect(decideExtension(t.db, await as(username), decision)).rejects.toThrow(NOT_ALLOWED_MESSAGE);
    }
    const after = await decideExtension(t.db, await as("leader"), decision);
    expect(after).toMatchObject({ status: "APPROVED", pendingKey: null, decisionComment: "同意" });
    await expect(decideExtension(t.db, await as("leader"), decision)).rejects.toThrow("该延期申请已审批，无需重复处理");

    const point = await t.db.workPoint.findUniqueOrThrow({ where: { id: ids.p8 } });
    expect(point.deadline?.toISOString().slice(0, 10)).toBe("2026-12-02");
    const data = await loadPlanProgress(t.db, 2026, { asOf: calendarDate(2026, 12, 10) });
    const p8 = data!.progress.points.find((p) => p.pointId === ids.p8)!;
    expect(p8.deadline.toISOString().slice(0, 10)).toBe("2026-12-20");
    expect(p8.point.extension?.originalDeadline?.toISOString().slice(0, 10)).toBe("2026-12-02");
    // Due 2 December it would be 逾期 on 10 December; extended to 20 December it is 滞后 (due within 15 days).
    expect(p8.status).toBe("BEHIND");
    const told = await t.db.notification.findFirstOrThrow({ where: { user: { username: "staff-zonghe" } }, orderBy: { id: "desc" } });
    expect(told.title).toContain("延期已批准");
    expect(told.body).toBe("王秘书长批准延期至2026年12月20日，意见：同意。");
  });

  it("a second request is measured against the extended deadline; declining needs a comment and changes nothing", async () => {
    const staff = await as("staff-zonghe");
    await expect(requestExtension(t.db, staff, ask(ids.p8, "2026-12-18"), opts)).rejects.toThrow("延期后的完成时限应晚于当前完成时限（2026年12月20日）");
    const { extension } = await requestExtension(t.db, staff, ask(ids.p8, "2026-12-28"), opts);
    expect(extension.currentDeadline.toISOString().slice(0, 10)).toBe("2026-12-20");
    expect(() => decideExtensionSchema.parse({ extensionId: String(extension.id), decision: "DECLINE", comment: "" })).toThrow("不批准时请填写意见");
    await decideExtension(t.db, await as("leader"), decideExtensionSchema.parse({ extensionId: String(extension.id), decision: "DECLINE", comment: "请按期完成" }));
    const data = await loadPlanProgress(t.db, 2026, { asOf: TODAY });
    expect(data!.progress.points.find((p) => p.pointId === ids.p8)!.deadline.toISOString().slice(0, 10)).toBe("2026-12-20");
  });
});

describe("办结 and its review", () => {
  const review = (closureId: number, decision: "ACCEPT" | "RETURN", reason = "") =>
    reviewClosureSchema.parse({ closureId: String(closureId), decision, reason });

  it("the lead office declares; a second declaration is refused; another office cannot", async () => {
    const staff = await as("staff-zonghe");
    const closure = await declareClosure(t.db, staff, { workPointId: ids.p3, summary: "专栏全年更新完毕，材料见台账。" });
    expect(closure).toMatchObject({ status: "PENDING", activeKey: ids.p3 });
    const told = await t.db.notification.findFirstOrThrow({ where: { user: { username: "coordinator" } }, orderBy: { id: "desc" } });
    expect(told.title).toContain("待办结审核：综合科申报第3项");
    await expect(declareClosure(t.db, staff, { workPointId: ids.p3, summary: "再次申报办结情况" })).rejects.toThrow(ALREADY_DECLARED_MESSAGE);
    await expect(declareClosure(t.db, await as("staff-yanjiu"), { workPointId: ids.p1, summary: "不是本科室的要点" })).rejects.toThrow(NOT_FOUND_MESSAGE);
    await expect(declareClosure(t.db, await as("leader"), { workPointId: ids.p1, summary: "领导不申报办结" })).rejects.toThrow(NOT_ALLOWED_MESSAGE);
  });

  it("the coordinator returns it with a reason: back to 进行中, the office sees the reason", async () => {
    const closure = await t.db.pointClosure.findFirstOrThrow({ where: { workPointId: ids.p3, status: "PENDING" } });
    expect(() => review(closure.id, "RETURN")).toThrow("退回时请填写原因");
    await expect(reviewClosure(t.db, await as("leader"), review(closure.id, "RETURN", "x"))).rejects.toThrow(NOT_ALLOWED_MESSAGE);
    const after = await reviewClosure(t.db, await as("coordinator"), review(closure.id, "RETURN", "请补充第四季度更新记录"));
    expect(after).toMatchObject({ status: "RETURNED", activeKey: null, returnReason: "请补充第四季度更新记录" });
    const staff = await userByName(t.db, "staff-zonghe");
    const view = await pointSupervision(t.db, ids.p3, { id: staff.id, role: "STAFF", officeId: staff.officeId });
    expect(view.closingState).toBe("OPEN");
    expect(view.returnReason).toBe("请补充第四季度更新记录");
    const told = await t.db.notification.findFirstOrThrow({ where: { userId: staff.id }, orderBy: { id: "desc" } });
    expect(told.body).toBe("李法治退回办结申报，原因：请补充第四季度更新记录。该要点回到进行中。");
  });

  it("declared again and accepted: 已办结, the point gets its completion mark; the leader may rate it", async () => {
    const staff = await as("staff-zonghe");
    const closure = await declareClosure(t.db, staff, { workPointId: ids.p3, summary: "已补充第四季度更新记录。" });
    await expect(rateClosure(t.db, await as("leader"), { closureId: closure.id, rating: "GOOD", comment: "" })).rejects.toThrow("只有已办结的要点才能评价");
    await reviewClosure(t.db, await as("coordinator"), review(closure.id, "ACCEPT"));
    await expect(reviewClosure(t.db, await as("coordinator"), review(closure.id, "ACCEPT"))).rejects.toThrow("该办结申报已审核，无需重复处理");
    const point = await t.db.workPoint.findUniqueOrThrow({ where: { id: ids.p3 } });
    expect(point.completedAt).not.toBeNull();
    await expect(declareClosure(t.db, staff, { workPointId: ids.p3, summary: "已办结再申报一次" })).rejects.toThrow(ALREADY_DECLARED_MESSAGE);
    await expect(requestExtension(t.db, staff, ask(ids.p3, "2026-12-30"), opts)).rejects.toThrow("该要点已申报办结，不能申请延期");

    await expect(rateClosure(t.db, await as("coordinator"), { closureId: closure.id, rating: "GOOD", comment: "" })).rejects.toThrow(NOT_ALLOWED_MESSAGE);
    const rated = await rateClosure(t.db, await as("leader"), { closureId: closure.id, rating: "EXCELLENT", comment: "按期高质量完成" });
    expect(rated.rating).toBe("EXCELLENT");
  });

  it("a coordinator who declared on the office's behalf cannot accept it alone", async () => {
    const coordinator = await as("coordinator");
    const closure = await declareClosure(t.db, coordinator, { workPointId: ids.p1, summary: "代综合科申报办结。" });
    await expect(reviewClosure(t.db, coordinator, review(closure.id, "ACCEPT"))).rejects.toThrow(OWN_DECLARATION_MESSAGE);
  });
});
