import path from "node:path";
import mammoth from "mammoth";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { businessCounts, createTestDb, type TestDb } from "@/tests/support/test-db";
import { PERSONAS, createDisabledUser, sessionFor, REFUSAL_MESSAGES, type Persona } from "@/tests/security/personas";
import { fd, type MatrixContext } from "@/tests/security/action-cases";
import type { ActionState } from "@/lib/action-state";
import { REPORT_ACTION_CASES, reportInStatus } from "@/tests/security/report-cases";

let currentSession: unknown = null;
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => currentSession) };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

const ROOT = path.resolve(__dirname, "../..");
let t: TestDb;
let ctx: MatrixContext;


beforeAll(async () => {
  t = await createTestDb({ seed: true });
  process.env.DATABASE_URL = t.url;
  await createDisabledUser(t.db);
  let n = 0;
  ctx = { db: t.db, seq: () => ++n, ids: {} };
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

describe("report server actions by role", () => {
  it("has a matrix case for every export of lib/report/actions.ts", async () => {
    const mod = await import("@/lib/report/actions");
    expect(Object.keys(mod).sort()).toEqual(REPORT_ACTION_CASES.map((c) => c.name).sort());
  });

  const cells = REPORT_ACTION_CASES.flatMap((c) => PERSONAS.map((persona) => [`${c.name} as ${persona}`, c, persona] as const));
  it.each(cells)("%s", async (_label, c, persona: Persona) => {
    const mod = await import(path.join(ROOT, c.file));
    const action = mod[c.name] as (prev: ActionState, form: FormData) => Promise<ActionState>;
    const input = await c.input(ctx, persona);
    currentSession = await sessionFor(t.db, persona);
    const before = await businessCounts(t.db);
    const reportBefore = await t.db.annualReport.findUnique({ where: { year: 2025 }, include: { parts: true } });
    const result = await action({ ok: false, message: "" }, fd(input));
    if (c.allowed.includes(persona)) {
      expect(result.ok, `${c.name} as ${persona}: ${result.message}`).toBe(true);
    } else {
      expect(result.ok).toBe(false);
      expect(REFUSAL_MESSAGES).toContain(result.message);
      expect(await businessCounts(t.db)).toEqual(before);
      expect(await t.db.annualReport.findUnique({ where: { year: 2025 }, include: { parts: true } })).toEqual(reportBefore);
    }
  });

  it("asks before regenerating an edited part, through the action", async () => {
    const { regenerateReportPartAction, saveReportPartAction } = await import("@/lib/report/actions");
    await reportInStatus(t.db, "DRAFT");
    currentSession = await sessionFor(t.db, "COORDINATOR");
    const part = await t.db.reportPart.findFirstOrThrow({ where: { key: "part3", report: { year: 2025 } } });
    const saved = await saveReportPartAction({ ok: false, message: "" }, fd({ year: "2025", key: "part3", version: String(part.version), content: "1.带头学法。人工改写。" }));
    expect(saved).toMatchObject({ ok: true, data: { version: part.version + 1 } });
    const asked = await regenerateReportPartAction({ ok: false, message: "" }, fd({ year: "2025", key: "part3", version: String(part.version + 1), confirm: "0" }));
    expect(asked).toMatchObject({ ok: false, data: { needsConfirm: true } });
    const done = await regenerateReportPartAction({ ok: false, message: "" }, fd({ year: "2025", key: "part3", version: String(part.version + 1), confirm: "1" }));
    expect(done).toMatchObject({ ok: true, data: { version: part.version + 2 } });
    const refused = await saveReportPartAction({ ok: false, message: "" }, fd({ year: "2025", key: "part3", version: "1", content: "x", extra: "1" }));
    expect(refused.message).toBe("不接受的字段：extra");
  });
});

describe("GET /api/export/report", () => {
  async function get(query: string, persona: Persona) {
    currentSession = await sessionFor(t.db, persona);
    const { GET } = await import("@/app/api/export/report/route");
    return GET(new NextRequest(`http://localhost/api/export/report${query}`));
  }

  it("returns the report as a draft-marked .docx with a Chinese file name and an audit row", async () => {
    await reportInStatus(t.db, "DRAFT");
    const auditsBefore = await t.db.auditLog.count({ where: { action: "export.report" } });
    const response = await get("?year=2025", "COORDINATOR");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="annual-report-2025\.docx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe("XX市政协办公室2025年法治建设年度工作报告.docx");
    const buffer = Buffer.from(await response.arrayBuffer());
    expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK");
    const { value: text } = await mammoth.extractRawText({ buffer });
    expect(text).toContain("XX市政协办公室2025年法治建设年度工作报告");
    expect(text).toContain("一、主要举措和成效");
    expect(text).toContain("现将2025年度法治建设工作情况报告如下");
    expect(text).not.toContain("五、其他需要报告的情况"); // part 五 still says “无。”
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(buffer);
    const headers = Object.keys(zip.files).filter((name) => /^word\/header\d*\.xml$/.test(name));
    expect(headers.length).toBeGreaterThan(0);
    expect(await zip.file(headers[0])!.async("string")).toContain("草稿");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "export.report" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ entity: "AnnualReport", username: "coordinator" });
    expect(await t.db.auditLog.count({ where: { action: "export.report" } })).toBe(auditsBefore + 1);
  });

  it("drops the draft mark once final and prints the 定稿 date", async () => {
    await reportInStatus(t.db, "FINAL");
    await t.db.annualReport.update({ where: { year: 2025 }, data: { signedOn: new Date(Date.UTC(2026, 0, 15)) } });
    const response = await get("?year=2025", "VIEWER");
    expect(response.status).toBe(200);
    const buffer = Buffer.from(await response.arrayBuffer());
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(buffer);
    expect(Object.keys(zip.files).some((name) => /^word\/header\d*\.xml$/.test(name))).toBe(false);
    expect((await mammoth.extractRawText({ buffer })).value).toContain("2026年1月15日");
  });

  it("refuses bad years, missing reports and people without report:export", async () => {
    for (const query of ["", "?year=abc", "?year=25", "?year=1999"]) {
      const response = await get(query, "LEADER");
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(/年度参数无效/);
    }
    const missing = await get("?year=2026", "LEADER");
    expect(missing.status).toBe(400);
    expect((await missing.json()).message).toBe("该年度报告尚未生成，请先生成初稿");

    const before = await t.db.auditLog.count({ where: { action: "export.report" } });
    for (const [persona, status] of [["STAFF_OWNER", 403], ["ADMIN", 403], ["ANONYMOUS", 401], ["DISABLED", 401]] as const) {
      const response = await get("?year=2025", persona);
      expect(response.status, persona).toBe(status);
      expect(response.headers.get("content-type")).toMatch(/json/);
      expect(REFUSAL_MESSAGES).toContain((await response.json()).message);
    }
    expect(await t.db.auditLog.count({ where: { action: "export.report" } })).toBe(before);
    const denial = await t.db.auditLog.findFirstOrThrow({ where: { action: "denied", entityId: "report:export" }, orderBy: { id: "desc" } });
    expect(denial.username).toBe("admin");
  });
});
