/**
 * Issue 15 (等保 2.0 audit): rows older than the retention period are purged, younger ones cannot be
 * deleted by anyone (a trigger, on SQLite and PostgreSQL), the 安全审计员's export is filtered,
 * readable and itself audited with the client address, and audit rows written inside a request
 * carry that request's client address.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, userByName, type TestDb } from "@/tests/support/test-db";
import { sessionFor } from "@/tests/security/personas";
import { purgeExpiredAudit } from "@/lib/audit-log/retention";

let currentSession: unknown = null;
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => currentSession) };
});

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: true });
  // The route handler uses the app's client (lib/db), which reads DATABASE_URL when first imported.
  process.env.DATABASE_URL = t.url;
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

const DAY = 86_400_000;

async function insertAuditAt(at: Date, action: string) {
  await t.db.$executeRaw`
    INSERT INTO "AuditLog" ("userId", "username", "role", "at", "entity", "entityId", "action", "before", "after", "ip", "affectsFigures")
    VALUES (${null}, ${"retention-test"}, ${""}, ${at}, ${"System"}, ${""}, ${action}, ${null}, ${null}, ${"10.1.1.1"}, ${false})`;
}

describe("audit retention", () => {
  it("purges rows past the retention period and keeps the rest", async () => {
    const now = new Date();
    await insertAuditAt(new Date(now.getTime() - 400 * DAY), "retention.old");
    await insertAuditAt(new Date(now.getTime() - 200 * DAY), "retention.middle");
    await insertAuditAt(new Date(now.getTime() - 100 * DAY), "retention.young");
    expect(await purgeExpiredAudit(t.db, now, 365)).toBe(1);
    const left = await t.db.auditLog.findMany({ where: { username: "retention-test" }, select: { action: true } });
    expect(left.map((r) => r.action).sort()).toEqual(["retention.middle", "retention.young"]);
    // A retention below the floor counts as 180 days.
    expect(await purgeExpiredAudit(t.db, now, 30)).toBe(1);
    expect(await t.db.auditLog.count({ where: { username: "retention-test" } })).toBe(1);
  });

  it("the database refuses to delete a row younger than 180 days, or to change any row", async () => {
    const before = await t.db.auditLog.count();
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "AuditLog" WHERE "username" = 'retention-test'`)).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    await insertAuditAt(new Date(Date.now() - 179 * DAY), "retention.179");
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "AuditLog" WHERE "action" = 'retention.179'`)).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`UPDATE "AuditLog" SET "action" = 'x' WHERE "action" = 'retention.young'`)).rejects.toThrow(/append-only/);
    expect(await t.db.auditLog.count()).toBe(before + 1);
  });
});

describe("the 安全审计员's export", () => {
  it("exports the filtered rows as .xlsx and audits the export with the client address", async () => {
    const { GET } = await import("@/app/api/audit/export/route");
    const auditor = await userByName(t.db, "auditor");
    await t.db.auditLog.create({ data: { username: "coordinator", role: "COORDINATOR", entity: "Auth", entityId: "coordinator", action: "login.failed", ip: "10.9.9.9" } });
    currentSession = await sessionFor(t.db, "AUDITOR");
    const response = await GET(new Request("http://localhost/api/audit/export?action=login&user=coordinator", { headers: { "x-portal-peer": "10.2.3.4" } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/attachment/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("审计日志")!;
    const actions = sheet.getColumn(8).values.slice(2);
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(["登录失败"]));
    expect(new Set(sheet.getColumn(3).values.slice(2))).toEqual(new Set(["coordinator"]));

    const exported = await t.db.auditLog.findFirstOrThrow({ where: { action: "export.audit" }, orderBy: { id: "desc" } });
    expect(exported).toMatchObject({ userId: auditor.id, username: "auditor", role: "AUDITOR", ip: "10.2.3.4", entity: "AuditLog" });
    expect(JSON.parse(exported.after ?? "{}")).toMatchObject({ filter: "账户：coordinator；操作：登录（成功、失败、锁定）", rows: actions.length });
  });

  it("refuses a leader (who reads the log) and writes nothing but the refusal", async () => {
    const { GET } = await import("@/app/api/audit/export/route");
    currentSession = await sessionFor(t.db, "LEADER");
    const before = await t.db.auditLog.count({ where: { action: "export.audit" } });
    const response = await GET(new Request("http://localhost/api/audit/export"));
    expect(response.status).toBe(403);
    expect(await t.db.auditLog.count({ where: { action: "export.audit" } })).toBe(before);
    const denial = await t.db.auditLog.findFirstOrThrow({ where: { action: "denied" }, orderBy: { id: "desc" } });
    expect(denial).toMatchObject({ username: "leader", entityId: "audit:export", ip: "127.0.0.1" });
  });
});
