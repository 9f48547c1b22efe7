/**
 * The report's 署名 and 落款日期 come from the unit settings (lib/report/output.ts), the report's
 * title and 署名 can be edited, and an empty part 五 is left out of the export.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor, createTestDb, onPostgres, tableCounts, userByName, type TestDb } from "@/tests/support/test-db";
import { ConflictError } from "@/lib/action-state";
import { migrateSqlite, migrationDirs } from "@/lib/migrate";
import { updateSettings } from "@/lib/admin/mutations";
import { updateSettingsSchema } from "@/lib/admin/schemas";
import * as report from "@/lib/report/mutations";
import { getReportView, loadReportForExport } from "@/lib/report/queries";

let t: TestDb;
let admin: ReturnType<typeof actor>;
let coordinator: ReturnType<typeof actor>;
const UNIT = "XX市政协办公室";
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  admin = actor(await userByName(t.db, "admin"));
  coordinator = actor(await userByName(t.db, "coordinator"));
  await report.generateReport(t.db, coordinator, { year: 2025 });
});
afterAll(async () => t.cleanup());

async function saveSettings(fields: { unitName?: string; signature?: string; reportDate?: string }) {
  const current = await t.db.unitSettings.findUniqueOrThrow({ where: { id: 1 } });
  const input = updateSettingsSchema.parse({
    version: String(current.version),
    unitName: fields.unitName ?? current.unitName,
    signature: fields.signature ?? current.signature,
    reportDate: fields.reportDate ?? (current.reportDate ? iso(current.reportDate) : ""),
  });
  return updateSettings(t.db, admin, input);
}

const reportVersion = async () => (await t.db.annualReport.findUniqueOrThrow({ where: { year: 2025 } })).version;

describe("unit settings: 落款日期", () => {
  it("saves the date with its audit row, and refuses a stale version without writing", async () => {
    const saved = await saveSettings({ reportDate: "2026-01-15" });
    expect(iso(saved.reportDate!)).toBe("2026-01-15");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "UnitSettings", action: "update" }, orderBy: { id: "desc" } });
    expect(audit.username).toBe("admin");
    expect(JSON.parse(audit.before!).reportDate).toBeNull();
    expect(JSON.parse(audit.after!).reportDate).toBe("2026-01-15T00:00:00.000Z");

    const before = await tableCounts(t.db);
    const stale = updateSettingsSchema.parse({ version: String(saved.version - 1), unitName: UNIT, signature: UNIT, reportDate: "" });
    await expect(updateSettings(t.db, admin, stale)).rejects.toBeInstanceOf(ConflictError);
    expect(await tableCounts(t.db)).toEqual(before);
    expect(iso((await t.db.unitSettings.findUniqueOrThrow({ where: { id: 1 } })).reportDate!)).toBe("2026-01-15");
  });

  it("refuses an impossible date with a Chinese message", () => {
    const result = updateSettingsSchema.safeParse({ version: "1", unitName: UNIT, signature: UNIT, reportDate: "2026-02-30" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/^落款日期无效/);
  });
});

describe("署名 and 落款日期 of the report follow the settings", () => {
  it("prints the signing date, else the settings' date for its report year, else today", async () => {
    const now = new Date("2026-02-03T20:00:00.000Z"); // 4 February in Beijing
    expect(iso((await loadReportForExport(t.db, 2025, now))!.date)).toBe("2026-01-15");
    await t.db.annualReport.update({ where: { year: 2025 }, data: { signedOn: day("2026-01-20") } });
    expect(iso((await loadReportForExport(t.db, 2025, now))!.date)).toBe("2026-01-20"); // the signing date wins (issue 16)
    await saveSettings({ reportDate: "" });
    expect(iso((await loadReportForExport(t.db, 2025, now))!.date)).toBe("2026-01-20");
    await t.db.annualReport.update({ where: { year: 2025 }, data: { signedOn: null } });
    expect(iso((await loadReportForExport(t.db, 2025, now))!.date)).toBe("2026-02-04");
    await saveSettings({ reportDate: "2025-01-10" }); // signs the 2024 report, not this one
    const view = (await getReportView(t.db, 2025))!;
    expect(view.signDate.source).toBe("today");
    await saveSettings({ reportDate: "" });
  });

  it("stores no copy of the 署名 at generation: a later settings change reaches the report", async () => {
    const stored = await t.db.annualReport.findUniqueOrThrow({ where: { year: 2025 } });
    expect(stored.signature).toBe("");
    expect((await loadReportForExport(t.db, 2025))!.signature).toBe(UNIT);
    await saveSettings({ signature: "政协XX市委员会办公室" });
    expect((await loadReportForExport(t.db, 2025))!.signature).toBe("政协XX市委员会办公室");
    expect((await getReportView(t.db, 2025))!).toMatchObject({ signature: "政协XX市委员会办公室", signatureOverride: "", unitSignature: "政协XX市委员会办公室" });
  });
});

describe("editing the title and the 署名 of a report", () => {
  it("overrides the 署名 and the title, audited; blank restores the defaults", async () => {
    const version = await reportVersion();
    const result = await report.updateReportHeader(t.db, coordinator, { year: 2025, version, title: "XX市政协办公室关于2025年法治建设情况的报告", signature: "XX市政协办公室法治办" });
    expect(result).toMatchObject({ changed: true, version: version + 1 });
    const exported = (await loadReportForExport(t.db, 2025))!;
    expect(exported).toMatchObject({ title: "XX市政协办公室关于2025年法治建设情况的报告", signature: "XX市政协办公室法治办" });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "AnnualReport", action: "update" }, orderBy: { id: "desc" } });
    expect(JSON.parse(audit.before!)).toMatchObject({ signature: "", title: "XX市政协办公室2025年法治建设年度工作报告" });
    expect(JSON.parse(audit.after!)).toMatchObject({ signature: "XX市政协办公室法治办", version: version + 1 });
    // A settings change no longer reaches a report with its own 署名.
    await saveSettings({ signature: UNIT });
    expect((await loadReportForExport(t.db, 2025))!.signature).toBe("XX市政协办公室法治办");

    // Blank fields: the title from the unit's name now, the 署名 from the settings again.
    await saveSettings({ unitName: "XX市政协机关" });
    await report.updateReportHeader(t.db, coordinator, { year: 2025, version: version + 1, title: "", signature: "" });
    const reset = (await loadReportForExport(t.db, 2025))!;
    expect(reset).toMatchObject({ title: "XX市政协机关2025年法治建设年度工作报告", signature: UNIT });
    expect(reset.preface).toMatch(/^2025年，XX市政协机关坚持/);
    await saveSettings({ unitName: UNIT });
    // Typing the settings' 署名 stores no override; the same values again are no new version.
    const current = await reportVersion();
    const same = await report.updateReportHeader(t.db, coordinator, { year: 2025, version: current, title: reset.title, signature: UNIT });
    expect(same).toEqual({ changed: false, version: current, title: reset.title, signature: "" });
  });

  it("refuses a stale version and a report under review, changing nothing", async () => {
    const before = await tableCounts(t.db);
    const stored = await t.db.annualReport.findUniqueOrThrow({ where: { year: 2025 } });
    await expect(report.updateReportHeader(t.db, coordinator, { year: 2025, version: stored.version - 1, title: "过期", signature: "" })).rejects.toBeInstanceOf(ConflictError);
    await t.db.annualReport.update({ where: { year: 2025 }, data: { status: "IN_REVIEW" } });
    await expect(report.updateReportHeader(t.db, coordinator, { year: 2025, version: stored.version, title: "送审后", signature: "" })).rejects.toThrow(/已送审/);
    await t.db.annualReport.update({ where: { year: 2025 }, data: { status: "DRAFT" } });
    expect(await tableCounts(t.db)).toEqual(before);
    const { updatedAt: _touched, ...unchanged } = stored; // the test's own status flips touch updatedAt
    expect(await t.db.annualReport.findUniqueOrThrow({ where: { year: 2025 } })).toMatchObject(unchanged);
  });
});

describe("part 五 in the export", () => {
  it("is left out while it says “无。”, and printed once it says something; the editor still shows it", async () => {
    expect((await t.db.reportPart.findFirstOrThrow({ where: { key: "part5", report: { year: 2025 } } })).content).toBe("无。");
    expect((await loadReportForExport(t.db, 2025))!.parts.map((p) => p.key)).toEqual(["part1", "part2", "part3", "part4"]);
    expect((await getReportView(t.db, 2025))!.parts.map((p) => p.key)).toContain("part5");
    await report.saveReportPart(t.db, coordinator, { year: 2025, key: "part5", version: 1, content: "2025年，机关接受了专项督察，反馈问题已全部整改。" });
    const parts = (await loadReportForExport(t.db, 2025))!.parts;
    expect(parts.map((p) => p.key)).toEqual(["part1", "part2", "part3", "part4", "part5"]);
    expect(parts[4]).toMatchObject({ heading: "五、其他需要报告的情况", content: "2025年，机关接受了专项督察，反馈问题已全部整改。" });
  });
});

describe.skipIf(onPostgres)("migration 0003_report_sign_off", () => {
  it("adds the nullable 落款日期 and lets existing reports follow the settings' 署名", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-0003-"));
    try {
      const file = path.join(dir, "old.db");
      const db = new Database(file);
      db.exec(`CREATE TABLE "_portal_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
      for (const m of migrationDirs("sqlite").filter((m) => m.name < "0003")) {
        db.exec(m.sql);
        db.prepare(`INSERT INTO "_portal_migrations" VALUES (?, ?)`).run(m.name, new Date().toISOString());
      }
      db.prepare(`INSERT INTO "UnitSettings" ("id", "unitName", "signature", "updatedAt") VALUES (1, ?, ?, ?)`).run(UNIT, UNIT, new Date().toISOString());
      db.prepare(`INSERT INTO "AnnualReport" ("year", "title", "signature", "updatedAt") VALUES (2025, ?, ?, ?)`).run("标题", UNIT, new Date().toISOString());
      db.close();
      expect(migrateSqlite(file)).toContain("0003_report_sign_off");
      const after = new Database(file, { readonly: true });
      expect(after.prepare(`SELECT "signature" FROM "AnnualReport"`).get()).toEqual({ signature: "" });
      expect(after.prepare(`SELECT "unitName", "reportDate" FROM "UnitSettings"`).get()).toEqual({ unitName: UNIT, reportDate: null });
      after.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
