/**
 * A content fingerprint of every table, to prove a refused call changed nothing: row counts miss
 * an in-place UPDATE (a status, a version, a deletedAt), this does not. Test-only.
 */
import crypto from "node:crypto";
import type { Db } from "@/lib/db";
import { onPostgres } from "./test-db";

function serialise(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "bigint") return `${v}n`;
    if (v instanceof Uint8Array) return `bytes:${crypto.createHash("sha256").update(v).digest("hex")}`;
    if (v && typeof v === "object" && (v as { type?: unknown }).type === "Buffer" && Array.isArray((v as { data?: unknown }).data)) {
      return `bytes:${crypto.createHash("sha256").update(Buffer.from((v as { data: number[] }).data)).digest("hex")}`;
    }
    return v;
  });
}

/**
 * Per table "rows:sha256" over all its rows (each row serialised with every column, rows sorted so
 * the scan order does not matter). `exclude` leaves tables out (e.g. AuditLog when denials are audited).
 */
export async function tableFingerprints(db: Db, exclude: readonly string[] = []): Promise<Record<string, string>> {
  const listSql = onPostgres
    ? `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_portal\\_%' ORDER BY table_name`
    : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_portal_%' ORDER BY name`;
  // FTS5 shadow tables (fts_*_data, _idx, …) hold blobs derived from their virtual table, which is fingerprinted itself.
  const tables = (await db.$queryRawUnsafe<{ name: string }[]>(listSql))
    .map((t) => t.name)
    .filter((name) => !exclude.includes(name) && !/^fts_.*_(data|idx|content|docsize|config)$/.test(name));
  const out: Record<string, string> = {};
  if (onPostgres) {
    // Hashed in the server, all tables in one round trip: each row as its text form (tsvector and bytea
    // included), sorted, so the scan order does not matter. Compared only with itself, never with SQLite's.
    const parts = tables.map((table) => `SELECT '${table}' AS "name", count(*)::int AS "n", md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS "h" FROM "${table}" t`);
    if (parts.length === 0) return out;
    for (const row of await db.$queryRawUnsafe<{ name: string; n: number; h: string }[]>(parts.join(" UNION ALL "))) out[row.name] = `${row.n}:${row.h}`;
    return out;
  }
  for (const table of tables) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
    const lines = rows.map((row) => serialise(Object.keys(row).sort().map((k) => [k, row[k]]))).sort();
    out[table] = `${rows.length}:${crypto.createHash("sha256").update(lines.join("\n")).digest("hex")}`;
  }
  return out;
}

/** The business tables' fingerprints: denials are audited, so the audit log and login attempts may change. */
export function businessFingerprints(db: Db): Promise<Record<string, string>> {
  return tableFingerprints(db, ["AuditLog", "LoginAttempt"]);
}
