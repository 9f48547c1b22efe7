/**
 * 修订建议 against a real database (SQLite, and PostgreSQL under TEST_DATABASE_URL): the rule's
 * responsible office proposes (another office gets "not found", a repealed rule and a second pending
 * proposal are refused), the 法治办 accepts (that year's 制度清理 row is set in the same transaction) or
 * declines with a comment; audit rows and in-portal notices.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor, businessCounts, createTestDb, userByName, type TestDb } from "@/tests/support/test-db";
import { calendarDate } from "@/lib/progress";
import { NOT_ALLOWED_MESSAGE, NOT_FOUND_MESSAGE } from "@/lib/supervision/access";
import { decideProposalSchema, proposeRegulationChangeSchema } from "@/lib/regulations/schemas";
import {
  ALREADY_DECIDED_MESSAGE,
  cleanupNote,
  decideProposal,
  PENDING_PROPOSAL_MESSAGE,
  proposeRegulationChange,
  REPEALED_RULE_MESSAGE,
} from "@/lib/regulations/proposals";
import { loadCleanupList } from "@/lib/regulations/cleanup";
import { pendingProposals, proposalsForRegulation } from "@/lib/regulations/proposal-queries";

const TODAY = calendarDate(2026, 11, 22);
const opts = { today: TODAY };
let t: TestDb;

async function as(username: string) {
  const user = await userByName(t.db, username);
  return { ...actor(user), officeId: user.officeId };
}
async function ruleId(title: string) {
  return (await t.db.regulation.findFirstOrThrow({ where: { title } })).id;
}
const propose = (regulationId: number, kind = "REVISE", reason = "上位法已修改，需相应调整审批程序") =>
  proposeRegulationChangeSchema.parse({ regulationId: String(regulationId), kind, reason, suggestedText: "第三条修改为：……" });
const decide = (proposalId: number, decision: "ACCEPT" | "DECLINE", comment = "") =>
  decideProposalSchema.parse({ proposalId: String(proposalId), decision, comment });

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: TODAY });
}, 120_000);
afterAll(async () => t?.cleanup());

describe("提出修订建议", () => {
  it("the demo has one pending proposal from the 综合科", async () => {
    const pending = await pendingProposals(t.db);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ status: "PENDING", office: { name: "综合科" }, regulation: { title: "XX市政协办公室合同管理办法" } });
  });

  it("staff of the responsible office propose; the coordinators are told; an audit row is written", async () => {
    const staff = await as("staff-zonghe");
    const id = await ruleId("XX市政协办公室公文处理办法");
    const { proposal, notified } = await proposeRegulationChange(t.db, staff, propose(id));
    expect(proposal).toMatchObject({ status: "PENDING", pendingKey: id, kind: "REVISE", proposedById: staff.id, suggestedText: "第三条修改为：……" });
    expect(notified).toBe(await t.db.user.count({ where: { role: "COORDINATOR", active: true } }));
    const notice = await t.db.notification.findFirstOrThrow({ where: { user: { username: "coordinator" } }, orderBy: { id: "desc" } });
    expect(notice).toMatchObject({ title: "待处理：综合科建议修订《XX市政协办公室公文处理办法》", link: `/regulations/${id}#proposals` });
    expect(notice.body).toContain("上位法已修改");
    expect(await t.db.auditLog.count({ where: { entity: "RegulationProposal", entityId: String(proposal.id), action: "propose", affectsFigures: false } })).toBe(1);
    expect((await proposalsForRegulation(t.db, id))[0]).toMatchObject({ id: proposal.id, status: "PENDING" });
  });

  it("refuses another office ('not found'), other roles, a repealed rule and a second pending proposal, writing nothing", async () => {
    const id = await ruleId("XX市政协办公室公文处理办法");
    const before = await businessCounts(t.db);
    await expect(proposeRegulationChange(t.db, await as("staff-yanjiu"), propose(id))).rejects.toThrow(NOT_FOUND_MESSAGE);
    for (const username of ["coordinator", "admin", "leader", "viewer"]) {
      await expect(proposeRegulationChange(t.db, await as(username), propose(id))).rejects.toThrow(NOT_ALLOWED_MESSAGE);
    }
    await expect(proposeRegulationChange(t.db, await as("staff-zonghe"), propose(id, "REPEAL"))).rejects.toThrow(PENDING_PROPOSAL_MESSAGE);
    const archives = await ruleId("XX市政协办公室档案管理办法");
    await t.db.regulation.update({ where: { id: archives }, data: { status: "REPEALED", repealedOn: TODAY, repealReason: "测试" } });
    await expect(proposeRegulationChange(t.db, await as("staff-zonghe"), propose(archives))).rejects.toThrow(REPEALED_RULE_MESSAGE);
    expect(await businessCounts(t.db)).toEqual(before);
  });

  it("two proposals at once: the unique index lets exactly one through", async () => {
    // Actors first: an `await` inside the array would leave a rejection unhandled until allSettled.
    const staff = await as("staff-zonghe");
    const id = await ruleId("XX市政协办公室会议管理办法");
    const race = await Promise.allSettled([
      proposeRegulationChange(t.db, staff, propose(id, "REVISE")),
      proposeRegulationChange(t.db, staff, propose(id, "REPEAL")),
      proposeRegulationChange(t.db, staff, propose(id, "REVISE")),
    ]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of race.filter((x) => x.status === "rejected")) expect((r as PromiseRejectedResult).reason.message).toBe(PENDING_PROPOSAL_MESSAGE);
    expect(await t.db.regulationProposal.count({ where: { regulationId: id } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { entity: "RegulationProposal", action: "propose", entityId: { in: (await t.db.regulationProposal.findMany({ where: { regulationId: id } })).map((p) => String(p.id)) } } })).toBe(1);
  });

  it("schema: reason required and at most 2000 characters, no unknown keys", () => {
    expect(proposeRegulationChangeSchema.safeParse({ regulationId: "1", kind: "REVISE", reason: "" }).success).toBe(false);
    expect(proposeRegulationChangeSchema.safeParse({ regulationId: "1", kind: "REVISE", reason: "甲".repeat(2001) }).success).toBe(false);
    expect(proposeRegulationChangeSchema.safeParse({ regulationId: "1", kind: "REVISE", reason: "甲".repeat(2000) }).success).toBe(true);
    expect(proposeRegulationChangeSchema.safeParse({ regulationId: "1", kind: "KEEP", reason: "理由充分" }).success).toBe(false);
    expect(proposeRegulationChangeSchema.safeParse({ regulationId: "1", kind: "REVISE", reason: "理由充分", officeId: "2" }).success).toBe(false);
  });
});

describe("采纳 / 不采纳", () => {
  it("accepting sets that year's 制度清理 action with the office's reason; the office is told; a new proposal is then possible", async () => {
    const id = await ruleId("XX市政协办公室公文处理办法");
    const proposal = await t.db.regulationProposal.findFirstOrThrow({ where: { regulationId: id, status: "PENDING" } });
    const coordinator = await as("coordinator");
    const { proposal: after, year } = await decideProposal(t.db, coordinator, decide(proposal.id, "ACCEPT", "列入年度清理"), opts);
    expect(year).toBe(2026);
    expect(after).toMatchObject({ status: "ACCEPTED", pendingKey: null, decidedById: coordinator.id, decisionComment: "列入年度清理", version: 2 });
    const row = (await loadCleanupList(t.db, 2026)).find((r) => r.regulationId === id)!;
    expect(row).toMatchObject({ action: "REVISE", note: "科室建议：上位法已修改，需相应调整审批程序" });
    expect(await t.db.auditLog.count({ where: { entity: "Regulation", entityId: String(id), action: "cleanup" } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { entity: "RegulationProposal", entityId: String(proposal.id), action: "accept" } })).toBe(1);
    const notice = await t.db.notification.findFirstOrThrow({ where: { user: { username: "staff-zonghe" } }, orderBy: { id: "desc" } });
    expect(notice.title).toBe("修订建议已采纳：《XX市政协办公室公文处理办法》");
    expect(notice.body).toContain("列入年度清理");
    await expect(decideProposal(t.db, coordinator, decide(proposal.id, "DECLINE", "重复处理"), opts)).rejects.toThrow(ALREADY_DECIDED_MESSAGE);
    const again = await proposeRegulationChange(t.db, await as("staff-zonghe"), propose(id, "REPEAL", "职责已划转"));
    expect(again.proposal.status).toBe("PENDING");
  });

  it("declining requires a comment; the comment reaches the office; the cleanup list is untouched", async () => {
    const id = await ruleId("XX市政协办公室保密工作制度");
    const { proposal } = await proposeRegulationChange(t.db, await as("staff-zonghe"), propose(id, "REPEAL", "与上级保密规定重复"));
    expect(decideProposalSchema.safeParse({ proposalId: String(proposal.id), decision: "DECLINE", comment: "" }).success).toBe(false);
    const admin = await as("admin");
    await expect(decideProposal(t.db, admin, { proposalId: proposal.id, decision: "DECLINE", comment: " " }, opts)).rejects.toThrow("不采纳时请填写意见");
    const after = (await decideProposal(t.db, admin, decide(proposal.id, "DECLINE", "本机关保密管理仍需细化规定，暂不废止"), opts)).proposal;
    expect(after).toMatchObject({ status: "DECLINED", pendingKey: null, decisionComment: "本机关保密管理仍需细化规定，暂不废止" });
    expect((await loadCleanupList(t.db, 2026)).find((r) => r.regulationId === id)?.action).toBeNull();
    const notice = await t.db.notification.findFirstOrThrow({ where: { user: { username: "staff-zonghe" } }, orderBy: { id: "desc" } });
    expect(notice.title).toBe("修订建议未采纳：《XX市政协办公室保密工作制度》");
    expect(notice.body).toContain("本机关保密管理仍需细化规定");
    expect(await t.db.auditLog.count({ where: { entity: "RegulationProposal", entityId: String(proposal.id), action: "decline" } })).toBe(1);
  });

  it("the proposer's role cannot decide, nor can leaders or viewers; refusals write nothing", async () => {
    const pending = (await pendingProposals(t.db))[0];
    const before = await businessCounts(t.db);
    for (const username of ["staff-zonghe", "staff-yanjiu", "leader", "viewer"]) {
      await expect(decideProposal(t.db, await as(username), decide(pending.id, "ACCEPT"), opts)).rejects.toThrow(NOT_ALLOWED_MESSAGE);
    }
    await expect(decideProposal(t.db, await as("coordinator"), decide(999_999, "ACCEPT"), opts)).rejects.toThrow(NOT_FOUND_MESSAGE);
    expect(await businessCounts(t.db)).toEqual(before);
  });

  it("a long reason is shortened in the cleanup note to what the cleanup form accepts", () => {
    expect(cleanupNote("甲".repeat(2000))).toHaveLength(200);
    expect(cleanupNote("  条文\n过时 ")).toBe("科室建议：条文 过时");
  });
});
