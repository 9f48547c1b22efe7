/**
 * The report text on the demo ledger: outcomes in part 一, the gap list before 送审 (placeholders
 * block it, unreviewed entries are listed), and the editable opening paragraph.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor, createTestDb, tableCounts, userByName, type TestDb } from "@/tests/support/test-db";
import { buildReportFacts } from "@/lib/report/facts";
import * as report from "@/lib/report/mutations";
import { getReportView, loadReportForExport } from "@/lib/report/queries";
import { findReportGaps } from "@/lib/report/gaps";
import { loadUnreviewedEntries } from "@/lib/report/gap-queries";
import { recordedQuantities } from "@/lib/report/quantities";
import { PREFACE_KEY } from "@/lib/report/types";

let t: TestDb;
let coordinator: ReturnType<typeof actor>;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  coordinator = actor(await userByName(t.db, "coordinator"));
  await report.generateReport(t.db, coordinator, { year: 2025 });
});
afterAll(async () => t.cleanup());

const version = async () => (await t.db.annualReport.findUniqueOrThrow({ where: { year: 2025 } })).version;

describe("report text on the demo ledger", () => {
  it("states every recorded quantity of an approved entry in part 一 or 三", async () => {
    const facts = await buildReportFacts(t.db, 2025);
    const view = (await getReportView(t.db, 2025))!;
    const text = view.parts.map((p) => p.content).join("\n");
    for (const phrase of ["形成建议12条", "全年发布稿件36篇", "发放宣传资料500余份", "18项制度", "4项制度修订", "提出监督意见8条", "修改意见15条", "累计参加366人次"]) {
      expect(text).toContain(phrase);
    }
    const entries = [...facts.sections.flatMap((s) => s.points.flatMap((p) => p.entries)), ...facts.firstResponsibleEntries];
    for (const entry of entries) for (const q of recordedQuantities(entry)) if (!q.attendance) expect(text).toContain(q.text);
  });

  it("lists placeholders and unreviewed entries, and blocks 送审 until every placeholder is written", async () => {
    const unreviewed = await loadUnreviewedEntries(t.db, 2025);
    expect(unreviewed.entries.map((e) => [e.title, e.status])).toEqual([
      ["优秀参政议政成果评选", "SUBMITTED"],
      ["机关制度宣传培训", "RETURNED"],
    ]);
    const view = (await getReportView(t.db, 2025))!;
    const gaps = findReportGaps(view.parts, unreviewed.entries);
    expect(gaps.placeholders.length).toBeGreaterThan(3);
    expect(new Set(gaps.placeholders.map((g) => g.key))).toEqual(new Set(["part1", "part2", "part3", "part4"]));

    // Fill every bracketed prompt but leave a bare "待补充": still refused, nothing written.
    for (const part of await t.db.reportPart.findMany({ where: { report: { year: 2025 }, content: { contains: "（请补充" } } })) {
      const content = part.content.replace(/（请补充[^）]*）/gu, part.key === "part4" ? "具体措施待补充。" : "已补充。");
      await report.saveReportPart(t.db, coordinator, { year: 2025, key: part.key as "part1", version: part.version, content });
    }
    const before = await tableCounts(t.db);
    await expect(report.transitionReport(t.db, coordinator, "submit", { year: 2025, version: await version() })).rejects.toThrow(
      "以下部分仍有待补充的内容，请完善后再送审：四、下一年度推进法治建设的主要安排",
    );
    expect(await tableCounts(t.db)).toEqual(before);

    // A placeholder typed into the opening paragraph blocks it too.
    const part4 = await t.db.reportPart.findFirstOrThrow({ where: { key: "part4", report: { year: 2025 } } });
    await report.saveReportPart(t.db, coordinator, { year: 2025, key: "part4", version: part4.version, content: part4.content.replace("待补充", "将进一步细化") });
    const edited = await report.saveReportPart(t.db, coordinator, { year: 2025, key: PREFACE_KEY, version: 1, content: "2025年，我办（请补充：年度工作概述）。现将有关情况报告如下。" });
    expect(edited).toEqual({ changed: true, version: 2 });
    await expect(report.transitionReport(t.db, coordinator, "submit", { year: 2025, version: await version() })).rejects.toThrow(/开头语/);

    await report.saveReportPart(t.db, coordinator, { year: 2025, key: PREFACE_KEY, version: 2, content: "2025年，我办认真贯彻落实上级部署。现将有关情况报告如下。" });
    await report.transitionReport(t.db, coordinator, "submit", { year: 2025, version: await version() });
    expect((await t.db.annualReport.findUniqueOrThrow({ where: { year: 2025 } })).status).toBe("IN_REVIEW");
    expect((await loadReportForExport(t.db, 2025))!.preface).toBe("2025年，我办认真贯彻落实上级部署。现将有关情况报告如下。");
    const view2 = (await getReportView(t.db, 2025))!;
    expect(view2.parts.map((p) => p.key)).toEqual(["part1", "part2", "part3", "part4", "part5"]);
    expect(view2).toMatchObject({ prefaceVersion: 3, prefaceEdited: true });
  });

  it("creates the opening paragraph's row on the first edit of a report generated before it was stored", async () => {
    await t.db.annualReport.update({ where: { year: 2025 }, data: { status: "DRAFT" } });
    await t.db.reportPart.deleteMany({ where: { key: PREFACE_KEY, report: { year: 2025 } } });
    const view = (await getReportView(t.db, 2025))!;
    expect(view).toMatchObject({ prefaceVersion: 1, prefaceEdited: false });
    expect(view.preface).toMatch(/^2025年，XX市政协办公室坚持/u);
    await expect(report.saveReportPart(t.db, coordinator, { year: 2025, key: PREFACE_KEY, version: 1, content: "新的开头语。" })).resolves.toEqual({ changed: true, version: 2 });
    const rows = await t.db.reportPart.findFirstOrThrow({ where: { key: PREFACE_KEY, report: { year: 2025 } }, include: { revisions: true } });
    expect(rows.revisions.map((r) => r.version).sort()).toEqual([1, 2]);
    await expect(report.saveReportPart(t.db, coordinator, { year: 2025, key: PREFACE_KEY, version: 1, content: "过期" })).rejects.toThrow();
  });
});
