import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor, createTestDb, tableCounts, userByName, type TestDb } from "@/tests/support/test-db";
import type { Db } from "@/lib/db";
import { ConflictError, UserFacingError } from "@/lib/action-state";
import { buildReportFacts } from "@/lib/report/facts";
import * as report from "@/lib/report/mutations";
import { getReportView, listReportYears, loadReportForExport } from "@/lib/report/queries";
import { parseSources } from "@/lib/report/segments";

let t: TestDb;
let coordinator: ReturnType<typeof actor>;
let leader: ReturnType<typeof actor>;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  coordinator = actor(await userByName(t.db, "coordinator"));
  leader = actor(await userByName(t.db, "leader"));
});
afterAll(async () => t.cleanup());

/** Counts every query the client runs, raw SQL included. */
function countingDb(db: Db) {
  const counter = { n: 0 };
  const extended = db.$extends({
    query: {
      async $allOperations({ args, query }) {
        counter.n += 1;
        return query(args);
      },
    },
  }) as unknown as Db;
  return { db: extended, counter };
}

async function part(key: string) {
  return t.db.reportPart.findFirstOrThrow({ where: { key, report: { year: 2025 } }, include: { revisions: { orderBy: { version: "asc" } } } });
}

async function unmarkedPointsWithoutTargets(year: number) {
  return t.db.workPoint.findMany({
    where: { plan: { year }, completedAt: null, targets: { none: {} } },
    orderBy: { number: "asc" },
    select: { number: true, title: true },
  });
}

describe("buildReportFacts (2025 demo data)", () => {
  it("reads targets, entries, first-responsible duties and the next year's plan", async () => {
    const facts = await buildReportFacts(t.db, 2025);
    expect(facts.unitName).toBe("XX市政协办公室");
    expect(facts.signature).toBe("XX市政协办公室");
    expect(facts.sections.map((s) => `${s.number}${s.title}`)).toEqual(["一强化法治思想引领", "二完善法治建设制度体系", "三推进依法履职尽责"]);
    const points = facts.sections.flatMap((s) => s.points);
    const study = points.find((p) => p.number === 1)!.targets[0];
    expect(study).toMatchObject({ subject: "专题学习", actual: 6, met: true, value: 4, sourceText: "全年组织专题学习不少于4次，确保学习全覆盖、无死角。" });
    expect(study.entryIds).toHaveLength(6);
    const trained = points.find((p) => p.number === 4)!.targets.find((x) => x.subject === "培训人数")!;
    expect(trained).toMatchObject({ actual: 412, met: true, kind: "SUM", unit: "人次" });
    expect(trained.rawRate).toBeCloseTo(2.06);
    expect(facts.firstResponsibleEntries.map((e) => e.title)).toEqual(["秘书长主持召开法治建设专题会议", "秘书长带头学法讲法治课", "秘书长批示督办法治建设台账"]);
    // Duties are narrated in part 三, not again under their point; only approved entries count.
    const point1 = points.find((p) => p.number === 1)!;
    expect(point1.entries.map((e) => e.title)).not.toContain("秘书长主持召开法治建设专题会议");
    expect(point1.entries).toHaveLength(6);
    expect(point1.entries[0]).toMatchObject({ date: "2025-03-12", officeName: "综合科", form: "集中学习" });
    expect(points.find((p) => p.number === 11)!.entries).toEqual([]); // only a SUBMITTED entry
    expect(points.find((p) => p.number === 7)!).toMatchObject({ leadOffice: "法治办", deadline: "6月底前" });
    expect(facts.nextYearPlan?.year).toBe(2026);
    expect(facts.nextYearPlan?.sections[0].points[0].title).toBe("深入学习习近平法治思想");
    // Every quantitative target was met, but a point without targets and without a completion mark
    // is unfinished at year end (the plan copier's rule, lib/plan/copy.ts unfinishedAtYearEnd).
    const unmarked = await unmarkedPointsWithoutTargets(2025);
    expect(unmarked.length).toBeGreaterThan(0);
    expect(facts.carriedOverPoints.map((p) => p.number)).toEqual(unmarked.map((p) => p.number));
    expect(facts.carriedOverPoints[0]).toMatchObject({ number: unmarked[0].number, title: unmarked[0].title });
    expect(facts.carriedOverPoints[0].reason).toMatch(/^该项工作/);
  });

  it("does not carry over a point without targets once it is marked complete", async () => {
    const [first, ...rest] = await unmarkedPointsWithoutTargets(2025);
    const point = await t.db.workPoint.findFirstOrThrow({ where: { plan: { year: 2025 }, number: first.number } });
    await t.db.workPoint.update({ where: { id: point.id }, data: { completedAt: new Date(Date.UTC(2025, 10, 30)) } });
    try {
      const facts = await buildReportFacts(t.db, 2025);
      expect(facts.carriedOverPoints.map((p) => p.number)).toEqual(rest.map((p) => p.number));
      expect(facts.sections.flatMap((s) => s.points).find((p) => p.number === first.number)!.completed).toBe(true);
    } finally {
      await t.db.workPoint.update({ where: { id: point.id }, data: { completedAt: null } });
    }
  });

  it("runs a fixed number of queries however many entries there are (no N+1)", async () => {
    const first = countingDb(t.db);
    await buildReportFacts(first.db, 2025);
    const point = await t.db.workPoint.findFirstOrThrow({ where: { plan: { year: 2025 }, number: 2 } });
    const user = await userByName(t.db, "coordinator");
    for (let i = 0; i < 25; i++) {
      await t.db.ledgerEntry.create({
        data: { year: 2025, workPointId: point.id, officeId: point.leadOfficeId!, date: new Date(Date.UTC(2025, 9, 1 + i)), title: `追加活动${i}`, form: "其他", status: "APPROVED", createdById: user.id },
      });
    }
    const second = countingDb(t.db);
    const facts = await buildReportFacts(second.db, 2025);
    expect(second.counter.n).toBe(first.counter.n);
    // 15, plus one for the 制度库 results per point (linked rules, execution assessments).
    expect(first.counter.n).toBeLessThanOrEqual(16);
    expect(facts.sections[0].points[1].entries.length).toBeGreaterThanOrEqual(27);
    await t.db.ledgerEntry.deleteMany({ where: { title: { startsWith: "追加活动" } } });
  });

  it("yields empty sections for a year without a plan", async () => {
    const facts = await buildReportFacts(t.db, 2030);
    expect(facts.sections).toEqual([]);
    expect(facts.nextYearPlan).toBeNull();
  });
});

describe("report persistence", () => {
  it("generates the draft with five parts, version 1 of each and linked figures", async () => {
    await expect(report.generateReport(t.db, coordinator, { year: 2030 })).rejects.toThrow(/没有2030年度的工作要点/);
    await report.generateReport(t.db, coordinator, { year: 2025 });
    const view = (await getReportView(t.db, 2025))!;
    expect(view.title).toBe("XX市政协办公室2025年法治建设年度工作报告");
    expect(view.status).toBe("DRAFT");
    expect(view.preface).toMatch(/^2025年，XX市政协办公室坚持/);
    expect(view.parts.map((p) => p.heading)).toEqual([
      "一、主要举措和成效",
      "二、存在的不足和原因",
      "三、党政主要负责人履行推进法治建设第一责任人职责情况",
      "四、下一年度推进法治建设的主要安排",
      "五、其他需要报告的情况",
    ]);
    expect(view.parts.every((p) => p.version === 1 && !p.edited && p.revisions.length === 1 && p.updatedByName === "李法治")).toBe(true);
    const part1 = view.parts[0];
    expect(part1.content).toContain("组织专题学习6次");
    expect(part1.sources["组织专题学习6次"]).toHaveLength(6);
    expect(part1.content).toContain("培训412人次");
    for (const id of Object.values(part1.sources).flat()) expect(view.entries[id]).toBeDefined();
    expect(view.parts[2].content).toContain("秘书长主持召开法治建设专题会议");
    expect(view.parts[3].content).toMatch(/^2026年/);
    expect(view.parts[1].placeholders).toHaveLength(2);
    expect(view.parts[1].placeholders[1]).toMatch(/^（请补充原因分析：/u);
    await expect(report.generateReport(t.db, coordinator, { year: 2025 })).rejects.toThrow(UserFacingError);
    const audit = await t.db.auditLog.findFirst({ where: { entity: "AnnualReport", action: "generate" } });
    expect(audit?.username).toBe("coordinator");
    expect((await listReportYears(t.db, "COORDINATOR")).map((r) => [r.year, r.report?.status ?? null])).toEqual([[2026, null], [2025, "DRAFT"]]);
  });

  it("saves part 二 as version 2 with a revision row and an audit row", async () => {
    const content = "2025年，机关法治建设取得一定成效，但仍存在不足。\n一是学习形式还不够丰富。\n\n  二是制度执行跟踪问效不够。  ";
    const result = await report.saveReportPart(t.db, coordinator, { year: 2025, key: "part2", version: 1, content });
    expect(result).toEqual({ changed: true, version: 2 });
    const saved = await part("part2");
    expect(saved).toMatchObject({ version: 2, edited: true, updatedById: coordinator.id });
    expect(saved.content).toBe("2025年，机关法治建设取得一定成效，但仍存在不足。\n一是学习形式还不够丰富。\n二是制度执行跟踪问效不够。");
    expect(saved.revisions.map((r) => [r.version, r.savedById])).toEqual([[1, coordinator.id], [2, coordinator.id]]);
    expect(saved.revisions[1].content).toBe(saved.content);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "ReportPart", entityId: String(saved.id), action: "update" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ version: 2, key: "part2" });
    // The same text again is not a new version.
    expect(await report.saveReportPart(t.db, coordinator, { year: 2025, key: "part2", version: 2, content: saved.content })).toEqual({ changed: false, version: 2 });
    await expect(report.saveReportPart(t.db, coordinator, { year: 2025, key: "part2", version: 2, content: " \n " })).rejects.toThrow(/不能为空/);
  });

  it("refuses a stale version without changing any row", async () => {
    const before = await tableCounts(t.db);
    const partBefore = await part("part2");
    await expect(report.saveReportPart(t.db, coordinator, { year: 2025, key: "part2", version: 1, content: "过期的修改" })).rejects.toBeInstanceOf(ConflictError);
    await expect(report.regenerateReportPart(t.db, coordinator, { year: 2025, key: "part2", version: 1, confirm: true })).rejects.toBeInstanceOf(ConflictError);
    expect(await tableCounts(t.db)).toEqual(before);
    expect(await part("part2")).toEqual(partBefore);
  });

  it("regenerates one part without touching the others, and asks first for an edited part", async () => {
    const edited = await part("part2");
    const asked = await report.regenerateReportPart(t.db, coordinator, { year: 2025, key: "part2", version: 2, confirm: false });
    expect(asked).toEqual({ needsConfirm: true });
    expect(await part("part2")).toEqual(edited);

    expect(await report.regenerateReportPart(t.db, coordinator, { year: 2025, key: "part1", version: 1, confirm: false })).toEqual({ needsConfirm: false, version: 2 });
    const part1 = await part("part1");
    expect(part1).toMatchObject({ version: 2, edited: false });
    expect(part1.revisions.map((r) => r.version)).toEqual([1, 2]);
    expect((await part("part2")).content).toBe(edited.content); // the other part's edit is kept

    expect(await report.regenerateReportPart(t.db, coordinator, { year: 2025, key: "part2", version: 2, confirm: true })).toEqual({ needsConfirm: false, version: 3 });
    const regenerated = await part("part2");
    expect(regenerated).toMatchObject({ version: 3, edited: false });
    expect(regenerated.content).toContain("（请补充原因分析：");
    expect(regenerated.revisions.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(regenerated.revisions[1].content).toBe(edited.content); // the edited text is kept as a revision
    expect(Object.keys(parseSources(regenerated.sources)).every((phrase) => regenerated.content.includes(phrase))).toBe(true);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "ReportPart", entityId: String(regenerated.id), action: "regenerate" }, orderBy: { id: "desc" } });
    expect(JSON.parse(audit.before!)).toMatchObject({ version: 2, edited: true, content: edited.content });
  });

  it("moves 草稿 → 送审 → 定稿, read-only when final, until the leader reopens it", async () => {
    const version = async () => (await t.db.annualReport.findUniqueOrThrow({ where: { year: 2025 } })).version;
    await expect(report.transitionReport(t.db, coordinator, "submit", { year: 2025, version: await version() })).rejects.toThrow(/二、存在的不足和原因/);
    await report.saveReportPart(t.db, coordinator, { year: 2025, key: "part2", version: 3, content: "一是学习形式不够丰富。二是跟踪问效不够。原因是统筹不够。" });
    // Every other prompt ("（请补充：…）" in parts 一, 三, 四) blocks 送审 too until it is written.
    for (const other of await t.db.reportPart.findMany({ where: { report: { year: 2025 }, content: { contains: "（请补充" } } })) {
      await report.saveReportPart(t.db, coordinator, { year: 2025, key: other.key as "part1", version: other.version, content: other.content.replace(/（请补充[^）]*）/gu, "已补充。") });
    }
    await expect(report.transitionReport(t.db, leader, "finalize", { year: 2025, version: await version() })).rejects.toThrow("报告当前为“草稿”状态，不能定稿");
    await expect(report.transitionReport(t.db, coordinator, "submit", { year: 2025, version: (await version()) + 5 })).rejects.toBeInstanceOf(ConflictError);

    await report.transitionReport(t.db, coordinator, "submit", { year: 2025, version: await version() });
    await expect(report.saveReportPart(t.db, coordinator, { year: 2025, key: "part5", version: 1, content: "送审后修改" })).rejects.toThrow(/已送审/);
    await report.transitionReport(t.db, leader, "return", { year: 2025, version: await version() }, { comment: "请补充第二部分" });
    await report.transitionReport(t.db, coordinator, "submit", { year: 2025, version: await version() });
    await report.transitionReport(t.db, leader, "finalize", { year: 2025, version: await version() });
    const final = await t.db.annualReport.findUniqueOrThrow({ where: { year: 2025 } });
    expect(final.status).toBe("FINAL");
    expect(final.signedOn).not.toBeNull();

    const before = await tableCounts(t.db);
    await expect(report.saveReportPart(t.db, coordinator, { year: 2025, key: "part5", version: 1, content: "定稿后修改" })).rejects.toThrow(/已定稿/);
    await expect(report.regenerateReportPart(t.db, coordinator, { year: 2025, key: "part1", version: 2, confirm: true })).rejects.toThrow(/已定稿/);
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await loadReportForExport(t.db, 2025))?.status).toBe("FINAL");

    await report.transitionReport(t.db, leader, "reopen", { year: 2025, version: await version() });
    const reopened = await t.db.annualReport.findUniqueOrThrow({ where: { year: 2025 } });
    expect(reopened).toMatchObject({ status: "DRAFT", signedOn: null });
    const audits = await t.db.auditLog.findMany({ where: { entity: "AnnualReport", entityId: String(reopened.id) }, orderBy: { id: "asc" } });
    expect(audits.map((a) => `${a.action}:${a.username}`)).toEqual([
      "generate:coordinator", "submit:coordinator", "return:leader", "submit:coordinator", "finalize:leader", "reopen:leader",
    ]);
    expect(await report.saveReportPart(t.db, coordinator, { year: 2025, key: "part5", version: 1, content: "无。另有说明。" })).toEqual({ changed: true, version: 2 });
  });
});
