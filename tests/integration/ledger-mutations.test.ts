import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, tableCounts, type TestDb } from "@/tests/support/test-db";
import { ConflictError, CONFLICT_MESSAGE, UserFacingError } from "@/lib/action-state";
import { NotFoundError, type LedgerUser } from "@/lib/ledger/access";
import { NOT_FOUND_MESSAGE } from "@/lib/ledger/constants";
import * as m from "@/lib/ledger/mutations";
import { getEntryDetail } from "@/lib/ledger/queries";
import { createEntryForOfficeSchema, createEntrySchema, idVersionSchema, normalizeEntryForm, updateEntrySchema, type CreateEntryInput } from "@/lib/ledger/schemas";
import { MESSAGES, dateOutsideYear } from "@/lib/ledger/validate";
import { CONTRIBUTOR_REVIEW, SELF_REVIEW } from "@/lib/ledger/workflow";
import { PDF_BYTES } from "@/tests/support/ledger-helpers";
import { ledgerUser, officeId, pointOf } from "@/tests/support/ledger-helpers";
import { tableFingerprints } from "@/tests/support/fingerprint";

const YEAR = 2026;
let t: TestDb;
let zonghe: LedgerUser;
let yanjiu: LedgerUser;
let coordinator: LedgerUser;
let leader: LedgerUser;
let viewer: LedgerUser;
let point1: Awaited<ReturnType<typeof pointOf>>;
let point4: Awaited<ReturnType<typeof pointOf>>;

const day = (s: string) => new Date(`${s}T00:00:00Z`);

function input(over: Partial<CreateEntryInput> = {}): CreateEntryInput {
  return {
    pointId: point1.id,
    date: day(`${YEAR}-03-12`),
    title: "专题学习：习近平法治思想的核心要义",
    form: "集中学习",
    description: "组织机关干部62人参加。",
    participants: "机关全体干部",
    category: "NORMAL",
    linkedEntryId: null,
    quantities: [{ targetId: point1.targets[0].id, value: 1, completes: false }],
    ...over,
  };
}

/** Refused, and every table's content (not only its row count) is as before. */
async function expectNothingChanged(call: () => Promise<unknown>, error: unknown, message?: string) {
  const before = await tableFingerprints(t.db);
  const promise = call();
  await expect(promise).rejects.toBeInstanceOf(error as never);
  if (message) await expect(promise).rejects.toThrow(message);
  expect(await tableFingerprints(t.db)).toEqual(before);
}

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  // This file tests the workflow and the figures; the evidence rule has its own tests (evidence-rules.test.ts).
  await t.db.unitSettings.update({ where: { id: 1 }, data: { evidenceKinds: "" } });
  [zonghe, yanjiu, coordinator, leader, viewer] = await Promise.all(
    ["staff-zonghe", "staff-yanjiu", "coordinator", "leader", "viewer"].map((u) => ledgerUser(t.db, u)),
  );
  point1 = await pointOf(t.db, YEAR, 1);
  point4 = await pointOf(t.db, YEAR, 4);
});
afterAll(async () => t.cleanup());

describe("the nothing-changed check", () => {
  it("sees an in-place update that leaves every row count alone", async () => {
    const entry = await m.createEntry(t.db, zonghe, input({ title: "指纹" }));
    const [counts, prints] = [await tableCounts(t.db), await tableFingerprints(t.db)];
    await t.db.ledgerEntry.update({ where: { id: entry.id }, data: { status: "APPROVED" } });
    expect(await tableCounts(t.db)).toEqual(counts);
    expect(await tableFingerprints(t.db)).not.toEqual(prints);
    await t.db.ledgerEntry.update({ where: { id: entry.id }, data: { status: "DRAFT" } });
  });
});

describe("strict schemas", () => {
  const form = { pointId: "1", date: `${YEAR}-03-12`, title: "学习", form: "集中学习", "qty.1": "1" };
  it.each(["officeId", "status", "createdById", "version", "reviewedById", "deletedAt", "year"])("create refuses the extra field %s", (field) => {
    expect(createEntrySchema.safeParse(normalizeEntryForm(form)).success).toBe(true);
    const parsed = createEntrySchema.safeParse(normalizeEntryForm({ ...form, [field]: "1" }));
    expect(parsed.success).toBe(false);
  });
  it.each(["status", "officeId", "createdById", "pointId", "workPointId", "returnReason"])("update refuses the extra field %s", (field) => {
    const { pointId: _point, ...fields } = form;
    const edit = { ...fields, id: "1", version: "1" };
    expect(updateEntrySchema.safeParse(normalizeEntryForm(edit)).success).toBe(true);
    const parsed = updateEntrySchema.safeParse(normalizeEntryForm({ ...edit, [field]: "2" }));
    expect(parsed.success).toBe(false);
  });
  it("transitions take only id and version: a forged status is refused", () => {
    expect(idVersionSchema.safeParse({ id: "1", version: "1", status: "APPROVED" }).success).toBe(false);
    expect(createEntryForOfficeSchema.safeParse(normalizeEntryForm({ ...form, officeId: "2", status: "APPROVED" })).success).toBe(false);
  });
  it("refuses bad field values", () => {
    const bad = (over: Record<string, string>) => createEntrySchema.safeParse(normalizeEntryForm({ ...form, ...over })).success;
    expect(bad({})).toBe(true);
    expect(bad({ title: "" })).toBe(false);
    expect(bad({ title: "长".repeat(101) })).toBe(false);
    expect(bad({ description: "长".repeat(2001) })).toBe(false);
    expect(bad({ participants: "长".repeat(501) })).toBe(false);
    expect(bad({ form: "喝茶" })).toBe(false);
    expect(bad({ category: "ADMIN" })).toBe(false);
    expect(bad({ date: "2026-02-30" })).toBe(false);
    expect(bad({ date: "next week" })).toBe(false);
    expect(bad({ "qty.1": "-1" })).toBe(false);
    expect(bad({ "qty.1": "100001" })).toBe(false);
    expect(bad({ "qty.1": "abc" })).toBe(false);
  });
});

describe("recording entries", () => {
  it("STAFF record for their own office: an officeId passed in is never used", async () => {
    const entry = await m.createEntry(t.db, zonghe, { ...input(), officeId: await officeId(t.db, "研究室") });
    expect(entry.officeId).toBe(zonghe.officeId);
    expect(entry.status).toBe("DRAFT");
    expect(entry.year).toBe(YEAR);
    expect(entry.createdById).toBe(zonghe.id);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "LedgerEntry", entityId: String(entry.id), action: "create" } });
    expect(JSON.parse(audit.after!).quantities).toEqual([{ targetId: point1.targets[0].id, value: 1, completes: false }]);
  });

  it("audits each write with the entry exactly as stored (quantities sorted by target)", async () => {
    const [first, second] = point4.targets;
    const amount = (target: (typeof point4.targets)[number], value: number) =>
      target.kind === "BOOLEAN" ? { targetId: target.id, value: 1, completes: true } : { targetId: target.id, value, completes: false };
    const stored = async (id: number) =>
      JSON.parse(JSON.stringify(await t.db.ledgerEntry.findUniqueOrThrow({ where: { id }, include: { quantities: { select: { targetId: true, value: true, completes: true }, orderBy: { targetId: "asc" } } } })));
    const auditOf = async (id: number, action: string) =>
      t.db.auditLog.findFirstOrThrow({ where: { entity: "LedgerEntry", entityId: String(id), action }, orderBy: { id: "desc" } });

    const office = point4.leadOfficeId!;
    const entry = await m.createEntry(t.db, coordinator, { ...input({ pointId: point4.id, quantities: [amount(second, 5), amount(first, 3)] }), officeId: office });
    const afterCreate = await stored(entry.id);
    expect(afterCreate.quantities).toHaveLength(2);
    expect(JSON.parse((await auditOf(entry.id, "create")).after!)).toEqual(afterCreate);

    await m.updateEntry(t.db, coordinator, { ...input({ pointId: point4.id, title: "改后的标题", quantities: [amount(first, 7)] }), id: entry.id, version: entry.version });
    const update = await auditOf(entry.id, "update");
    expect(JSON.parse(update.before!)).toEqual(afterCreate);
    const afterUpdate = await stored(entry.id);
    expect(afterUpdate.title).toBe("改后的标题");
    expect(afterUpdate.quantities).toEqual([amount(first, 7)]);
    expect(JSON.parse(update.after!)).toEqual(afterUpdate);
  });

  it("refuses to record for an office that has been deactivated, and writes nothing", async () => {
    const party = await officeId(t.db, "机关党委");
    await t.db.office.update({ where: { id: party }, data: { active: false } });
    try {
      await expectNothingChanged(() => m.createEntry(t.db, coordinator, { ...input(), officeId: party }), UserFacingError, "所选科室不存在或已停用");
    } finally {
      await t.db.office.update({ where: { id: party }, data: { active: true } });
    }
  });

  it("the COORDINATOR records for an office chosen in the form", async () => {
    const rsId = await officeId(t.db, "人事科");
    const entry = await m.createEntry(t.db, coordinator, { ...input(), officeId: rsId });
    expect(entry.officeId).toBe(rsId);
  });

  it("refuses a point the office neither leads nor cooperates on", async () => {
    await expectNothingChanged(() => m.createEntry(t.db, yanjiu, input()), UserFacingError, MESSAGES.notInvolved);
  });

  it("the COORDINATOR records for involved offices only: an uninvolved one is refused, nothing written", async () => {
    for (const name of ["研究室", "法治办"]) {
      const office = await officeId(t.db, name);
      await expectNothingChanged(() => m.createEntry(t.db, coordinator, { ...input(), officeId: office }), UserFacingError, MESSAGES.officeNotInvolved);
    }
    const support = await m.createEntry(t.db, coordinator, { ...input(), officeId: await officeId(t.db, "机关党委") });
    expect(support.officeId).toBe(await officeId(t.db, "机关党委"));
  });

  it("refuses a date outside the plan year", async () => {
    await expectNothingChanged(() => m.createEntry(t.db, zonghe, input({ date: day("2025-12-31") })), UserFacingError, dateOutsideYear(YEAR));
    await expectNothingChanged(() => m.createEntry(t.db, zonghe, input({ date: day("2027-01-01") })), UserFacingError, dateOutsideYear(YEAR));
  });

  it("refuses a quantity for another point's target", async () => {
    const foreign = point4.targets.find((x) => x.subject === "培训人数")!;
    await expectNothingChanged(
      () => m.createEntry(t.db, zonghe, input({ quantities: [{ targetId: foreign.id, value: 85, completes: false }] })),
      UserFacingError,
      MESSAGES.foreignTarget,
    );
  });

  it("refuses fractional counts", async () => {
    await expectNothingChanged(
      () => m.createEntry(t.db, zonghe, input({ quantities: [{ targetId: point1.targets[0].id, value: 1.5, completes: false }] })),
      UserFacingError,
      "必须是整数",
    );
  });

  it("refuses users without write permission, and plans that are not published", async () => {
    await expectNothingChanged(() => m.createEntry(t.db, viewer, input()), UserFacingError);
    await expectNothingChanged(() => m.createEntry(t.db, leader, input()), UserFacingError);
    await t.db.plan.update({ where: { year: YEAR }, data: { status: "ARCHIVED" } });
    try {
      await expectNothingChanged(() => m.createEntry(t.db, zonghe, input()), UserFacingError, MESSAGES.planNotOpen);
    } finally {
      await t.db.plan.update({ where: { year: YEAR }, data: { status: "PUBLISHED" } });
    }
  });
});

describe("ownership in the where", () => {
  it("staff-yanjiu can neither read, edit, delete, submit nor attach to a 综合科 entry", async () => {
    const entry = await m.createEntry(t.db, zonghe, input({ title: "综合科的记录" }));
    expect(await getEntryDetail(t.db, yanjiu, entry.id)).toBeNull();
    expect(await getEntryDetail(t.db, zonghe, entry.id)).not.toBeNull();
    const v = { id: entry.id, version: entry.version };
    await expectNothingChanged(() => m.updateEntry(t.db, yanjiu, { ...input(), ...v, title: "篡改" }), NotFoundError, NOT_FOUND_MESSAGE);
    await expectNothingChanged(() => m.deleteEntry(t.db, yanjiu, v), NotFoundError, NOT_FOUND_MESSAGE);
    await expectNothingChanged(() => m.transitionEntry(t.db, yanjiu, "submit", v), NotFoundError, NOT_FOUND_MESSAGE);
    await expectNothingChanged(() => m.addAttachment(t.db, yanjiu, { entryId: entry.id, fileName: "a.pdf", bytes: new Uint8Array(Buffer.from("%PDF-1.4")) }), NotFoundError);
    // A STAFF approving (even an entry of their own office) is refused by the permission table.
    await expectNothingChanged(() => m.transitionEntry(t.db, zonghe, "approve", v), UserFacingError);
    const after = await t.db.ledgerEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(after).toMatchObject({ title: "综合科的记录", status: "DRAFT", version: 1, deletedAt: null });
  });
});

describe("optimistic locking", () => {
  it("of two saves with the same version, the second is refused and the first is kept", async () => {
    const entry = await m.createEntry(t.db, zonghe, input({ title: "原标题" }));
    const base = { ...input(), id: entry.id, version: entry.version };
    await m.updateEntry(t.db, zonghe, { ...base, title: "第一人的修改", quantities: [{ targetId: point1.targets[0].id, value: 2, completes: false }] });
    await expectNothingChanged(() => m.updateEntry(t.db, coordinator, { ...base, title: "第二人的修改" }), ConflictError, CONFLICT_MESSAGE);
    const kept = await t.db.ledgerEntry.findUniqueOrThrow({ where: { id: entry.id }, include: { quantities: true } });
    expect(kept.title).toBe("第一人的修改");
    expect(kept.version).toBe(2);
    expect(kept.quantities.map((q) => q.value)).toEqual([2]);
    await expect(m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: 1 })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("workflow", () => {
  it("draft → submitted → returned (reason) → corrected → resubmitted → approved; every step audited", async () => {
    const entry = await m.createEntry(t.db, zonghe, input({ title: "完整流程" }));
    let v = { id: entry.id, version: entry.version };
    const step = async (user: LedgerUser, action: Parameters<typeof m.transitionEntry>[2], reason?: string) => {
      const after = await m.transitionEntry(t.db, user, action, { ...v, reason });
      v = { id: after.id, version: after.version };
      return after;
    };
    expect((await step(zonghe, "submit")).status).toBe("SUBMITTED");
    await expect(m.updateEntry(t.db, zonghe, { ...input(), ...v, title: "审核中修改" })).rejects.toThrow("请先撤回提交");
    await expect(m.transitionEntry(t.db, coordinator, "return", { ...v, reason: " " })).rejects.toThrow("请填写退回原因");
    const returned = await step(coordinator, "return", "请补充签到表");
    expect(returned).toMatchObject({ status: "RETURNED", returnReason: "请补充签到表", reviewedById: coordinator.id });
    const fixed = await m.updateEntry(t.db, zonghe, { ...input(), ...v, title: "完整流程（已补充）" });
    v = { id: fixed.id, version: fixed.version };
    expect(fixed.status).toBe("RETURNED");
    expect((await step(zonghe, "submit")).status).toBe("SUBMITTED");
    expect((await step(coordinator, "approve")).status).toBe("APPROVED");
    // Approved entries are read-only and cannot be deleted; only the COORDINATOR reopens them.
    await expect(m.updateEntry(t.db, zonghe, { ...input(), ...v })).rejects.toThrow("已通过审核的台账不能修改");
    await expect(m.deleteEntry(t.db, zonghe, v)).rejects.toThrow("已通过审核的台账不能删除");
    await expect(m.transitionEntry(t.db, leader, "reopen", v)).rejects.toThrow();
    expect((await step(coordinator, "reopen")).status).toBe("SUBMITTED");
    const actions = (await t.db.auditLog.findMany({ where: { entity: "LedgerEntry", entityId: String(entry.id) }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["create", "submit", "return", "update", "submit", "approve", "reopen"]);
  });

  it("nobody reviews their own entry", async () => {
    const entry = await m.createEntry(t.db, coordinator, { ...input(), officeId: await officeId(t.db, "机关党委"), title: "法治办代录的记录" });
    const submitted = await m.transitionEntry(t.db, coordinator, "submit", { id: entry.id, version: entry.version });
    await expectNothingChanged(() => m.transitionEntry(t.db, coordinator, "approve", { id: entry.id, version: submitted.version }), UserFacingError, SELF_REVIEW);
    expect((await m.transitionEntry(t.db, leader, "approve", { id: entry.id, version: submitted.version })).status).toBe("APPROVED");
  });

  it("staff can recall a submitted entry to draft", async () => {
    const entry = await m.createEntry(t.db, zonghe, input());
    const submitted = await m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: entry.version });
    const recalled = await m.transitionEntry(t.db, zonghe, "recall", { id: entry.id, version: submitted.version });
    expect(recalled).toMatchObject({ status: "DRAFT", submittedAt: null });
  });
});

describe("four eyes across every cycle (issue 15.5)", () => {
  type V = { id: number; version: number };
  const next = (row: { id: number; version: number }): V => ({ id: row.id, version: row.version });

  it("a coordinator who edited a staff draft cannot approve it after the staff submits it", async () => {
    const entry = await m.createEntry(t.db, zonghe, input({ title: "科室草稿" }));
    const edited = await m.updateEntry(t.db, coordinator, { ...input(), ...next(entry), title: "科室草稿（法治办改）" });
    const submitted = await m.transitionEntry(t.db, zonghe, "submit", next(edited));
    await expectNothingChanged(() => m.transitionEntry(t.db, coordinator, "approve", next(submitted)), UserFacingError, CONTRIBUTOR_REVIEW);
    expect((await m.transitionEntry(t.db, leader, "approve", next(submitted))).status).toBe("APPROVED");
  });

  it("reopen, return, edit, resubmit: the editing coordinator cannot approve, however the entry was submitted", async () => {
    const entry = await m.createEntry(t.db, zonghe, input({ title: "已通过后重开" }));
    let v = next(await m.transitionEntry(t.db, zonghe, "submit", next(entry)));
    // The first cycle is honest: the coordinator took no part and approves.
    v = next(await m.transitionEntry(t.db, coordinator, "approve", v));
    v = next(await m.transitionEntry(t.db, coordinator, "reopen", v));
    v = next(await m.transitionEntry(t.db, coordinator, "return", { ...v, reason: "需要修改" }));
    v = next(await m.updateEntry(t.db, coordinator, { ...input(), ...v, title: "已通过后重开（法治办改）" }));
    // Resubmitted by the staff member: the coordinator still edited this cycle.
    v = next(await m.transitionEntry(t.db, zonghe, "submit", v));
    await expectNothingChanged(() => m.transitionEntry(t.db, coordinator, "approve", v), UserFacingError, CONTRIBUTOR_REVIEW);
    // And in a later cycle, after the staff's own correction, the old edit still counts.
    v = next(await m.transitionEntry(t.db, leader, "return", { ...v, reason: "再核对" }));
    v = next(await m.updateEntry(t.db, zonghe, { ...input(), ...v, title: "已通过后重开（科室核对）" }));
    v = next(await m.transitionEntry(t.db, zonghe, "submit", v));
    await expectNothingChanged(() => m.transitionEntry(t.db, coordinator, "approve", v), UserFacingError, CONTRIBUTOR_REVIEW);
    const approved = await m.transitionEntry(t.db, leader, "approve", v);
    expect(approved).toMatchObject({ status: "APPROVED", reviewedById: leader.id });
  });

  it("a coordinator who submitted a staff draft (without editing it) cannot approve it", async () => {
    const entry = await m.createEntry(t.db, zonghe, input({ title: "代为提交" }));
    const submitted = await m.transitionEntry(t.db, coordinator, "submit", next(entry));
    await expectNothingChanged(() => m.transitionEntry(t.db, coordinator, "approve", next(submitted)), UserFacingError, CONTRIBUTOR_REVIEW);
    expect((await m.transitionEntry(t.db, leader, "approve", next(submitted))).status).toBe("APPROVED");
  });

  it("a coordinator who added or removed evidence cannot approve", async () => {
    const entry = await m.createEntry(t.db, zonghe, input({ title: "法治办补材料" }));
    const file = await m.addAttachment(t.db, coordinator, { entryId: entry.id, fileName: "签到表.pdf", bytes: new Uint8Array(PDF_BYTES) });
    const submitted = await m.transitionEntry(t.db, zonghe, "submit", next(entry));
    await expectNothingChanged(() => m.transitionEntry(t.db, coordinator, "approve", next(submitted)), UserFacingError, CONTRIBUTOR_REVIEW);

    const other = await m.createEntry(t.db, zonghe, input({ title: "法治办删材料" }));
    const staffFile = await m.addAttachment(t.db, zonghe, { entryId: other.id, fileName: "签到表.pdf", bytes: new Uint8Array(PDF_BYTES) });
    await m.removeAttachment(t.db, coordinator, { id: staffFile.id });
    const otherSubmitted = await m.transitionEntry(t.db, zonghe, "submit", next(other));
    await expectNothingChanged(() => m.transitionEntry(t.db, coordinator, "approve", next(otherSubmitted)), UserFacingError, CONTRIBUTOR_REVIEW);
    expect(file.entryId).toBe(entry.id);
  });

  it("a reviewer who only returned the entry may approve it after the staff's correction", async () => {
    const entry = await m.createEntry(t.db, zonghe, input({ title: "仅退回" }));
    let v = next(await m.transitionEntry(t.db, zonghe, "submit", next(entry)));
    v = next(await m.transitionEntry(t.db, coordinator, "return", { ...v, reason: "补充" }));
    v = next(await m.updateEntry(t.db, zonghe, { ...input(), ...v, title: "仅退回（已补充）" }));
    v = next(await m.transitionEntry(t.db, zonghe, "submit", v));
    expect((await m.transitionEntry(t.db, coordinator, "approve", v)).status).toBe("APPROVED");
  });
});

describe("soft delete and restore", () => {
  it("deletes softly (audited), hides the entry, and only the COORDINATOR restores it", async () => {
    const entry = await m.createEntry(t.db, zonghe, input({ title: "将被删除" }));
    await m.deleteEntry(t.db, zonghe, { id: entry.id, version: entry.version });
    const row = await t.db.ledgerEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(await getEntryDetail(t.db, zonghe, entry.id)).toBeNull();
    expect(await getEntryDetail(t.db, coordinator, entry.id)).not.toBeNull();
    await expectNothingChanged(() => m.restoreEntry(t.db, zonghe, { id: entry.id, version: row.version }), UserFacingError);
    await expectNothingChanged(() => m.restoreEntry(t.db, leader, { id: entry.id, version: row.version }), UserFacingError);
    await expectNothingChanged(() => m.transitionEntry(t.db, coordinator, "submit", { id: entry.id, version: row.version }), UserFacingError, "已删除");
    await m.restoreEntry(t.db, coordinator, { id: entry.id, version: row.version });
    expect((await getEntryDetail(t.db, zonghe, entry.id))?.deletedAt).toBeNull();
    const actions = (await t.db.auditLog.findMany({ where: { entity: "LedgerEntry", entityId: String(entry.id) }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["create", "delete", "restore"]);
  });
});
