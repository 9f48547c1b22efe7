/**
 * The statutory cycle of the annual report (issue 16) against a real database: sign-off by the
 * 主要负责人 only, 退回 with a required comment, the 保密审查's three steps in order with separation
 * of duties, the public page only after approval, and the deadline reminders sent once.
 */
import JSZip from "jszip";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionFor } from "@/tests/security/personas";
import { actor, businessCounts, createTestDb, userByName, type TestDb } from "@/tests/support/test-db";
import { UserFacingError } from "@/lib/action-state";
import * as report from "@/lib/report/mutations";
import { recordSecrecyStep, updateCycleSettings, updateSignDate } from "@/lib/report-cycle/mutations";
import { loadReportForExport } from "@/lib/report/queries";
import { getCycleView, isPublished, loadPublicReport, reportDeadlinePanel } from "@/lib/report-cycle/queries";
import { runReportDeadlineNotices } from "@/lib/report-cycle/deadline-run";
import { updateCycleSettingsSchema } from "@/lib/report-cycle/schemas";

let currentSession: unknown = null;
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => currentSession) };
});

let t: TestDb;
type Actor = ReturnType<typeof actor>;
let coordinator: Actor;
let principal: Actor;
let deputy: Actor;
let admin: Actor;
const YEAR = 2025;
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  process.env.DATABASE_URL = t.url; // the route handler reads through the app's client
  coordinator = actor(await userByName(t.db, "coordinator"));
  principal = actor(await userByName(t.db, "leader"));
  deputy = actor(await userByName(t.db, "deputy"));
  admin = actor(await userByName(t.db, "admin"));
  await report.generateReport(t.db, coordinator, { year: YEAR });
  await t.db.reportPart.updateMany({ where: { report: { year: YEAR }, content: { contains: "（请补充" } }, data: { content: "已补充。" } });
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

const version = async () => (await t.db.annualReport.findUniqueOrThrow({ where: { year: YEAR } })).version;
const notificationsOf = (userId: number | null) => t.db.notification.findMany({ where: { userId: userId! }, orderBy: { id: "asc" } });

/** Runs `call` and requires a UserFacingError matching `message` that changed no business row. */
async function refused(call: () => Promise<unknown>, message: RegExp) {
  const before = await businessCounts(t.db);
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  expect((error as Error).message).toMatch(message);
  expect(await businessCounts(t.db)).toEqual(before);
}

describe("sign-off by the 主要负责人", () => {
  it("the demo names the 秘书长 as principal leader, with the 主送机关", async () => {
    const view = (await getCycleView(t.db, YEAR))!;
    expect(view.principal?.displayName).toBe("王秘书长");
    expect(view.settings.addressee).toBe("中共XX市委全面依法治市委员会办公室");
  });

  it("送审 tells both leaders; a deputy may return only with a comment, which the 法治办 reads", async () => {
    await report.transitionReport(t.db, coordinator, "submit", { year: YEAR, version: await version() });
    for (const leader of [principal, deputy]) {
      expect((await notificationsOf(leader.id)).at(-1)?.title).toBe("待审定：2025年度法治建设报告已送审");
    }
    expect(await notificationsOf(coordinator.id)).toEqual([]);
    await refused(async () => report.transitionReport(t.db, deputy, "return", { year: YEAR, version: await version() }, { comment: "  " }), /请填写退回意见/);
    await report.transitionReport(t.db, deputy, "return", { year: YEAR, version: await version() }, { comment: "第三部分请补充述法情况" });
    const stored = await t.db.annualReport.findUniqueOrThrow({ where: { year: YEAR } });
    expect(stored).toMatchObject({ status: "DRAFT", returnComment: "第三部分请补充述法情况", returnedByName: "陈副秘书长" });
    const notice = (await notificationsOf(coordinator.id)).at(-1)!;
    expect(notice.title).toBe("已退回：2025年度法治建设报告");
    expect(notice.body).toContain("意见：第三部分请补充述法情况");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "AnnualReport", action: "return" }, orderBy: { id: "desc" } });
    expect(JSON.parse(audit.after!).comment).toBe("第三部分请补充述法情况");
  });

  it("a deputy may 送审 but not sign; only the principal leader signs, with the date chosen", async () => {
    await report.transitionReport(t.db, deputy, "submit", { year: YEAR, version: await version() });
    expect((await t.db.annualReport.findUniqueOrThrow({ where: { year: YEAR } })).returnComment).toBe("");
    await refused(async () => report.transitionReport(t.db, deputy, "finalize", { year: YEAR, version: await version() }), /须由主要负责人审定签发/);
    await refused(async () => report.transitionReport(t.db, coordinator, "finalize", { year: YEAR, version: await version() }), /须由主要负责人审定签发/);
    await report.transitionReport(t.db, principal, "finalize", { year: YEAR, version: await version() }, { signedOn: new Date("2026-02-10T00:00:00Z") });
    const stored = await t.db.annualReport.findUniqueOrThrow({ where: { year: YEAR } });
    expect(stored).toMatchObject({ status: "FINAL", signedById: principal.id, signedByName: "王秘书长" });
    expect(iso(stored.signedOn)).toBe("2026-02-10");
    expect((await notificationsOf(coordinator.id)).at(-1)?.title).toBe("已定稿：2025年度法治建设报告");
  });

  it("the principal leader may correct the 落款日期 of the signed report; nobody else", async () => {
    const day = new Date("2026-02-12T00:00:00Z");
    await refused(async () => updateSignDate(t.db, deputy, { year: YEAR, version: await version(), signedOn: day }), /只能由主要负责人修改/);
    await updateSignDate(t.db, principal, { year: YEAR, version: await version(), signedOn: day });
    expect(iso((await loadReportForExport(t.db, YEAR))!.date)).toBe("2026-02-12");
  });

  it("refuses to sign when no principal leader is named, or the named one is no longer a leader", async () => {
    await report.transitionReport(t.db, principal, "reopen", { year: YEAR, version: await version() });
    await report.transitionReport(t.db, coordinator, "submit", { year: YEAR, version: await version() });
    await t.db.reportCycleSettings.update({ where: { id: 1 }, data: { principalLeaderId: null } });
    await refused(async () => report.transitionReport(t.db, principal, "finalize", { year: YEAR, version: await version() }), /尚未指定主要负责人/);
    await t.db.reportCycleSettings.update({ where: { id: 1 }, data: { principalLeaderId: coordinator.id } });
    await refused(async () => report.transitionReport(t.db, coordinator, "finalize", { year: YEAR, version: await version() }), /尚未指定主要负责人/);
    await t.db.reportCycleSettings.update({ where: { id: 1 }, data: { principalLeaderId: principal.id } });
    await report.transitionReport(t.db, principal, "finalize", { year: YEAR, version: await version() });
  });

  it("the 系统管理员 names the principal leader: only an active LEADER account", async () => {
    const current = await t.db.reportCycleSettings.findUniqueOrThrow({ where: { id: 1 } });
    const input = (id: number) =>
      updateCycleSettingsSchema.parse({ version: String(current.version), principalLeaderId: String(id), addressee: current.addressee, redHeaderText: "", submitDue: "03-01", publishDue: "04-01" });
    await refused(async () => updateCycleSettings(t.db, admin, input(coordinator.id!)), /主要负责人须为在用的领导账户/);
    const saved = await updateCycleSettings(t.db, admin, input(principal.id!));
    expect(saved.version).toBe(current.version + 1);
    expect(updateCycleSettingsSchema.safeParse({ version: "1", principalLeaderId: "", addressee: "", redHeaderText: "", submitDue: "02-30", publishDue: "04-01" }).error?.issues[0].message).toMatch(/报送截止日期请按/);
  });
});

describe("保密审查 and the public version", () => {
  const step = async (who: Actor, s: "FIRST" | "SECOND" | "APPROVE", opinion = "经审查，不涉及国家秘密和工作秘密，同意公开") =>
    recordSecrecyStep(t.db, who, { year: YEAR, version: await version(), step: s, opinion }, new Date("2026-03-10T02:00:00Z"));
  const publicPage = async () => {
    const { GET } = await import("@/app/public/reports/[year]/route");
    return GET(new NextRequest(`http://localhost/public/reports/${YEAR}`), { params: Promise.resolve({ year: String(YEAR) }) });
  };

  it("runs 初审 → 复审 → 批准 in order, each by someone else, and only then publishes", async () => {
    expect(await isPublished(t.db, YEAR)).toBe(false);
    expect((await publicPage()).status).toBe(404);
    await refused(async () => step(deputy, "SECOND"), /当前应进行初审/);
    await step(coordinator, "FIRST", "初审：已删除内部工作细节");
    await refused(async () => step(principal, "APPROVE"), /当前应进行复审/);
    await refused(async () => step(principal, "SECOND"), /主要负责人负责批准/);
    await step(deputy, "SECOND", "复审：同意");
    expect((await notificationsOf(principal.id)).at(-1)?.title).toBe("待批准：2025年度法治建设报告保密审查");
    await refused(async () => step(deputy, "APPROVE"), /前一步骤/);
    expect(await loadPublicReport(t.db, YEAR)).toBeNull();
    expect((await publicPage()).status).toBe(404);
    await step(principal, "APPROVE", "批准公开");
    expect(await isPublished(t.db, YEAR)).toBe(true);

    const view = (await getCycleView(t.db, YEAR))!;
    expect(view.reviews.map((r) => `${r.step}:${r.reviewerName}:${r.opinion}:${iso(r.reviewedOn)}`)).toEqual([
      "FIRST:李法治:初审：已删除内部工作细节:2026-03-10",
      "SECOND:陈副秘书长:复审：同意:2026-03-10",
      "APPROVE:王秘书长:批准公开:2026-03-10",
    ]);
    const response = await publicPage();
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("一、主要举措和成效");
    expect(html).not.toContain("中共XX市委全面依法治市委员会办公室");
    expect(html).not.toContain("签发人");
    await refused(async () => step(principal, "APPROVE"), /已批准/);
  });

  it("reopening the signed report starts a new round: the public page goes until it is approved again", async () => {
    await report.transitionReport(t.db, principal, "reopen", { year: YEAR, version: await version() });
    expect((await publicPage()).status).toBe(404);
    await refused(async () => step(coordinator, "FIRST"), /定稿后才能进行保密审查/);
    await report.transitionReport(t.db, coordinator, "submit", { year: YEAR, version: await version() });
    await report.transitionReport(t.db, principal, "finalize", { year: YEAR, version: await version() });
    expect(await isPublished(t.db, YEAR)).toBe(false);
    const view = (await getCycleView(t.db, YEAR))!;
    expect(view.round).toBe(3); // reopened twice in this file
    expect(view.nextStep).toBe("FIRST");
    expect(view.reviews).toHaveLength(3); // the first round stays on record
  });
});

describe("deadline reminders from the scheduler", () => {
  it("sends each reminder once, to the 法治办 and the principal leader", async () => {
    await t.db.annualReport.update({ where: { year: YEAR }, data: { status: "DRAFT" } });
    const now = new Date("2026-02-22T01:00:00Z");
    const first = await runReportDeadlineNotices(t.db, now);
    expect(first).toEqual({ year: 2025, sent: ["report:2025:submit:7"], skipped: [] });
    const title = "2025年度法治建设报告报送截止2026年3月1日，还有7天";
    const recipients = await t.db.notification.findMany({ where: { title }, select: { userId: true } });
    expect(recipients.map((r) => r.userId).sort()).toEqual([coordinator.id, principal.id].sort());
    const again = await runReportDeadlineNotices(t.db, new Date("2026-02-23T01:00:00Z"));
    expect(again.sent).toEqual([]);
    expect(again.skipped).toEqual(["report:2025:submit:7"]);
    expect(await t.db.notification.count({ where: { title: { startsWith: "2025年度法治建设报告报送截止" } } })).toBe(2);
    const panel = await reportDeadlinePanel(t.db, now);
    expect(panel.stages.map((s) => s.state)).toEqual(["due-soon", "pending"]);
  });
});

describe("the Word editions", () => {
  const exportText = async (edition: string) => {
    currentSession = await sessionFor(t.db, "COORDINATOR");
    const { GET } = await import("@/app/api/export/report/route");
    const response = await GET(new NextRequest(`http://localhost/api/export/report?year=${YEAR}&edition=${edition}`));
    if (response.status !== 200) return { status: response.status, text: ((await response.json()) as { message: string }).message, xml: "" };
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const xml = await zip.file("word/document.xml")!.async("string");
    return { status: 200, text: xml.replace(/<[^>]+>/g, ""), xml };
  };

  it("报送版: 签发人, 主送机关 and, when set, the red 发文机关标志 and separator; 公开版 only after approval", async () => {
    await t.db.annualReport.update({ where: { year: YEAR }, data: { status: "FINAL" } });
    await t.db.reportCycleSettings.update({ where: { id: 1 }, data: { redHeader: true, redHeaderText: "政协XX市委员会办公室" } });
    const submit = await exportText("submit");
    expect(submit.status).toBe(200);
    expect(submit.text).toContain("签发人：王秘书长");
    expect(submit.text).toContain("中共XX市委全面依法治市委员会办公室：");
    expect(submit.text).toContain("政协XX市委员会办公室");
    expect(submit.xml).toContain('w:color="FF0000"');
    expect(submit.xml).toContain("<w:keepNext/>");

    const refusedPublic = await exportText("public");
    expect(refusedPublic).toMatchObject({ status: 400, text: "保密审查批准后方可导出公开版本" });
    expect((await exportText("internal")).status).toBe(400);

    const report = await t.db.annualReport.findUniqueOrThrow({ where: { year: YEAR } });
    for (const [step, who] of [["FIRST", coordinator], ["SECOND", deputy], ["APPROVE", principal]] as const) {
      await t.db.reportSecrecyReview.create({ data: { reportId: report.id, round: report.reviewRound, step, opinion: "同意", reviewerId: who.id!, reviewerName: who.username, reviewedOn: new Date() } });
    }
    const published = await exportText("public");
    expect(published.status).toBe(200);
    expect(published.text).toContain("一、主要举措和成效");
    expect(published.text).not.toContain("签发人");
    expect(published.text).not.toContain("中共XX市委全面依法治市委员会办公室");
  });
});
