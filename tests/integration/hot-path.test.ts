import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { countUnreadNotifications, findSessionUser, latestAuditId } from "@/lib/hot-path";
import { writeAudit } from "@/lib/audit";

// The hand-written per-request reads must agree with the model API on both databases (this file
// also runs in `npm run test:pg`): same fields, booleans as booleans, counts as numbers.
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
});
afterAll(() => t?.cleanup());

describe("the per-request reads", () => {
  it("find the session user with the office's name, as the model API reads them", async () => {
    for (const username of ["staff-zonghe", "leader"]) {
      const model = await t.db.user.findUniqueOrThrow({ where: { username }, include: { office: true } });
      expect(await findSessionUser(t.db, model.id)).toEqual({
        id: model.id,
        username: model.username,
        displayName: model.displayName,
        role: model.role,
        officeId: model.officeId,
        officeName: model.office?.name ?? null,
        active: true,
        sessionVersion: model.sessionVersion,
        revoked: false,
        mustChangePassword: model.mustChangePassword,
        passwordChangedAt: model.passwordChangedAt,
        totpEnabledAt: model.totpEnabledAt,
        currentSid: model.currentSid,
      });
    }
    // The 等保 fields come back typed on both databases (SQLite keeps dates as text or numbers).
    const staff = await t.db.user.update({
      where: { username: "staff-zonghe" },
      data: { mustChangePassword: true, passwordChangedAt: new Date("2026-01-02T03:04:05Z"), totpEnabledAt: new Date("2026-02-03T04:05:06Z"), currentSid: "sid-1" },
    });
    expect(await findSessionUser(t.db, staff.id)).toMatchObject({
      mustChangePassword: true,
      passwordChangedAt: new Date("2026-01-02T03:04:05Z"),
      totpEnabledAt: new Date("2026-02-03T04:05:06Z"),
      currentSid: "sid-1",
    });
    const leader = await t.db.user.findUniqueOrThrow({ where: { username: "leader" } });
    await t.db.revokedSession.create({ data: { sid: "logged-out", userId: leader.id, expiresAt: new Date(Date.now() + 3600_000) } });
    expect(await findSessionUser(t.db, leader.id, "logged-out")).toMatchObject({ username: "leader", revoked: true });
    expect(await findSessionUser(t.db, leader.id, "another-device")).toMatchObject({ username: "leader", revoked: false });
    const viewer = await t.db.user.update({ where: { username: "viewer" }, data: { active: false, sessionVersion: { increment: 1 } } });
    expect(await findSessionUser(t.db, viewer.id)).toMatchObject({ active: false, sessionVersion: viewer.sessionVersion });
    expect(await findSessionUser(t.db, 987654)).toBeNull();
  });

  it("count unread notifications only", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "staff-yanjiu" } });
    const before = await countUnreadNotifications(t.db, user.id);
    await t.db.notification.createMany({
      data: [
        { userId: user.id, title: "催办一" },
        { userId: user.id, title: "催办二" },
        { userId: user.id, title: "已读", readAt: new Date() },
      ],
    });
    expect(await countUnreadNotifications(t.db, user.id)).toBe(before + 2);
    expect(await countUnreadNotifications(t.db, user.id)).toBe(await t.db.notification.count({ where: { userId: user.id, readAt: null } }));
  });

  it("name the newest audit row, overall and among those that move figures", async () => {
    await writeAudit(t.db, null, { entity: "Plan", entityId: 1, action: "update" });
    const figures = await t.db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    await writeAudit(t.db, null, { entity: "Auth", action: "login" });
    const newest = await t.db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(newest.affectsFigures).toBe(false);
    expect(await latestAuditId(t.db, false)).toBe(newest.id);
    expect(await latestAuditId(t.db, true)).toBe(figures.id);
  });

  it("write audit rows that read back like any other: timestamp, null columns, flag", async () => {
    const started = Date.now();
    await writeAudit(t.db, { id: null, username: "", role: "" }, { entity: "Auth", action: "login.failed", ip: "10.0.0.9" });
    const row = await t.db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(row).toMatchObject({ userId: null, entity: "Auth", entityId: "", action: "login.failed", before: null, after: null, ip: "10.0.0.9", affectsFigures: false });
    expect(row.at).toBeInstanceOf(Date);
    expect(Math.abs(row.at.getTime() - started)).toBeLessThan(60_000);
    expect(await t.db.auditLog.count({ where: { at: { gte: new Date(started - 1000) }, action: "login.failed" } })).toBeGreaterThan(0);
  });
});
