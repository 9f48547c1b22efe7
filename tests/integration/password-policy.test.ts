import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { actor, createTestDb, userByName, type TestDb } from "@/tests/support/test-db";
import { tableFingerprints } from "@/tests/support/fingerprint";
import { PASSWORD_MESSAGES } from "@/lib/auth/password-policy";
import type { ActionState } from "@/lib/action-state";

let currentSession: unknown = null;
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => currentSession) };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

let t: TestDb;
let changeOwnPassword: typeof import("@/lib/account/mutations").changeOwnPassword;
let admin: typeof import("@/lib/admin/mutations");
let authenticate: typeof import("@/lib/auth/login").authenticate;
let getCurrentUser: typeof import("@/lib/auth/dal").getCurrentUser;
let requirePermission: typeof import("@/lib/auth/dal").requirePermission;
let changePasswordAction: typeof import("@/lib/account/actions").changePasswordAction;

const IP = "10.9.8.7";

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  process.env.DATABASE_URL = t.url;
  ({ changeOwnPassword } = await import("@/lib/account/mutations"));
  admin = await import("@/lib/admin/mutations");
  ({ authenticate } = await import("@/lib/auth/login"));
  ({ getCurrentUser, requirePermission } = await import("@/lib/auth/dal"));
  ({ changePasswordAction } = await import("@/lib/account/actions"));
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});
afterEach(() => {
  delete process.env.PASSWORD_MAX_AGE_DAYS;
  delete process.env.SINGLE_SESSION;
});

let seq = 0;
/** A STAFF account created by the administrator, as through the admin page. */
async function createStaff(password = "Init@2026a") {
  seq += 1;
  const adminUser = await userByName(t.db, "admin");
  const office = await t.db.office.findFirstOrThrow({ where: { name: "综合科" } });
  const created = await admin.createUser(t.db, actor(adminUser), { username: `pw-user-${seq}`, displayName: "密码测试", password, role: "STAFF", officeId: office.id });
  return t.db.user.findUniqueOrThrow({ where: { id: created.id } });
}

function change(userId: number, currentPassword: string, newPassword: string) {
  return changeOwnPassword(t.db, userId, { currentPassword, newPassword, confirmPassword: newPassword }, IP);
}

async function sessionOf(userId: number) {
  const user = await t.db.user.findUniqueOrThrow({ where: { id: userId } });
  return { expires: "", uid: user.id, sv: user.sessionVersion, loginAt: Date.now(), sid: crypto.randomUUID() };
}

function fd(values: Record<string, string>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.append(key, value);
  return form;
}

async function callAction(action: (prev: ActionState, form: FormData) => Promise<ActionState>, form: FormData): Promise<ActionState & { redirectedTo?: string }> {
  try {
    return await action({ ok: false, message: "" }, form);
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { ok: true, message: "redirect", redirectedTo: digest.split(";")[2] };
    throw error;
  }
}

describe("passwords set by the administrator", () => {
  it("a new account's initial password must be changed at the first login", async () => {
    const user = await createStaff();
    expect(user.mustChangePassword).toBe(true);
    currentSession = await sessionOf(user.id);
    expect((await getCurrentUser())?.securityStep).toBe("password");
    await expect(requirePermission("dashboard:read")).rejects.toMatchObject({ status: 403 });
  });

  it("the create form accepts a good password", async () => {
    const { createUserSchema } = await import("@/lib/admin/schemas");
    expect(createUserSchema.safeParse({ username: "pw-schema", displayName: "密码测试", role: "VIEWER", officeId: "", password: "Good@2026x" }).success).toBe(true);
  });

  it.each([
    ["too short", { password: "Ab1@" }],
    ["two classes", { password: "abcdefgh1" }],
    ["containing the username", { username: "zhangsan", password: "Zhangsan@2026" }],
  ])("the create form refuses a password %s", async (_name, override) => {
    const { createUserSchema } = await import("@/lib/admin/schemas");
    const base: Record<string, string> = { username: "pw-schema", displayName: "密码测试", role: "VIEWER", officeId: "", password: "Good@2026x" };
    const parsed = createUserSchema.safeParse({ ...base, ...override });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.some((issue) => issue.path[0] === "password")).toBe(true);
  });

  it("a reset sets must-change, ends the sessions, keeps the old hash in the history; a bad one writes nothing", async () => {
    const user = await createStaff();
    const adminUser = await userByName(t.db, "admin");
    const before = await tableFingerprints(t.db);
    await expect(admin.resetPassword(t.db, actor(adminUser), { id: user.id, password: `${user.username}X@1` })).rejects.toThrow(PASSWORD_MESSAGES.username);
    await expect(admin.resetPassword(t.db, actor(adminUser), { id: user.id, password: "short1A" })).rejects.toThrow(PASSWORD_MESSAGES.tooShort);
    expect(await tableFingerprints(t.db)).toEqual(before);

    await t.db.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    await admin.resetPassword(t.db, actor(adminUser), { id: user.id, password: "Reset@2026b" });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.mustChangePassword).toBe(true);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect((await t.db.passwordHistory.findMany({ where: { userId: user.id } })).map((row) => row.passwordHash)).toEqual([user.passwordHash]);
    expect(await t.db.auditLog.count({ where: { action: "password.reset", entityId: String(user.id) } })).toBe(1);
  });

  it("the production seed's administrator (a machine-chosen password) must change it at the first login", async () => {
    const { seedIfEmpty } = await import("@/lib/setup");
    const { passwordPolicyErrors } = await import("@/lib/auth/password-policy");
    const empty = await createTestDb();
    try {
      const outcome = await seedIfEmpty(empty.db, false);
      if (outcome.kind !== "admin") throw new Error("expected the admin seed");
      expect(passwordPolicyErrors(outcome.password, "admin")).toEqual([]);
      expect((await empty.db.user.findUniqueOrThrow({ where: { username: "admin" } })).mustChangePassword).toBe(true);
    } finally {
      await empty.cleanup();
    }
  });
});

describe("changing one's own password", () => {
  it.each([
    ["too short", "Ab@1", PASSWORD_MESSAGES.tooShort],
    ["only two classes", "abcdefgh123", PASSWORD_MESSAGES.classes],
    ["containing the username", "USERNAME@2026", PASSWORD_MESSAGES.username],
    ["the current password", "Init@2026a", PASSWORD_MESSAGES.reused],
  ])("refuses a new password %s and writes nothing", async (_name, newPassword, message) => {
    const user = await createStaff();
    const before = await tableFingerprints(t.db);
    const result = await change(user.id, "Init@2026a", newPassword.replace("USERNAME", user.username));
    expect(result).toEqual({ ok: false, message, field: "newPassword" });
    expect(await tableFingerprints(t.db)).toEqual(before);
  });

  it("refuses a wrong current password: counted toward the lockout and audited with the address, nothing else written", async () => {
    const user = await createStaff();
    const before = await tableFingerprints(t.db, ["AuditLog", "LoginAttempt"]);
    const result = await change(user.id, "Wrong@2026a", "Brand@New2026");
    expect(result).toMatchObject({ ok: false, field: "currentPassword" });
    expect(await tableFingerprints(t.db, ["AuditLog", "LoginAttempt"])).toEqual(before);
    expect(await t.db.loginAttempt.count({ where: { username: user.username, success: false, ip: IP } })).toBe(1);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "password.change.refused", entityId: user.username } });
    expect(audit).toMatchObject({ userId: user.id, username: user.username, ip: IP });
    expect(audit.at).toBeInstanceOf(Date);
  });

  it("stops verifying after five wrong current passwords (the login lockout), even the right one", async () => {
    const user = await createStaff();
    for (let i = 0; i < 5; i += 1) await change(user.id, `Wrong@2026${i}`, "Brand@New2026");
    const { CHANGE_LOCKED_MESSAGE } = await import("@/lib/account/mutations");
    expect(await change(user.id, "Init@2026a", "Brand@New2026")).toMatchObject({ ok: false, message: CHANGE_LOCKED_MESSAGE });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });

  it("a first-login change clears must-change, records the old hash and the audit row, and the new password logs in", async () => {
    const user = await createStaff();
    const result = await change(user.id, "Init@2026a", "Chosen@2026a");
    expect(result).toEqual({ ok: true, reason: "initial" });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.mustChangePassword).toBe(false);
    expect(after.passwordChangedAt.getTime()).toBeGreaterThan(user.passwordChangedAt.getTime() - 1);
    expect(after.sessionVersion).toBe(user.sessionVersion);
    expect((await t.db.passwordHistory.findMany({ where: { userId: user.id } })).map((row) => row.passwordHash)).toEqual([user.passwordHash]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "password.change", entityId: String(user.id) } });
    expect(audit).toMatchObject({ userId: user.id, username: user.username, ip: IP });
    expect(JSON.parse(audit.after ?? "{}")).toEqual({ reason: "initial" });
    expect((await authenticate(user.username, "Init@2026a", "10.1.1.1")).ok).toBe(false);
    expect((await authenticate(user.username, "Chosen@2026a", "10.1.1.1")).ok).toBe(true);
  });

  it("keeps the last five in the history: each of them and the current one is refused, an older one is allowed again", async () => {
    const user = await createStaff("Pass@2026p0");
    const passwords = ["Pass@2026p0", "Pass@2026p1", "Pass@2026p2", "Pass@2026p3", "Pass@2026p4", "Pass@2026p5", "Pass@2026p6"];
    for (let i = 1; i < passwords.length; i += 1) {
      expect(await change(user.id, passwords[i - 1], passwords[i])).toMatchObject({ ok: true });
    }
    expect(await t.db.passwordHistory.count({ where: { userId: user.id } })).toBe(5);
    for (const reused of passwords.slice(1)) {
      expect(await change(user.id, "Pass@2026p6", reused)).toMatchObject({ ok: false, message: PASSWORD_MESSAGES.reused });
    }
    // p0 is six passwords back: out of the history.
    expect(await change(user.id, "Pass@2026p6", "Pass@2026p0")).toMatchObject({ ok: true, reason: "voluntary" });
    expect(await t.db.passwordHistory.count({ where: { userId: user.id } })).toBe(5);
  });
});

describe("the change password action", () => {
  it("is open to an account whose pending step is the change, clears the step and goes to the dashboard", async () => {
    const user = await createStaff();
    currentSession = await sessionOf(user.id);
    const refused = await callAction(changePasswordAction, fd({ currentPassword: "Init@2026a", newPassword: "weak", confirmPassword: "weak" }));
    expect(refused.ok).toBe(false);
    expect(refused.fieldErrors?.newPassword?.[0]).toBeTruthy();
    const mismatch = await callAction(changePasswordAction, fd({ currentPassword: "Init@2026a", newPassword: "Chosen@2026a", confirmPassword: "Chosen@2026b" }));
    expect(mismatch.fieldErrors?.confirmPassword).toEqual(["两次输入的新密码不一致"]);

    const done = await callAction(changePasswordAction, fd({ currentPassword: "Init@2026a", newPassword: "Chosen@2026a", confirmPassword: "Chosen@2026a" }));
    expect(done).toMatchObject({ ok: true, redirectedTo: "/dashboard" });
    // The same session goes on, without the pending step.
    expect(await getCurrentUser()).toMatchObject({ id: user.id, securityStep: null });
  });

  it("refuses an anonymous request", async () => {
    currentSession = null;
    expect(await callAction(changePasswordAction, fd({ currentPassword: "x", newPassword: "Chosen@2026a", confirmPassword: "Chosen@2026a" }))).toMatchObject({ ok: false, message: "登录已失效，请重新登录" });
  });
});

describe("password expiry (PASSWORD_MAX_AGE_DAYS)", () => {
  it("an expired password becomes the pending step, and changing it clears the step", async () => {
    const user = await createStaff();
    expect(await change(user.id, "Init@2026a", "Chosen@2026a")).toMatchObject({ ok: true });
    await t.db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(Date.now() - 100 * 86_400_000) } });
    currentSession = await sessionOf(user.id);
    expect((await getCurrentUser())?.securityStep).toBeNull();

    process.env.PASSWORD_MAX_AGE_DAYS = "90";
    expect((await getCurrentUser())?.securityStep).toBe("password");
    await expect(requirePermission("ledger:read")).rejects.toMatchObject({ status: 403 });
    expect(await change(user.id, "Chosen@2026a", "Renewed@2026a")).toEqual({ ok: true, reason: "expired" });
    expect((await getCurrentUser())?.securityStep).toBeNull();
  });
});

describe("one active session per account (SINGLE_SESSION=1)", () => {
  async function login(userId: number, sv: number) {
    const { authOptions } = await import("@/lib/auth/options");
    const jwt = authOptions.callbacks!.jwt! as (params: { token: Record<string, unknown>; user?: unknown }) => Promise<Record<string, unknown>>;
    const token = await jwt({ token: {}, user: { id: String(userId), sv } });
    return { expires: "", uid: token.uid, sv: token.sv, loginAt: token.loginAt, sid: token.sid };
  }

  it("a later login refuses the earlier session, and the takeover is audited", async () => {
    process.env.SINGLE_SESSION = "1";
    const user = await userByName(t.db, "leader");
    const first = await login(user.id, user.sessionVersion);
    currentSession = first;
    expect(await getCurrentUser()).toMatchObject({ username: "leader" });
    const second = await login(user.id, user.sessionVersion);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).currentSid).toBe(second.sid);
    currentSession = first;
    expect(await getCurrentUser()).toBeNull();
    currentSession = second;
    expect(await getCurrentUser()).toMatchObject({ username: "leader" });
    expect(await t.db.auditLog.count({ where: { action: "session.superseded", entityId: "leader" } })).toBe(1);
  });

  it("without it, both sessions go on and nothing is recorded at login", async () => {
    const user = await userByName(t.db, "viewer");
    const first = await login(user.id, user.sessionVersion);
    const second = await login(user.id, user.sessionVersion);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).currentSid).toBeNull();
    currentSession = first;
    expect(await getCurrentUser()).toMatchObject({ username: "viewer" });
    currentSession = second;
    expect(await getCurrentUser()).toMatchObject({ username: "viewer" });
  });
});

describe("idle timeout on the server (SESSION_IDLE_MINUTES, default 30)", () => {
  afterEach(() => {
    vi.useRealTimers();
    delete process.env.SESSION_IDLE_MINUTES;
  });

  it("the session JWT issued with the configured maxAge is refused once idle past the limit", async () => {
    const { authOptions, SESSION_IDLE_SECONDS } = await import("@/lib/auth/options");
    expect(SESSION_IDLE_SECONDS).toBe(30 * 60);
    expect(authOptions.session?.maxAge).toBe(30 * 60);
    const { encode, decode } = await import("next-auth/jwt");
    const secret = "test-secret-for-idle-timeout";
    vi.useFakeTimers({ toFake: ["Date"] });
    const issued = new Date("2026-12-04T08:00:00Z");
    vi.setSystemTime(issued);
    const token = await encode({ token: { uid: 1, sv: 1, sid: "s", loginAt: issued.getTime() }, secret, maxAge: authOptions.session!.maxAge });
    vi.setSystemTime(new Date(issued.getTime() + 29 * 60_000));
    expect(await decode({ token, secret })).toMatchObject({ uid: 1 });
    vi.setSystemTime(new Date(issued.getTime() + 31 * 60_000));
    await expect(decode({ token, secret })).rejects.toThrow(/exp/);
  });

  it("SESSION_IDLE_MINUTES sets the limit", async () => {
    process.env.SESSION_IDLE_MINUTES = "10";
    vi.resetModules();
    const { authOptions } = await import("@/lib/auth/options");
    expect(authOptions.session?.maxAge).toBe(600);
  });
});
