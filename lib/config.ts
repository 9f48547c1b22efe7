import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

/** Project root: scripts run from it and `next start` runs from it. */
export const ROOT_DIR = process.cwd();
/**
 * Where the database, the auth secret and backups live: `DATA_DIR` (absolute, or relative to the
 * project root), default `<project>/data`. The offline release keeps it apart from the release
 * directory so an upgrade replaces the program and keeps the data (README "Upgrade").
 */
export const DATA_DIR = process.env.DATA_DIR?.trim()
  ? path.resolve(/*turbopackIgnore: true*/ ROOT_DIR, process.env.DATA_DIR.trim())
  : path.join(/*turbopackIgnore: true*/ ROOT_DIR, "data");
export const DEFAULT_SQLITE_FILE = path.join(/*turbopackIgnore: true*/ DATA_DIR, "portal.db");

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || `file:${DEFAULT_SQLITE_FILE}`;
}

export function databaseKind(url = databaseUrl()): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** Absolute file path of a `file:` SQLite URL (relative paths are taken from the project root). */
export function sqliteFilePath(url = databaseUrl()): string {
  const raw = url.replace(/^file:/, "").split("?")[0];
  return path.isAbsolute(raw) ? raw : path.join(/*turbopackIgnore: true*/ ROOT_DIR, raw);
}

/**
 * The auth secret: NEXTAUTH_SECRET / AUTH_SECRET when given, otherwise one generated once
 * and kept under data/ so sessions survive restarts.
 */
export function ensureAuthSecret(): string {
  const given = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  if (given) return given;
  const file = path.join(/*turbopackIgnore: true*/ DATA_DIR, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const secret = crypto.randomBytes(48).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
