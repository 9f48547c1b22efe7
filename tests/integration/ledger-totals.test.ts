import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, tableCounts, type TestDb } from "@/tests/support/test-db";
import { UserFacingError } from "@/lib/action-state";
import type { LedgerUser } from "@/lib/ledger/access";
import * as m from "@/lib/ledger/mutations";
import { approvedEntryCounts, approvedTargetAggregates, targetTotals } from "@/lib/ledger/totals";
import { checkQuantity, MESSAGES } from "@/lib/ledger/validate";
import { ledgerUser, officeId, pointOf } from "@/tests/support/ledger-helpers";

const YEAR = 2026;
let t: TestDb;
let zonghe: LedgerUser;
let coordinator: LedgerUser;
let leader: LedgerUser;

const day = (s: string) => new Date(`${s}T00:00:00Z`);

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  // This file tests the workflow and the figures; the evidence rule has its own tests (evidence-rules.test.ts).
  await t.db.unitSettings.update({ where: { id: 1 }, data: { evidenceKinds: "" } });
  [zonghe, coordinator, leader] = await Promise.all(["staff-zonghe", "coordinator", "leader"].map((u) => ledgerUser(t.db, u)));
});
afterAll(async () => t.cleanup());

async function approve(entry: { id: number; version: number }) {
  const submitted = await m.transitionEntry(t.db, zonghe, "submit", entry);
  return m.transitionEntry(t.db, coordinator, "approve", { id: entry.id, version: submitted.version });
}

describe("approved totals", () => {
  it("the 2025 demo ledger: 6 approved study sessions, 412 人次 from one training", async () => {
    const p1 = await pointOf(t.db, 2025, 1);
    const p4 = await pointOf(t.db, 2025, 4);
    const ids = [...p1.targets, ...p4.targets].map((x) => x.id);
    const aggregates = await approvedTargetAggregates(t.db, ids);
    const study = aggregates.find((a) => a.targetId === p1.targets[0].id)!;
    expect(study).toMatchObject({ sum: 6, entryCount: 6, completed: false, firstDate: day("2025-03-12"), lastDate: day("2025-12-04"), latestValue: 1 });
    const people = aggregates.find((a) => a.targetId === p4.targets.find((x) => x.subject === "培训人数")!.id)!;
    expect(people.sum).toBe(412);
  });

  it("a submitted entry does not count; it shows as pending until approved", async () => {
    const p1 = await pointOf(t.db, YEAR, 1);
    const target = p1.targets[0];
    // The seed's current-year point 1 has one SUBMITTED study session.
    let totals = (await targetTotals(t.db, [target])).get(target.id)!;
    expect(totals).toMatchObject({ approved: 0, approvedEntries: 0, pending: 1, pendingEntries: 1 });

    const entry = await m.createEntry(t.db, zonghe, {
      pointId: p1.id, date: day(`${YEAR}-03-01`), title: "专题学习", form: "集中学习", description: "", participants: "", category: "NORMAL", linkedEntryId: null,
      quantities: [{ targetId: target.id, value: 1, completes: false }],
    });
    totals = (await targetTotals(t.db, [target])).get(target.id)!;
    expect(totals).toMatchObject({ approved: 0, pending: 1 }); // a draft is neither
    const submitted = await m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: entry.version });
    expect((await targetTotals(t.db, [target])).get(target.id)).toMatchObject({ approved: 0, pending: 2, pendingEntries: 2 });
    await m.transitionEntry(t.db, coordinator, "approve", { id: entry.id, version: submitted.version });
    expect((await targetTotals(t.db, [target])).get(target.id)).toMatchObject({ approved: 1, approvedEntries: 1, pending: 1 });
    expect((await approvedEntryCounts(t.db, [p1.id])).get(p1.id)).toBe(1);
  });

  it("a deleted entry stops counting", async () => {
    const p1 = await pointOf(t.db, YEAR, 1);
    const target = p1.targets[0];
    const before = (await targetTotals(t.db, [target])).get(target.id)!.approved;
    const entry = await m.createEntry(t.db, zonghe, {
      pointId: p1.id, date: day(`${YEAR}-04-01`), title: "将撤回删除", form: "集中学习", description: "", participants: "", category: "NORMAL", linkedEntryId: null,
      quantities: [{ targetId: target.id, value: 1, completes: false }],
    });
    const approved = await approve(entry);
    expect((await targetTotals(t.db, [target])).get(target.id)!.approved).toBe(before + 1);
    const reopened = await m.transitionEntry(t.db, coordinator, "reopen", { id: entry.id, version: approved.version });
    expect((await targetTotals(t.db, [target])).get(target.id)!.approved).toBe(before);
    await m.deleteEntry(t.db, zonghe, { id: entry.id, version: reopened.version });
    expect((await targetTotals(t.db, [target])).get(target.id)!.approved).toBe(before);
  });
});

describe("协办 (cooperating office's linked entry)", () => {
  it("is never counted twice: 人事科's 120 人次 stay 120 after 综合科's linked record is approved", async () => {
    const p4 = await pointOf(t.db, YEAR, 4);
    const people = p4.targets.find((x) => x.subject === "培训人数")!;
    const classes = p4.targets.find((x) => x.subject === "专题培训班")!;
    const lead = await t.db.ledgerEntry.findFirstOrThrow({ where: { workPointId: p4.id, officeId: await officeId(t.db, "人事科"), status: "APPROVED" } });
    const before = await targetTotals(t.db, [people, classes]);
    expect(before.get(people.id)!.approved).toBe(120);

    const linked = await m.createEntry(t.db, zonghe, {
      pointId: p4.id, date: day(`${YEAR}-03-15`), title: "配合举办法治专题培训班", form: "培训班", description: "负责会务和签到。", participants: "", category: "NORMAL",
      linkedEntryId: lead.id,
      quantities: [{ targetId: people.id, value: 120, completes: false }, { targetId: classes.id, value: 1, completes: false }],
    });
    expect(linked.linkedEntryId).toBe(lead.id);
    await approve(linked);
    const after = await targetTotals(t.db, [people, classes]);
    expect(after.get(people.id)!.approved).toBe(120);
    expect(after.get(classes.id)!.approved).toBe(1);
    // Without the link the same record would count.
    const unlinked = await m.createEntry(t.db, zonghe, {
      pointId: p4.id, date: day(`${YEAR}-05-10`), title: "综合科自办培训", form: "培训班", description: "", participants: "", category: "NORMAL", linkedEntryId: null,
      quantities: [{ targetId: people.id, value: 30, completes: false }],
    });
    await approve(unlinked);
    expect((await targetTotals(t.db, [people])).get(people.id)!.approved).toBe(150);
  });

  it("links only to the lead office's record of the same point; the lead office cannot link", async () => {
    const p4 = await pointOf(t.db, YEAR, 4);
    const p1 = await pointOf(t.db, YEAR, 1);
    const otherPoint = await t.db.ledgerEntry.findFirstOrThrow({ where: { workPointId: p1.id } });
    const own = await t.db.ledgerEntry.findFirstOrThrow({ where: { workPointId: p4.id, officeId: zonghe.officeId! } });
    const lead = await t.db.ledgerEntry.findFirstOrThrow({ where: { workPointId: p4.id, officeId: await officeId(t.db, "人事科") } });
    const base = { pointId: p4.id, date: day(`${YEAR}-03-15`), title: "x", form: "培训班" as const, description: "", participants: "", category: "NORMAL" as const, quantities: [] };
    const before = await tableCounts(t.db);
    await expect(m.createEntry(t.db, zonghe, { ...base, linkedEntryId: otherPoint.id })).rejects.toThrow(MESSAGES.linkMissing);
    await expect(m.createEntry(t.db, zonghe, { ...base, linkedEntryId: own.id })).rejects.toThrow(MESSAGES.linkMissing);
    await expect(m.createEntry(t.db, coordinator, { ...base, officeId: lead.officeId, linkedEntryId: lead.id })).rejects.toThrow(MESSAGES.leadCannotLink);
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe("quantity rules per target kind", () => {
  const target = (kind: string) => ({ id: 9, subject: "指标", kind });
  it.each([
    ["COUNT", 3, false, { targetId: 9, value: 3, completes: false }],
    ["COUNT", 0, false, null],
    ["SUM", 85, false, { targetId: 9, value: 85, completes: false }],
    ["PERCENT", 87.5, false, { targetId: 9, value: 87.5, completes: false }],
    ["BOOLEAN", 0, true, { targetId: 9, value: 1, completes: true }],
    ["BOOLEAN", 5, false, null],
  ] as const)("%s %d completes=%s", (kind, value, completes, expected) => {
    expect(checkQuantity(target(kind), { targetId: 9, value, completes })).toEqual(expected);
  });
  it.each([
    ["COUNT", 1.5, "整数"],
    ["SUM", 0.1, "整数"],
    ["PERCENT", 100.5, "0 到 100"],
    ["COUNT", 100_001, "0 到 100000"],
    ["COUNT", -1, "0 到 100000"],
  ] as const)("refuses %s %d", (kind, value, message) => {
    expect(() => checkQuantity(target(kind), { targetId: 9, value, completes: false })).toThrow(message);
    expect(() => checkQuantity(target(kind), { targetId: 9, value, completes: false })).toThrow(UserFacingError);
  });

  it("a LEADER approves any office's entry", async () => {
    const p1 = await pointOf(t.db, YEAR, 1);
    const entry = await m.createEntry(t.db, zonghe, {
      pointId: p1.id, date: day(`${YEAR}-06-01`), title: "领导审核", form: "集中学习", description: "", participants: "", category: "NORMAL", linkedEntryId: null, quantities: [],
    });
    const submitted = await m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: entry.version });
    expect((await m.transitionEntry(t.db, leader, "approve", { id: entry.id, version: submitted.version })).status).toBe("APPROVED");
  });
});
