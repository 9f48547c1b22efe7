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
  return { expires: "", uid: user.id, sv: user.sessionVersion, loginAt: Date.now(), ...overrides };
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
  ])("refuses %s", async (_label, overrides) => {
    currentSession = await sessionOf("leader", overrides);
    expect(await getCurrentUser()).toBeNull();
  });

  it("refuses a disabled user at once", async () => {
    currentSession = await sessionOf("viewer");
    await t.db.user.update({ where: { username: "viewer" }, data: { active: false } });
    expect(await getCurrentUser()).toBeNull();
  });

  it("refuses anonymous requests", async () => {
    currentSession = null;
    expect(await getCurrentUser()).toBeNull();
  });
});
