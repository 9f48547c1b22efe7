import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, userByName, actor, tableCounts, type TestDb } from "@/tests/support/test-db";
import { ConflictError } from "@/lib/action-state";
import * as schemas from "@/lib/plan/schemas";
import * as plans from "@/lib/plan/mutations";
import { planHistory } from "@/lib/plan/queries";

let t: TestDb;
let coordinator: ReturnType<typeof actor>;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  coordinator = actor(await userByName(t.db, "coordinator"));
});
afterAll(async () => t.cleanup());

const point = (year: number, number: number) =>
  t.db.workPoint.findFirstOrThrow({ where: { plan: { year }, number }, include: { supportOffices: true, targets: { orderBy: { ordinal: "asc" } } } });

function pointForm(p: Awaited<ReturnType<typeof point>>, over: Record<string, unknown> = {}) {
  return schemas.updatePointSchema.parse({
    id: String(p.id), version: String(p.version), title: p.title, text: p.text, leadOfficeId: p.leadOfficeId ? String(p.leadOfficeId) : "",
    supportOfficeIds: p.supportOffices.map((s) => String(s.officeId)), deadline: p.deadline?.toISOString().slice(0, 10) ?? "",
    deadlineText: p.deadlineText, responsible: p.responsible, ...over,
  });
}

describe("editing points and targets", () => {
  it("refuses an edit with a stale version and changes nothing", async () => {
    const p = await point(2026, 2);
    await plans.updatePoint(t.db, coordinator, pointForm(p, { responsible: "研究室主任" }));
    const before = await tableCounts(t.db);
    await expect(plans.updatePoint(t.db, coordinator, pointForm(p, { responsible: "另一人" }))).rejects.toBeInstanceOf(ConflictError);
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await point(2026, 2)).responsible).toBe("研究室主任");
  });

  it("records edits of a published plan with before and after, shown in the plan's history", async () => {
    const plan = await t.db.plan.findUniqueOrThrow({ where: { year: 2026 } });
    expect(plan.status).toBe("PUBLISHED");
    const p = await point(2026, 7);
    const office = await t.db.office.findFirstOrThrow({ where: { name: "人事科" } });
    await plans.updatePoint(t.db, coordinator, pointForm(p, {
      title: "建立健全法治建设工作制度", leadOfficeId: String(office.id), deadline: "2026-09-30", deadlineText: "9月底前", completed: "on",
    }));
    const after = await point(2026, 7);
    expect(after).toMatchObject({ title: "建立健全法治建设工作制度", leadOfficeId: office.id, deadlineText: "9月底前", version: p.version + 1 });
    expect(after.completedAt).not.toBeNull();

    const target = (await point(2026, 4)).targets[1];
    await plans.updateTarget(t.db, coordinator, schemas.updateTargetSchema.parse({
      id: String(target.id), version: String(target.version), subject: "培训人数", comparator: ">=", value: "300", unit: "人次", kind: "SUM", sourceText: target.sourceText, deadline: "",
    }));

    const history = await planHistory(t.db, plan.id);
    const pointRow = history.find((r) => r.entity === "WorkPoint" && r.entityId === String(p.id))!;
    expect(JSON.parse(pointRow.before!)).toMatchObject({ planId: plan.id, title: "建立法治建设工作制度", deadlineText: "6月底前", planStatus: "PUBLISHED" });
    expect(JSON.parse(pointRow.after!)).toMatchObject({ title: "建立健全法治建设工作制度", deadlineText: "9月底前", deadline: "2026-09-30", leadOfficeId: office.id });
    const targetRow = history.find((r) => r.entity === "Target" && r.entityId === String(target.id))!;
    expect(JSON.parse(targetRow.before!)).toMatchObject({ value: 200 });
    expect(JSON.parse(targetRow.after!)).toMatchObject({ value: 300, pointNumber: 4 });
    // The other plan's history does not see these rows.
    const other = await t.db.plan.findUniqueOrThrow({ where: { year: 2025 } });
    expect((await planHistory(t.db, other.id)).some((r) => r.entityId === String(p.id))).toBe(false);
  });

  it("refuses to delete a target that has ledger quantities", async () => {
    const target = (await point(2025, 1)).targets[0];
    expect(await t.db.ledgerQuantity.count({ where: { targetId: target.id } })).toBeGreaterThan(0);
    const before = await tableCounts(t.db);
    await expect(plans.deleteTarget(t.db, coordinator, { id: target.id, version: target.version })).rejects.toThrow("该指标已有台账数据，不能删除");
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("adds and deletes a target without ledger data, audited with the plan id", async () => {
    const p = await point(2026, 3);
    const { target } = await plans.createTarget(t.db, coordinator, schemas.createTargetSchema.parse({
      workPointId: String(p.id), subject: "宣传稿件", comparator: ">=", value: "30", unit: "篇", kind: "COUNT", sourceText: "", deadline: "2026-12-31",
    }));
    expect(target).toMatchObject({ planId: p.planId, workPointId: p.id, value: 30 });
    await expect(plans.deleteTarget(t.db, coordinator, { id: target.id, version: target.version + 1 })).rejects.toBeInstanceOf(ConflictError);
    await plans.deleteTarget(t.db, coordinator, { id: target.id, version: target.version });
    expect(await t.db.target.findUnique({ where: { id: target.id } })).toBeNull();
    const rows = (await planHistory(t.db, p.planId)).filter((r) => r.entity === "Target" && r.entityId === String(target.id));
    expect(rows.map((r) => r.action).sort()).toEqual(["create", "delete"]);
  });
});

describe("publishing, archiving and copying", () => {
  it("copies a plan to the next year: deadlines shifted, unfinished points carried over", async () => {
    const source = await t.db.plan.findUniqueOrThrow({ where: { year: 2026 } });
    // Points 2 and 3 (no targets) are marked complete here; others may be by the seed or the tests above.
    await t.db.workPoint.updateMany({ where: { planId: source.id, number: { in: [2, 3] } }, data: { completedAt: new Date(Date.UTC(2026, 5, 30)) } });
    const marked = new Set((await t.db.workPoint.findMany({ where: { planId: source.id, completedAt: { not: null } }, select: { number: true } })).map((p) => p.number));
    const { plan, carriedOver } = await plans.copyPlanToNextYear(t.db, coordinator, { id: source.id, version: source.version });
    expect(plan).toMatchObject({ year: 2027, status: "DRAFT" });
    expect(plan.title).toContain("2027");
    // 2026: point 1 has only a pending entry (专题学习 0/4); point 4 trained 120 of 200 人次; the
    // other points have no targets: every point without a completion mark is carried over
    // (lib/plan/copy.ts unfinishedAtYearEnd).
    const unfinished = Array.from({ length: 12 }, (_, i) => i + 1).filter((n) => !marked.has(n));
    expect(unfinished).toEqual(expect.arrayContaining([1, 4]));
    expect(unfinished.length).toBeGreaterThan(2);
    expect(unfinished).not.toContain(2);
    expect(carriedOver).toEqual(unfinished);
    const copied = await t.db.workPoint.findMany({ where: { planId: plan.id }, orderBy: { number: "asc" }, include: { targets: true, supportOffices: true } });
    expect(copied).toHaveLength(12);
    expect(copied.filter((p) => p.carriedOver).map((p) => p.number)).toEqual(unfinished);
    const seven = copied.find((p) => p.number === 7)!;
    expect(seven.deadline?.toISOString().slice(0, 10)).toBe("2027-09-30");
    expect(seven.completedAt).toBeNull();
    expect(copied.find((p) => p.number === 1)!.supportOffices).toHaveLength(2);
    expect(copied.flatMap((p) => p.targets).map((x) => `${x.subject}${x.value}`)).toEqual(["专题学习4", "专题培训班1", "培训人数300"]);
  });

  it("refuses to copy when the next year already has a plan", async () => {
    const source = await t.db.plan.findUniqueOrThrow({ where: { year: 2025 } });
    const before = await tableCounts(t.db);
    await expect(plans.copyPlanToNextYear(t.db, coordinator, { id: source.id, version: source.version })).rejects.toThrow("2026 年已有工作要点，不能复制");
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("moves 29 February to 28 February", async () => {
    const y2027 = await t.db.plan.findUniqueOrThrow({ where: { year: 2027 } });
    const { plan: y2028 } = await plans.copyPlanToNextYear(t.db, coordinator, { id: y2027.id, version: y2027.version });
    const p = await point(2028, 5);
    await plans.updatePoint(t.db, coordinator, pointForm(p, { deadline: "2028-02-29" }));
    await plans.copyPlanToNextYear(t.db, coordinator, { id: y2028.id, version: y2028.version });
    expect((await point(2029, 5)).deadline?.toISOString().slice(0, 10)).toBe("2029-02-28");
  });

  it("publishes a draft, archives it, and then refuses edits", async () => {
    const draft = await t.db.plan.findUniqueOrThrow({ where: { year: 2027 } });
    await expect(plans.archivePlan(t.db, coordinator, { id: draft.id, version: draft.version })).rejects.toThrow("只有已发布的工作要点可以归档");
    await expect(plans.publishPlan(t.db, coordinator, { id: draft.id, version: draft.version + 1 })).rejects.toBeInstanceOf(ConflictError);
    const published = await plans.publishPlan(t.db, coordinator, { id: draft.id, version: draft.version });
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt).not.toBeNull();
    await expect(plans.publishPlan(t.db, coordinator, { id: draft.id, version: published.version })).rejects.toThrow("只有草稿状态的工作要点可以发布");
    const archived = await plans.archivePlan(t.db, coordinator, { id: draft.id, version: published.version });
    expect(archived.status).toBe("ARCHIVED");
    const p = await point(2027, 2);
    const before = await tableCounts(t.db);
    await expect(plans.updatePoint(t.db, coordinator, pointForm(p, { title: "改不了" }))).rejects.toThrow("已归档的工作要点不能修改");
    expect(await tableCounts(t.db)).toEqual(before);
    const actions = (await planHistory(t.db, draft.id)).filter((r) => r.entity === "Plan").map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["copy", "copy.out", "publish", "archive"]));
  });
});
