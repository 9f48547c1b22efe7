import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, businessCounts, type TestDb } from "@/tests/support/test-db";
import { AssessmentInputError, POINT_YEAR_MESSAGE, REPEALED_ASSESS_MESSAGE, recordAssessment, updateRectification } from "@/lib/regulations/assessments";
import { assessmentsForPoint, assessmentsForRegulation } from "@/lib/regulations/assessment-queries";
import { recordAssessmentSchema, updateRectificationSchema } from "@/lib/regulations/schemas";
import { BEFORE_EFFECTIVE_MESSAGE, FUTURE_DATE_MESSAGE, RECTIFIED_ON_REQUIRED_MESSAGE } from "@/lib/regulations/assessment-rules";
import { regulationsDueForReview } from "@/lib/regulations/queries";
import { CONFLICT_MESSAGE } from "@/lib/action-state";
import { calendarDate } from "@/lib/progress";
import { buildReportFacts } from "@/lib/report/facts";
import { draftPart } from "@/lib/report/draft";

const TODAY = calendarDate(2026, 11, 22);
let t: TestDb;
const COORDINATOR = { id: null, username: "coordinator", role: "COORDINATOR" };
const STAFF = { id: null, username: "staff-zonghe", role: "STAFF" };
const LEADER = { id: null, username: "leader", role: "LEADER" };

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: TODAY });
}, 60_000);
afterAll(async () => t?.cleanup());

async function office(name: string) {
  return (await t.db.office.findFirstOrThrow({ where: { name } })).id;
}

async function input(regulationId: number, fields: Record<string, string> = {}) {
  return recordAssessmentSchema.parse({
    regulationId: String(regulationId),
    assessedOn: "2026-06-10",
    officeId: String(await office("综合科")),
    method: "SELF",
    findings: "2份用印审批单缺少分管领导签字",
    rectification: "",
    rectificationStatus: "NONE",
    ...fields,
  });
}

/** Rows that a refused call must leave alone, the audit log included (no denial is written below the action). */
async function snapshot() {
  return { counts: await businessCounts(t.db), audit: await t.db.auditLog.count() };
}

describe("制度执行情况评估", () => {
  it("seeds four demo assessments in the demo year, two counted for point 6", async () => {
    const rows = await t.db.regulationAssessment.findMany({ orderBy: { assessedOn: "asc" }, include: { regulation: true, workPoint: { include: { plan: true } } } });
    expect(rows.map((r) => [r.assessedOn.toISOString().slice(0, 10), r.rectificationStatus, r.workPoint ? `${r.workPoint.plan.year}-${r.workPoint.number}` : null])).toEqual([
      ["2026-03-16", "DONE", "2026-6"],
      ["2026-05-20", "OPEN", "2026-6"],
      ["2026-06-28", "NONE", null],
      ["2026-09-10", "NONE", null],
    ]);
    for (const r of rows) expect(r.regulation.lastReviewedOn!.getTime()).toBeGreaterThanOrEqual(r.assessedOn.getTime());
  });

  it("records an assessment, moves lastReviewedOn in the same transaction and clears the due list", async () => {
    // 档案管理办法 was last reviewed 14 months before the seed day: due for review.
    const rule = await t.db.regulation.findFirstOrThrow({ where: { title: "XX市政协办公室档案管理办法" } });
    expect((await regulationsDueForReview(t.db, TODAY)).some((r) => r.id === rule.id)).toBe(true);
    const point = await t.db.workPoint.findFirstOrThrow({ where: { plan: { year: 2026 }, number: 6 } });
    const created = await recordAssessment(
      t.db,
      COORDINATOR,
      await input(rule.id, { assessedOn: "2026-06-10", rectification: "补办档案移交手续", rectificationStatus: "OPEN", workPointId: String(point.id) }),
      { today: TODAY },
    );
    const after = await t.db.regulation.findUniqueOrThrow({ where: { id: rule.id } });
    expect(after.lastReviewedOn?.toISOString().slice(0, 10)).toBe("2026-06-10");
    expect((await regulationsDueForReview(t.db, TODAY)).some((r) => r.id === rule.id)).toBe(false);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "RegulationAssessment", entityId: String(created.id), action: "create" } });
    expect(audit.affectsFigures).toBe(false);
    expect(JSON.parse(audit.after!)).toMatchObject({ regulationId: rule.id, rectificationStatus: "OPEN", lastReviewedOn: "2026-06-10", workPointId: point.id });

    // An older assessment does not move the review date back.
    await recordAssessment(t.db, COORDINATOR, await input(rule.id, { assessedOn: "2026-02-01", method: "SAMPLE" }), { today: TODAY });
    expect((await t.db.regulation.findUniqueOrThrow({ where: { id: rule.id } })).lastReviewedOn?.toISOString().slice(0, 10)).toBe("2026-06-10");

    // Newest first on the rule's page; the point shows the one counted for it.
    const rows = await assessmentsForRegulation(t.db, rule.id, { role: "COORDINATOR", officeId: null });
    expect(rows.map((r) => r.assessedOn.toISOString().slice(0, 10))).toEqual(["2026-06-10", "2026-02-01"]);
    const onPoint = await assessmentsForPoint(t.db, point.id, { role: "VIEWER", officeId: null });
    expect(onPoint.map((r) => r.id)).toContain(created.id);
    expect(onPoint.map((r) => r.regulation.title)).toEqual(["XX市政协办公室印章管理规定", "XX市政协办公室合同管理办法", "XX市政协办公室档案管理办法"]);

    // 整改中 → 已整改 with a date, audited; a stale version is refused.
    const update = (fields: Record<string, string>) =>
      updateRectificationSchema.parse({ assessmentId: String(created.id), expectedVersion: "1", rectification: "补办档案移交手续", rectificationStatus: "DONE", rectifiedOn: "2026-07-01", ...fields });
    await expect(updateRectification(t.db, COORDINATOR, update({ rectifiedOn: "" }), { today: TODAY })).rejects.toThrow(RECTIFIED_ON_REQUIRED_MESSAGE);
    await updateRectification(t.db, COORDINATOR, update({}), { today: TODAY });
    const done = await t.db.regulationAssessment.findUniqueOrThrow({ where: { id: created.id } });
    expect(done).toMatchObject({ rectificationStatus: "DONE", version: 2 });
    expect(done.rectifiedOn?.toISOString().slice(0, 10)).toBe("2026-07-01");
    const before = await snapshot();
    await expect(updateRectification(t.db, COORDINATOR, update({ rectificationStatus: "OPEN", rectifiedOn: "" }), { today: TODAY })).rejects.toThrow(CONFLICT_MESSAGE);
    expect(await snapshot()).toEqual(before);
    expect(await t.db.auditLog.count({ where: { entity: "RegulationAssessment", entityId: String(created.id), action: "update.rectification" } })).toBe(1);
  });

  it.each([
    ["a future date", { assessedOn: "2026-11-23" }, FUTURE_DATE_MESSAGE],
    ["a date before the rule took effect", { assessedOn: "2001-01-01" }, BEFORE_EFFECTIVE_MESSAGE],
    ["已整改 without a date", { rectification: "补签", rectificationStatus: "DONE" }, RECTIFIED_ON_REQUIRED_MESSAGE],
  ])("refuses %s and writes nothing", async (_label, fields, message) => {
    const rule = await t.db.regulation.findFirstOrThrow({ where: { title: "XX市政协办公室印章管理规定" } });
    const before = await snapshot();
    const reviewed = rule.lastReviewedOn;
    const error = await recordAssessment(t.db, COORDINATOR, await input(rule.id, fields), { today: TODAY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssessmentInputError);
    expect((error as Error).message).toBe(message);
    expect(await snapshot()).toEqual(before);
    expect((await t.db.regulation.findUniqueOrThrow({ where: { id: rule.id } })).lastReviewedOn).toEqual(reviewed);
  });

  it("refuses a point of another year's plan, a repealed rule and other roles, writing nothing", async () => {
    const rule = await t.db.regulation.findFirstOrThrow({ where: { title: "XX市政协办公室印章管理规定" } });
    const point2025 = await t.db.workPoint.findFirstOrThrow({ where: { plan: { year: 2025 }, number: 6 } });
    const before = await snapshot();
    await expect(recordAssessment(t.db, COORDINATOR, await input(rule.id, { workPointId: String(point2025.id) }), { today: TODAY })).rejects.toThrow(POINT_YEAR_MESSAGE);
    await expect(recordAssessment(t.db, STAFF, await input(rule.id), { today: TODAY })).rejects.toThrow("您没有执行此操作的权限");
    await expect(recordAssessment(t.db, LEADER, await input(rule.id), { today: TODAY })).rejects.toThrow("您没有执行此操作的权限");
    const repealed = await t.db.regulation.create({
      data: { title: "已废止的测试制度", category: "机关内部管理制度", status: "REPEALED", adoptedOn: calendarDate(2024, 1, 1), versions: { create: { versionNo: 1, fullText: "第一条 甲。" } } },
    });
    const afterCreate = await snapshot();
    await expect(recordAssessment(t.db, COORDINATOR, await input(repealed.id), { today: TODAY })).rejects.toThrow(REPEALED_ASSESS_MESSAGE);
    expect(await snapshot()).toEqual(afterCreate);
    expect(before.audit).toBe(afterCreate.audit);
  });

  it("lets STAFF read the assessments of their office's rules or carried out by their office only", async () => {
    const rule = await t.db.regulation.findFirstOrThrow({ where: { title: "XX市政协办公室档案管理办法" } });
    const zonghe = await office("综合科");
    const yanjiu = await office("研究室");
    expect((await assessmentsForRegulation(t.db, rule.id, { role: "STAFF", officeId: zonghe })).length).toBeGreaterThan(0);
    expect(await assessmentsForRegulation(t.db, rule.id, { role: "STAFF", officeId: yanjiu })).toEqual([]);
    await recordAssessment(t.db, COORDINATOR, await input(rule.id, { officeId: String(yanjiu), assessedOn: "2026-03-01" }), { today: TODAY });
    expect((await assessmentsForRegulation(t.db, rule.id, { role: "STAFF", officeId: yanjiu })).map((r) => r.office.id)).toEqual([yanjiu]);
  });

  it("gives the annual report's point its rules adopted and assessments done in the year", async () => {
    const rule = await t.db.regulation.create({
      data: { title: "XX市政协办公室制度汇编管理办法", category: "机关内部管理制度", adoptedOn: calendarDate(2026, 4, 8), versions: { create: { versionNo: 1, fullText: "第一条 甲。" } } },
    });
    const point = await t.db.workPoint.findFirstOrThrow({ where: { plan: { year: 2026 }, number: 6 } });
    await t.db.regulationPointLink.create({ data: { regulationId: rule.id, workPointId: point.id } });
    // A rule adopted in another year and linked to the point is not this year's result.
    const old = await t.db.regulation.findFirstOrThrow({ where: { title: "XX市政协办公室保密工作制度" } });
    await t.db.regulationPointLink.create({ data: { regulationId: old.id, workPointId: point.id } });

    const facts = await buildReportFacts(t.db, 2026);
    const six = facts.sections.flatMap((s) => s.points).find((p) => p.number === 6)!;
    expect(six.regulations?.map((r) => `${r.kind} ${r.title}`)).toEqual([
      "ADOPTED XX市政协办公室制度汇编管理办法",
      "ASSESSED XX市政协办公室印章管理规定",
      "ASSESSED XX市政协办公室合同管理办法",
      "ASSESSED XX市政协办公室档案管理办法",
    ]);
    expect(draftPart(facts, "part1").content).toContain(
      "制定印发《XX市政协办公室制度汇编管理办法》，开展《XX市政协办公室印章管理规定》《XX市政协办公室合同管理办法》《XX市政协办公室档案管理办法》执行情况评估",
    );
    expect((await buildReportFacts(t.db, 2025)).sections.flatMap((s) => s.points).every((p) => (p.regulations ?? []).length === 0)).toBe(true);
  });
});
