/**
 * Issue 20, "figures must lead to evidence": an entry counting toward a target needs one evidence
 * file before 提交 (per the unit's setting of target kinds); the refusal writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import type { LedgerUser } from "@/lib/ledger/access";
import * as m from "@/lib/ledger/mutations";
import { ledgerUser, pointOf, PDF_BYTES } from "@/tests/support/ledger-helpers";
import { tableFingerprints } from "@/tests/support/fingerprint";
import { updateSettings } from "@/lib/admin/mutations";
import { updateSettingsSchema } from "@/lib/admin/schemas";
import { actor, userByName } from "@/tests/support/test-db";

const YEAR = 2026;
let t: TestDb;
let zonghe: LedgerUser;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  zonghe = await ledgerUser(t.db, "staff-zonghe");
});
afterAll(async () => t.cleanup());

async function entryCounting(value: number) {
  const point = await pointOf(t.db, YEAR, 1);
  return m.createEntry(t.db, zonghe, {
    pointId: point.id,
    date: new Date(`${YEAR}-05-10T00:00:00Z`),
    title: `佐证规则测试 ${value}`,
    form: "集中学习",
    description: "",
    participants: "",
    category: "NORMAL",
    linkedEntryId: null,
    quantities: [{ targetId: point.targets[0].id, value, completes: false }],
  });
}

describe("the evidence rule", () => {
  it("refuses to submit an entry that counts toward a target without a file, and changes nothing", async () => {
    const entry = await entryCounting(1);
    const before = await tableFingerprints(t.db);
    await expect(m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: entry.version })).rejects.toThrow(
      /该记录计入量化指标“专题学习”，提交前请至少上传一份佐证材料/,
    );
    expect(await tableFingerprints(t.db)).toEqual(before);

    await m.addAttachment(t.db, zonghe, { entryId: entry.id, fileName: "签到表.pdf", bytes: new Uint8Array(PDF_BYTES) });
    const fresh = await t.db.ledgerEntry.findUniqueOrThrow({ where: { id: entry.id } });
    await expect(m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: fresh.version })).resolves.toMatchObject({ status: "SUBMITTED" });
  });

  it("an entry that counts toward no target needs no file", async () => {
    const entry = await entryCounting(0);
    await expect(m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: entry.version })).resolves.toMatchObject({ status: "SUBMITTED" });
  });

  it("follows the unit's setting: kinds left out need no file", async () => {
    await t.db.unitSettings.update({ where: { id: 1 }, data: { evidenceKinds: "SUM,BOOLEAN" } });
    const entry = await entryCounting(2);
    await expect(m.transitionEntry(t.db, zonghe, "submit", { id: entry.id, version: entry.version })).resolves.toMatchObject({ status: "SUBMITTED" });
    await t.db.unitSettings.update({ where: { id: 1 }, data: { evidenceKinds: "COUNT,SUM,PERCENT,BOOLEAN" } });
  });

  it("is set in the unit settings; a form without its fields leaves it as it is", async () => {
    const admin = actor(await userByName(t.db, "admin"));
    const save = async (extra: Record<string, string>) => {
      const current = await t.db.unitSettings.findUniqueOrThrow({ where: { id: 1 } });
      const input = updateSettingsSchema.parse({ version: String(current.version), unitName: current.unitName, signature: current.signature, ...extra });
      await updateSettings(t.db, admin, input);
      return t.db.unitSettings.findUniqueOrThrow({ where: { id: 1 } });
    };
    expect(await save({ evidenceRules: "1", evidence_COUNT: "on", evidence_BOOLEAN: "on", coHostWindowDays: "45" })).toMatchObject({ evidenceKinds: "COUNT,BOOLEAN", coHostWindowDays: 45 });
    expect(await save({})).toMatchObject({ evidenceKinds: "COUNT,BOOLEAN", coHostWindowDays: 45 });
    expect(await save({ evidenceRules: "1" })).toMatchObject({ evidenceKinds: "" });
    expect(updateSettingsSchema.safeParse({ version: "1", unitName: "XX市政协办公室", signature: "XX市政协办公室", coHostWindowDays: "-3" }).success).toBe(false);
    await save({ evidenceRules: "1", evidence_COUNT: "on", evidence_SUM: "on", evidence_PERCENT: "on", evidence_BOOLEAN: "on", coHostWindowDays: "31" });
  });
});
