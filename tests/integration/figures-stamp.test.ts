import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { changeStamp, figuresStamp } from "@/lib/dashboard/cache";
import * as m from "@/lib/ledger/mutations";
import type { LedgerUser } from "@/lib/ledger/access";
import type { CreateEntryInput } from "@/lib/ledger/schemas";
import { ledgerUser, pointOf } from "@/tests/support/ledger-helpers";

const YEAR = 2025;
let t: TestDb;
let zonghe: LedgerUser;
let coordinator: LedgerUser;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  // This file tests the workflow and the figures; the evidence rule has its own tests (evidence-rules.test.ts).
  await t.db.unitSettings.update({ where: { id: 1 }, data: { evidenceKinds: "" } });
  zonghe = await ledgerUser(t.db, "staff-zonghe");
  coordinator = await ledgerUser(t.db, "coordinator");
});
afterAll(() => t?.cleanup());

// The dashboard's memo is keyed on figuresStamp: drafting must leave it alone (every change still
// moves changeStamp), while anything the figures count (submission, approval) must move it.
describe("the figures stamp", () => {
  it("stays put while a draft is created and edited, and moves on submit and approve", async () => {
    const point = await pointOf(t.db, YEAR, 1);
    const before = { all: await changeStamp(t.db), figures: await figuresStamp(t.db) };
    const input: CreateEntryInput = {
      pointId: point.id,
      date: new Date(`${YEAR}-05-06T00:00:00Z`),
      title: "专题学习：草稿",
      form: "集中学习",
      description: "",
      participants: "",
      category: "NORMAL",
      linkedEntryId: null,
      quantities: [{ targetId: point.targets[0].id, value: 1, completes: false }],
    };
    const entry = await m.createEntry(t.db, zonghe, input);
    const edited = await m.updateEntry(t.db, zonghe, { ...input, id: entry.id, version: entry.version, title: "专题学习：改过的草稿" });
    expect(await changeStamp(t.db)).not.toBe(before.all);
    expect(await figuresStamp(t.db)).toBe(before.figures);

    const submitted = await m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: edited!.version });
    const afterSubmit = await figuresStamp(t.db);
    expect(afterSubmit).not.toBe(before.figures);
    await m.transitionEntry(t.db, coordinator, "approve", { id: entry.id, version: submitted.version });
    expect(await figuresStamp(t.db)).not.toBe(afterSubmit);
  });
});
