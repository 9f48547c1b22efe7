import { NextRequest } from "next/server";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { createDisabledUser, sessionFor, type Persona } from "@/tests/security/personas";

let currentSession: unknown = null;
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => currentSession) };
});

let t: TestDb;
let reminderId = 0;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  process.env.DATABASE_URL = t.url;
  await createDisabledUser(t.db);
  const point = await t.db.workPoint.findFirstOrThrow({ where: { plan: { year: 2026 }, number: 1 } });
  const leader = await t.db.user.findUniqueOrThrow({ where: { username: "leader" } });
  const reminder = await t.db.reminder.create({
    data: { workPointId: point.id, officeId: point.leadOfficeId!, sentById: leader.id, message: "请抓紧组织专题学习。", requestedBy: new Date(Date.UTC(2026, 11, 15)) },
  });
  reminderId = reminder.id;
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

async function download(persona: Persona, id: string | number = reminderId) {
  currentSession = await sessionFor(t.db, persona);
  const { GET } = await import("@/app/api/reminders/[id]/docx/route");
  return GET(new NextRequest(`http://localhost/api/reminders/${id}/docx`), { params: Promise.resolve({ id: String(id) }) });
}

describe("GET /api/reminders/[id]/docx (督办单)", () => {
  it.each(["LEADER", "COORDINATOR", "VIEWER", "STAFF_OWNER"] as const)("%s gets the .docx with a Chinese file name, audited", async (persona) => {
    const before = await t.db.auditLog.count({ where: { entity: "Reminder", action: "export.docx" } });
    const response = await download(persona);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("wordprocessingml");
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="supervision-\d+\.docx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe("督办单-第1项-深入学习习近平法治思想.docx");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect(await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string")).toContain("督办单");
    expect(await t.db.auditLog.count({ where: { entity: "Reminder", action: "export.docx" } })).toBe(before + 1);
  });

  it("STAFF of another office get 404, ADMIN 403, the signed-out and the disabled 401", async () => {
    expect((await download("STAFF_OTHER")).status).toBe(404);
    expect((await download("ADMIN")).status).toBe(403);
    expect((await download("ANONYMOUS")).status).toBe(401);
    expect((await download("DISABLED")).status).toBe(401);
    expect((await download("LEADER", "999999")).status).toBe(404);
    expect((await download("LEADER", "abc")).status).toBe(404);
  });
});
