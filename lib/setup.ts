import crypto from "node:crypto";
import { databaseKind, databaseUrl, sqliteFilePath } from "@/lib/config";
import { migratePostgres, migrateSqlite } from "@/lib/migrate";
import type { Db } from "@/lib/db";
import { seedDemo } from "@/lib/seed/demo";
import { hashPassword } from "@/lib/auth/password";

export async function applyMigrations(url = databaseUrl()): Promise<string[]> {
  return databaseKind(url) === "postgresql" ? migratePostgres(url) : migrateSqlite(sqliteFilePath(url));
}

export type SeedOutcome = { kind: "demo" } | { kind: "admin"; password: string } | { kind: "none" };

/**
 * Seeds an empty database: demo data unless SEED_DEMO=0, otherwise a single `admin` account with
 * a random password printed once, so a production install is never left without an administrator.
 */
export async function seedIfEmpty(db: Db, seedDemoData = process.env.SEED_DEMO !== "0"): Promise<SeedOutcome> {
  if ((await db.user.count()) > 0) return { kind: "none" };
  if (seedDemoData) {
    await seedDemo(db);
    return { kind: "demo" };
  }
  const password = `${crypto.randomBytes(9).toString("base64url")}9a`;
  await db.$transaction(async (tx) => {
    await tx.unitSettings.upsert({ where: { id: 1 }, create: { id: 1, unitName: "XX市政协办公室", signature: "XX市政协办公室" }, update: {} });
    await tx.user.create({ data: { username: "admin", displayName: "系统管理员", role: "ADMIN", passwordHash: await hashPassword(password) } });
    await tx.auditLog.create({ data: { entity: "System", action: "seed.admin", username: "system" } });
  });
  return { kind: "admin", password };
}
