/**
 * 协办 links never go stale: a lead office's record with live 协办 entries cannot be deleted, a 协办
 * entry is not restored while its lead record is deleted, and while the lead record is returned the
 * link is kept (the event counts once, through the lead record, when that is approved again).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { tableFingerprints } from "@/tests/support/fingerprint";
import { UserFacingError } from "@/lib/action-state";
import type { LedgerUser } from "@/lib/ledger/access";
import * as m from "@/lib/ledger/mutations";
import type { CreateEntryInput } from "@/lib/ledger/schemas";
import { targetTotals } from "@/lib/ledger/totals";
import { MESSAGES, leadHasLinks, linkedLeadDeleted } from "@/lib/ledger/validate";
import { ledgerUser, officeId, pointOf } from "@/tests/support/ledger-helpers";

const YEAR = 2026;
let t: TestDb;
let zonghe: LedgerUser;
let coordinator: LedgerUser;
let leader: LedgerUser;
let p4: Awaited<ReturnType<typeof pointOf>>;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  // This file tests the workflow and the figures; the evidence rule has its own tests (evidence-rules.test.ts).
  await t.db.unitSettings.update({ where: { id: 1 }, data: { evidenceKinds: "" } });
  [zonghe, coordinator, leader] = await Promise.all(["staff-zonghe", "coordinator", "leader"].map((u) => ledgerUser(t.db, u)));
  p4 = await pointOf(t.db, YEAR, 4);
});
afterAll(async () => t.cleanup());

const people = () => p4.targets.find((x) => x.subject === "培训人数")!;

function fields(title: string, value: number, linkedEntryId: number | null = null): Omit<CreateEntryInput, "officeId"> {
  return {
    pointId: p4.id, date: new Date(`${YEAR}-07-01T00:00:00Z`), title, form: "培训班", description: "", participants: "", category: "NORMAL",
    linkedEntryId, quantities: [{ targetId: people().id, value, completes: false }],
  };
}

async function expectRefusedUnchanged(call: () => Promise<unknown>, message: string) {
  const before = await tableFingerprints(t.db);
  await expect(call()).rejects.toThrow(message);
  await expect(call()).rejects.toBeInstanceOf(UserFacingError);
  expect(await tableFingerprints(t.db)).toEqual(before);
}

const approvedPeople = async () => (await targetTotals(t.db, [people()])).get(people().id)!.approved;
const row = (id: number) => t.db.ledgerEntry.findUniqueOrThrow({ where: { id } });
const auditActions = async (id: number) =>
  (await t.db.auditLog.findMany({ where: { entity: "LedgerEntry", entityId: String(id) }, orderBy: { id: "asc" } })).map((a) => a.action);

describe("协办 links and the lead office's record", () => {
  it("refuses deleting a linked lead record, keeps the link through a return, counts the event once, and restores in order", async () => {
    const base = await approvedPeople();
    // The COORDINATOR records the lead office's (人事科) training and submits it; 综合科 links its 协办 entry.
    const leadDraft = await m.createEntry(t.db, coordinator, { ...fields("法治培训（人事科牵头）", 60), officeId: await officeId(t.db, "人事科") });
    let lead = await m.transitionEntry(t.db, coordinator, "submit", leadDraft);
    const coHost = await m.createEntry(t.db, zonghe, fields("配合法治培训（会务）", 60, lead.id));

    // 1. The lead record cannot be deleted while the 协办 entry points at it.
    await expectRefusedUnchanged(() => m.deleteEntry(t.db, coordinator, lead), leadHasLinks([coHost.id]));
    expect(leadHasLinks([coHost.id])).toContain("不能删除");

    // 2. Returned: the link stays, and 综合科 can still correct its entry keeping it.
    lead = await m.transitionEntry(t.db, leader, "return", { ...lead, reason: "请补充签到表" });
    const corrected = await m.updateEntry(t.db, zonghe, { ...fields("配合法治培训（会务、签到）", 60, lead.id), id: coHost.id, version: coHost.version });
    expect(corrected.linkedEntryId).toBe(lead.id);
    // A new link still needs a submitted or approved lead record.
    await expectRefusedUnchanged(() => m.createEntry(t.db, zonghe, fields("另一条协办", 5, lead.id)), MESSAGES.linkMissing);
    await expectRefusedUnchanged(() => m.deleteEntry(t.db, coordinator, lead), leadHasLinks([coHost.id]));

    // 3. Both approved: the event counts once, through the lead record.
    lead = await m.transitionEntry(t.db, coordinator, "submit", lead);
    lead = await m.transitionEntry(t.db, leader, "approve", lead);
    const submitted = await m.transitionEntry(t.db, zonghe, "submit", corrected);
    await m.transitionEntry(t.db, coordinator, "approve", submitted);
    expect(await approvedPeople()).toBe(base + 60);

    // 4. Once the 协办 entry is gone the lead record may go; the 协办 entry comes back only after it.
    const coHostNow = await m.transitionEntry(t.db, coordinator, "reopen", await row(coHost.id));
    await m.deleteEntry(t.db, zonghe, coHostNow);
    lead = await m.transitionEntry(t.db, coordinator, "reopen", lead);
    await m.deleteEntry(t.db, coordinator, lead);
    expect(await approvedPeople()).toBe(base);
    const deletedCoHost = await row(coHost.id);
    await expectRefusedUnchanged(() => m.restoreEntry(t.db, coordinator, deletedCoHost), linkedLeadDeleted(lead.id));
    await m.restoreEntry(t.db, coordinator, await row(lead.id));
    await m.restoreEntry(t.db, coordinator, await row(coHost.id));
    expect((await row(coHost.id)).deletedAt).toBeNull();
    expect(await auditActions(lead.id)).toEqual(["create", "submit", "return", "submit", "approve", "reopen", "delete", "restore"]);
  });

  it("a lead record without live links is deleted as before", async () => {
    const draft = await m.createEntry(t.db, coordinator, { ...fields("无协办的牵头记录", 3), officeId: await officeId(t.db, "人事科") });
    const submitted = await m.transitionEntry(t.db, coordinator, "submit", draft);
    const deletedLink = await m.createEntry(t.db, zonghe, fields("已删除的协办", 3, submitted.id));
    await m.deleteEntry(t.db, zonghe, deletedLink);
    await m.deleteEntry(t.db, coordinator, submitted);
    expect((await row(submitted.id)).deletedAt).not.toBeNull();
  });
});
