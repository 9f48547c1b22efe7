import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, userByName, actor, tableCounts, type TestDb } from "@/tests/support/test-db";
import { parsePlanText } from "@/lib/plan/parse";
import { draftToPayload, toDraft, withYear } from "@/lib/plan/import-draft";
import * as schemas from "@/lib/plan/schemas";
import { REPLACE_QUESTION, REPLACE_REFUSED_LEDGER, ReplaceConfirmationNeeded, replaceRefusedStatus, saveImportedPlan } from "@/lib/plan/import-save";
import { archivePlan, publishPlan } from "@/lib/plan/mutations";
import { tableFingerprints } from "@/tests/support/fingerprint";

const FIXTURE = fs.readFileSync(path.resolve(__dirname, "../fixtures/rule-of-law-plan-2025.txt"), "utf8");

let t: TestDb;
let coordinator: ReturnType<typeof actor>;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  coordinator = actor(await userByName(t.db, "coordinator"));
});
afterAll(async () => t.cleanup());

/** The fixture as the import editor would submit it, moved to `year`, through the form schema. */
async function fixturePayload(year: number, edit?: (payload: ReturnType<typeof draftToPayload>) => void) {
  const offices = await t.db.office.findMany();
  const draft = withYear(toDraft(parsePlanText(FIXTURE), offices, { year, unitName: "XX市政协办公室" }), String(year));
  const payload = draftToPayload(draft);
  edit?.(payload);
  return schemas.saveImportFormSchema.parse({ payload: JSON.stringify(payload) }).payload;
}

const loadPlan = (year: number) =>
  t.db.plan.findUniqueOrThrow({
    where: { year },
    include: { sections: { orderBy: { ordinal: "asc" }, include: { points: { orderBy: { number: "asc" }, include: { targets: true, supportOffices: true } } } } },
  });

describe("saving an imported plan", () => {
  it("saves the parsed fixture as a DRAFT with its sections, points, offices and targets", async () => {
    const office = await t.db.office.findFirstOrThrow({ where: { name: "综合科" } });
    const support = await t.db.office.findFirstOrThrow({ where: { name: "研究室" } });
    const input = await fixturePayload(2030, (p) => {
      p.sections[0].points[0].leadOfficeId = office.id;
      p.sections[0].points[0].supportOfficeIds = [support.id];
      p.sections[0].points[0].deadline = "2030-06-30";
      p.sections[0].points[0].targets[0].value = 6;
    });
    const saved = await saveImportedPlan(t.db, coordinator, input, { replace: false });
    expect(saved).toMatchObject({ replaced: false, points: 12, targets: 3 });
    const plan = await loadPlan(2030);
    expect(plan.status).toBe("DRAFT");
    // The year moves the deadlines, never the wording: the title is the document's own.
    expect(plan.title).toBe("市政协办公室2025年机关法治建设工作要点");
    expect(plan.sections.map((s) => s.points.length)).toEqual([4, 4, 4]);
    const first = plan.sections[0].points[0];
    expect(first).toMatchObject({ number: 1, title: "深入学习习近平法治思想", leadOfficeId: office.id });
    expect(first.supportOffices.map((s) => s.officeId)).toEqual([support.id]);
    expect(first.deadline?.toISOString().slice(0, 10)).toBe("2030-06-30");
    expect(first.targets[0]).toMatchObject({ subject: "专题学习", comparator: ">=", value: 6, unit: "次", kind: "COUNT" });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "Plan", entityId: String(plan.id), action: "import" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ planId: plan.id, points: 12, targets: 3 });
  });

  it("asks before replacing an existing plan and changes nothing until confirmed", async () => {
    const before = await tableCounts(t.db);
    const input = await fixturePayload(2030);
    const error = await saveImportedPlan(t.db, coordinator, input, { replace: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplaceConfirmationNeeded);
    expect((error as Error).message).toBe(REPLACE_QUESTION);
    expect(await tableCounts(t.db)).toEqual(before);

    const old = await t.db.plan.findUniqueOrThrow({ where: { year: 2030 } });
    const saved = await saveImportedPlan(t.db, coordinator, input, { replace: true });
    expect(saved.replaced).toBe(true);
    expect(saved.plan.id).not.toBe(old.id);
    expect(await t.db.plan.findUnique({ where: { id: old.id } })).toBeNull();
    expect((await loadPlan(2030)).sections[0].points[0].targets[0].value).toBe(4);
    expect(await t.db.auditLog.count({ where: { entity: "Plan", entityId: String(old.id), action: "replace.delete" } })).toBe(1);
  });

  it("refuses to replace a plan whose points have ledger entries, even when confirmed", async () => {
    const before = await tableCounts(t.db);
    const input = await fixturePayload(2025);
    await expect(saveImportedPlan(t.db, coordinator, input, { replace: true })).rejects.toThrow(REPLACE_REFUSED_LEDGER);
    await expect(saveImportedPlan(t.db, coordinator, input, { replace: false })).rejects.toThrow(REPLACE_REFUSED_LEDGER);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("refuses to replace a published or archived plan, confirmed or not, and writes nothing", async () => {
    await saveImportedPlan(t.db, coordinator, await fixturePayload(2032), { replace: false });
    const draft = await t.db.plan.findUniqueOrThrow({ where: { year: 2032 } });
    const published = await publishPlan(t.db, coordinator, { id: draft.id, version: draft.version });
    const input = await fixturePayload(2032, (p) => (p.sections[0].points[0].targets[0].value = 9));
    expect(replaceRefusedStatus(2032, "PUBLISHED")).toBe("2032年度计划已发布，不能通过导入覆盖；请在计划页面中修改。");
    for (const [status, message] of [["PUBLISHED", "2032年度计划已发布，不能通过导入覆盖；请在计划页面中修改。"], ["ARCHIVED", "2032年度计划已归档，不能通过导入覆盖。"]]) {
      if (status === "ARCHIVED") await archivePlan(t.db, coordinator, { id: published.id, version: published.version });
      const before = await tableFingerprints(t.db);
      for (const replace of [false, true]) {
        const error = await saveImportedPlan(t.db, coordinator, input, { replace }).catch((e: unknown) => e);
        expect(error).not.toBeInstanceOf(ReplaceConfirmationNeeded);
        expect((error as Error).message).toBe(message);
      }
      expect(await tableFingerprints(t.db)).toEqual(before);
    }
    const kept = await loadPlan(2032);
    expect(kept.id).toBe(draft.id);
    expect(kept.sections[0].points[0].targets[0].value).toBe(4);
  });

  it("refuses unknown or inactive offices", async () => {
    const inactive = await t.db.office.create({ data: { name: "已撤销科", shortName: "撤销", active: false } });
    const before = await tableCounts(t.db);
    const input = await fixturePayload(2031, (p) => (p.sections[0].points[0].leadOfficeId = inactive.id));
    await expect(saveImportedPlan(t.db, coordinator, input, { replace: false })).rejects.toThrow("所选科室不存在或已停用");
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe("strict schemas", () => {
  it("refuse extra fields at every level of the import payload", async () => {
    const good = await fixturePayload(2032);
    const raw = JSON.parse(JSON.stringify({ ...good, sections: good.sections.map((s) => ({ ...s, points: s.points.map((p) => ({ ...p, deadline: null, targets: p.targets.map((x) => ({ ...x, deadline: null })) })) })) }));
    expect(schemas.importPlanSchema.safeParse(raw).success).toBe(true);
    expect(schemas.importPlanSchema.safeParse({ ...raw, status: "PUBLISHED" }).success).toBe(false);
    const withPointExtra = structuredClone(raw);
    withPointExtra.sections[0].points[0].carriedOver = true;
    expect(schemas.importPlanSchema.safeParse(withPointExtra).success).toBe(false);
    const withTargetExtra = structuredClone(raw);
    withTargetExtra.sections[0].points[0].targets[0].planId = 1;
    expect(schemas.importPlanSchema.safeParse(withTargetExtra).success).toBe(false);
    expect(schemas.saveImportFormSchema.safeParse({ payload: JSON.stringify(raw), status: "PUBLISHED" }).success).toBe(false);
    expect(schemas.saveImportFormSchema.safeParse({ payload: "{not json" }).success).toBe(false);
  });

  it("bound the import: sections, points, targets and text lengths", async () => {
    const raw = JSON.parse(JSON.stringify(await fixturePayload(2032)));
    const section = raw.sections[0];
    expect(schemas.importPlanSchema.safeParse({ ...raw, sections: Array.from({ length: 21 }, (_, i) => ({ ...section, points: [{ ...section.points[0], number: i + 1 }] })) }).success).toBe(false);
    const many = Array.from({ length: 201 }, (_, i) => ({ ...section.points[0], number: i + 1, targets: [] }));
    expect(schemas.importPlanSchema.safeParse({ ...raw, sections: [{ ...section, points: many }] }).success).toBe(false);
    const target = section.points[0].targets[0];
    const heavy = Array.from({ length: 11 }, (_, i) => ({ ...section.points[0], number: i + 1, targets: Array.from({ length: 46 }, () => target) }));
    expect(schemas.importPlanSchema.safeParse({ ...raw, sections: [{ ...section, points: heavy }] }).success).toBe(false);
    const long = structuredClone(raw);
    long.sections[0].points[0].text = "字".repeat(5001);
    expect(schemas.importPlanSchema.safeParse(long).success).toBe(false);
    const duplicate = structuredClone(raw);
    duplicate.sections[0].points[1].number = 1;
    expect(schemas.importPlanSchema.safeParse(duplicate).success).toBe(false);
  });

  it("refuse extra fields on the forms of the plan page", () => {
    expect(schemas.updatePointSchema.safeParse({ id: "1", version: "1", title: "标题", text: "", deadlineText: "", responsible: "", planId: "2" }).success).toBe(false);
    expect(schemas.updatePointSchema.safeParse({ id: "1", version: "1", title: "标题", text: "", deadlineText: "", responsible: "" }).success).toBe(true);
    const target = { workPointId: "1", subject: "专题学习", comparator: ">=", value: "4", unit: "次", kind: "COUNT", sourceText: "", deadline: "" };
    expect(schemas.createTargetSchema.safeParse(target).success).toBe(true);
    expect(schemas.createTargetSchema.safeParse({ ...target, planId: "9" }).success).toBe(false);
    expect(schemas.createTargetSchema.safeParse({ ...target, value: "" }).success).toBe(false);
    expect(schemas.createTargetSchema.safeParse({ ...target, kind: "PERCENT", value: "120" }).success).toBe(false);
    expect(schemas.deleteTargetSchema.safeParse({ id: "1", version: "1", force: "true" }).success).toBe(false);
    expect(schemas.planVersionSchema.safeParse({ id: "1", version: "1", status: "PUBLISHED" }).success).toBe(false);
  });
});
