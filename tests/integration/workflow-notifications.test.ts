/**
 * Issue 20, "the review loop tells nobody": each workflow step that needs someone's action notifies
 * them in the step's transaction, and shows on their home page under "待我处理".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import type { LedgerUser } from "@/lib/ledger/access";
import * as m from "@/lib/ledger/mutations";
import { loadMyTasks } from "@/lib/dashboard/my-tasks";
import { getEntryDetail } from "@/lib/ledger/queries";
import { ledgerUser, pointOf } from "@/tests/support/ledger-helpers";
import type { CurrentUser } from "@/lib/auth/dal";

const YEAR = 2026;
let t: TestDb;
let zonghe: LedgerUser;
let coordinator: LedgerUser;
let leader: LedgerUser;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  [zonghe, coordinator, leader] = await Promise.all(["staff-zonghe", "coordinator", "leader"].map((u) => ledgerUser(t.db, u)));
});
afterAll(async () => t.cleanup());

async function newEntry(title: string) {
  const point = await pointOf(t.db, YEAR, 1);
  return m.createEntry(t.db, zonghe, {
    pointId: point.id,
    date: new Date(`${YEAR}-04-10T00:00:00Z`),
    title,
    form: "集中学习",
    description: "",
    participants: "",
    category: "NORMAL",
    linkedEntryId: null,
    quantities: [],
  });
}

async function noticesSince(id: number) {
  const rows = await t.db.notification.findMany({ where: { id: { gt: id } }, include: { user: { select: { username: true } } }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ to: r.user.username, title: r.title, body: r.body, link: r.link }));
}
const lastNoticeId = async () => (await t.db.notification.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0;

async function currentUser(username: string): Promise<CurrentUser> {
  const u = await t.db.user.findUniqueOrThrow({ where: { username }, include: { office: true } });
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role as CurrentUser["role"], officeId: u.officeId, officeName: u.office?.name ?? null, securityStep: null };
}

describe("workflow notifications", () => {
  it("submitting tells the reviewers, returning tells the office with the reason, approving tells the office; nobody hears of their own step", async () => {
    const entry = await newEntry("通知测试：专题学习");
    let mark = await lastNoticeId();
    const submitted = await m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: entry.version });
    expect(await noticesSince(mark)).toEqual([
      { to: "coordinator", title: "待审核：综合科提交了第1项台账“通知测试：专题学习”", body: "张综合提交审核，请审核通过或退回。", link: `/ledger/${entry.id}` },
    ]);

    const coordinatorTasks = await loadMyTasks(t.db, await currentUser("coordinator"));
    expect(coordinatorTasks.toReview?.count).toBeGreaterThan(0);
    expect(coordinatorTasks.unreadNotifications).toBeGreaterThan(0);

    mark = await lastNoticeId();
    const returned = await m.transitionEntry(t.db, coordinator, "return", { id: entry.id, version: submitted.version, reason: "请补充签到表" });
    const onReturn = await noticesSince(mark);
    expect(onReturn.map((n) => n.to)).toEqual(["staff-zonghe"]);
    expect(onReturn[0].body).toBe("李法治退回，原因：请补充签到表。请修改后重新提交。");

    const staffTasks = await loadMyTasks(t.db, await currentUser("staff-zonghe"));
    expect(staffTasks.returned.find((e) => e.id === entry.id)).toMatchObject({ title: "通知测试：专题学习", note: "请补充签到表" });

    const resubmitted = await m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: returned.version });
    mark = await lastNoticeId();
    await m.transitionEntry(t.db, leader, "approve", { id: entry.id, version: resubmitted.version });
    expect(await noticesSince(mark)).toEqual([
      { to: "staff-zonghe", title: "已通过：第1项台账“通知测试：专题学习”", body: "王秘书长审核通过，该记录已计入完成情况。", link: `/ledger/${entry.id}` },
    ]);

    // The entry page shows the history per round, in order, with who did what.
    const detail = await getEntryDetail(t.db, zonghe, entry.id);
    expect(detail!.history.map((r) => [r.title, r.events.map((e) => `${e.actorName}${e.label}${e.note ? `（${e.note}）` : ""}`)])).toEqual([
      ["填报", ["张综合录入"]],
      ["第1轮审核", ["张综合提交审核", "李法治退回（原因：请补充签到表）"]],
      ["第2轮审核", ["张综合提交审核", "王秘书长审核通过"]],
    ]);
  });

  it("待我处理 is memoised, yet every step shows on the next load (the audit row moves the stamp)", async () => {
    const reviewer = await currentUser("coordinator");
    const before = (await loadMyTasks(t.db, reviewer)).toReview!.count;
    expect((await loadMyTasks(t.db, reviewer)).toReview!.count).toBe(before); // served from the memo
    const entry = await newEntry("通知测试：待我处理");
    const submitted = await m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: entry.version });
    const afterSubmit = await loadMyTasks(t.db, reviewer);
    expect(afterSubmit.toReview!.count).toBe(before + 1);
    expect(afterSubmit.toReview!.entries.map((e) => e.id)).toContain(entry.id);
    await m.transitionEntry(t.db, zonghe, "recall", { id: entry.id, version: submitted.version });
    expect((await loadMyTasks(t.db, reviewer)).toReview!.count).toBe(before);
    // The unread count is read live: marking notices read writes no audit row.
    await t.db.notification.updateMany({ where: { userId: reviewer.id }, data: { readAt: new Date() } });
    expect((await loadMyTasks(t.db, reviewer)).unreadNotifications).toBe(0);
  });

  it("a recall notifies nobody, and a failed step writes no notification", async () => {
    const entry = await newEntry("通知测试：撤回");
    const submitted = await m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: entry.version });
    const mark = await lastNoticeId();
    await m.transitionEntry(t.db, zonghe, "recall", { id: entry.id, version: submitted.version });
    // A stale version: refused, and no notification is left behind.
    await expect(m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: submitted.version })).rejects.toThrow();
    expect(await noticesSince(mark)).toEqual([]);
  });

  it("the coordinator cannot withdraw another office's submission", async () => {
    const entry = await newEntry("通知测试：他科撤回");
    const submitted = await m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: entry.version });
    await expect(m.transitionEntry(t.db, coordinator, "recall", { id: entry.id, version: submitted.version })).rejects.toThrow("只有提交该记录的科室可以撤回提交");
  });
});
