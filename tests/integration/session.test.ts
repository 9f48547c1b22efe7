import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";

let currentSession: unknown = null;
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => currentSession) };
});

let t: TestDb;
let getCurrentUser: typeof import("@/lib/auth/dal").getCurrentUser;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  process.env.DATABASE_URL = t.url;
  ({ getCurrentUser } = await import("@/lib/auth/dal"));
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

async function sessionOf(username: string, overrides: Record<string, unknown> = {}) {
  const user = await t.db.user.findUniqueOrThrow({ where: { username } });
  return { expires: "", uid: user.id, sv: user.sessionVersion, loginAt: Date.now(), sid: crypto.randomUUID(), ...overrides };
}

describe("getCurrentUser reads access from the database on every request", () => {
  it("returns role and office from the database, not from the token", async () => {
    currentSession = await sessionOf("staff-zonghe", { role: "ADMIN" });
    const user = await getCurrentUser();
    expect(user).toMatchObject({ username: "staff-zonghe", role: "STAFF", officeName: "综合科" });
  });

  it.each([
    ["a token issued before a role change, password reset or disabling (stale session version)", { sv: 0 }],
    ["a session past the 7-day absolute limit", { loginAt: Date.now() - 8 * 24 * 3600 * 1000 }],
    ["a session without a login time", { loginAt: undefined }],
    ["a session for a user that does not exist", { uid: 999999 }],
    ["a session without a per-login session id (issued before logout could revoke it)", { sid: undefined }],
  ])("refuses %s", async (_label, overrides) => {
    currentSession = await sessionOf("leader", overrides);
    expect(await getCurrentUser()).toBeNull();
  });

  it("refuses a disabled user at once", async () => {
    currentSession = await sessionOf("viewer");
    await t.db.user.update({ where: { username: "viewer" }, data: { active: false } });
    expect(await getCurrentUser()).toBeNull();
  });

  it("refuses a session ended by logout, and only that one: the same user's other session goes on", async () => {
    const { revokeSession } = await import("@/lib/auth/revocation");
    const loggedOut = await sessionOf("coordinator");
    const otherDevice = await sessionOf("coordinator");
    currentSession = loggedOut;
    expect(await getCurrentUser()).toMatchObject({ username: "coordinator" });

    await revokeSession({ sid: loggedOut.sid, userId: loggedOut.uid, expiresAt: new Date(loggedOut.loginAt + 7 * 24 * 3600 * 1000) }, "10.0.0.9");
    currentSession = loggedOut;
    expect(await getCurrentUser()).toBeNull();
    currentSession = otherDevice;
    expect(await getCurrentUser()).toMatchObject({ username: "coordinator" });
    expect(await t.db.auditLog.count({ where: { action: "logout", entityId: "coordinator", ip: "10.0.0.9" } })).toBe(1);
  });

  it("keeps revoked ids only until the session would have ended anyway", async () => {
    const { revokeSession } = await import("@/lib/auth/revocation");
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "leader" } });
    await t.db.revokedSession.create({ data: { sid: "long-expired", userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    await revokeSession({ sid: crypto.randomUUID(), userId: user.id, expiresAt: new Date(Date.now() + 3600_000) }, "");
    expect(await t.db.revokedSession.findUnique({ where: { sid: "long-expired" } })).toBeNull();
  });

  it("refuses anonymous requests", async () => {
    currentSession = null;
    expect(await getCurrentUser()).toBeNull();
  });
});
