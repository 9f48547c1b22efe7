import crypto from "node:crypto";
import { databaseKind, databaseUrl, sqliteFilePath } from "@/lib/config";
import { migratePostgres, migrateSqlite, type MigrateOptions } from "@/lib/migrate";
import type { Db } from "@/lib/db";
import { seedDemo } from "@/lib/seed/demo";
import { hashPassword } from "@/lib/auth/password";

export async function applyMigrations(url = databaseUrl(), options: MigrateOptions = {}): Promise<string[]> {
  return databaseKind(url) === "postgresql" ? migratePostgres(url, options) : migrateSqlite(sqliteFilePath(url), options);
}

export type SeedOutcome = { kind: "demo" } | { kind: "admin"; password: string } | { kind: "none" };

/**
 * Seeds an empty database: demo data unless SEED_DEMO=0, otherwise a single `admin` account with
 * a random password printed once, so a production install is never left without an administrator.
 * That password was chosen by the machine and shown on a console: it must be changed at the first login.
 */
export async function seedIfEmpty(db: Db, seedDemoData = process.env.SEED_DEMO !== "0"): Promise<SeedOutcome> {
  if ((await db.user.count()) > 0) return { kind: "none" };
  if (seedDemoData) {
    await seedDemo(db);
    return { kind: "demo" };
  }
  // Random, with upper and lower case and a digit whatever the random part holds (lib/auth/password-policy.ts).
  const password = `${crypto.randomBytes(9).toString("base64url")}Ka9`;
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const settings = await tx.unitSettings.upsert({ where: { id: 1 }, create: { id: 1, unitName: "XX市政协办公室", signature: "XX市政协办公室" }, update: {} });
    const admin = await tx.user.create({ data: { username: "admin", displayName: "系统管理员", role: "ADMIN", passwordHash, mustChangePassword: true } });
    // Like every seeded row, the two get their "create" audit rows (never the password hash).
    const created = (entity: string, entityId: number, after: object) =>
      tx.auditLog.create({ data: { entity, entityId: String(entityId), action: "create", username: "system", after: JSON.stringify({ ...after, seeded: true }) } });
    await created("UnitSettings", settings.id, { unitName: settings.unitName, signature: settings.signature });
    await created("User", admin.id, { id: admin.id, username: admin.username, displayName: admin.displayName, role: admin.role, officeId: admin.officeId, active: admin.active });
    await tx.auditLog.create({ data: { entity: "System", action: "seed.admin", username: "system" } });
  });
  return { kind: "admin", password };
}
