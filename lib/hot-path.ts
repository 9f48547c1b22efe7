/**
 * The few reads that run on every request (who is asking, their unread count, the memo stamps),
 * as single parameterised SQL statements instead of Prisma model queries. Prisma's query compiler
 * plans every model query afresh (no plan cache in 6.19): on this machine a findUnique with an
 * include cost 0.74 ms of CPU, the same read through $queryRaw 0.09 ms (measured 2026-12-03). On a
 * single-threaded server every request in the queue pays that difference, so these few lookups are
 * worth writing by hand; everything else stays on the model API.
 *
 * The SQL is the portable subset both SQLite and PostgreSQL accept (quoted identifiers as Prisma
 * names them, no dialect functions). Values are bound parameters, never interpolated.
 * Results are normalised with lib/sql-values.ts (SQLite booleans are 0/1, PostgreSQL counts bigint).
 */
import type { Db } from "@/lib/db";
import { toBool, toDate, toNumber } from "@/lib/sql-values";

export interface SessionUserRow {
  id: number;
  username: string;
  displayName: string;
  role: string;
  officeId: number | null;
  officeName: string | null;
  active: boolean;
  sessionVersion: number;
  /** Whether the session id given was ended by a logout (RevokedSession). */
  revoked: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  totpEnabledAt: Date | null;
  /** The account's one live session when SINGLE_SESSION is on. */
  currentSid: string | null;
}

interface RawSessionUserRow {
  id: unknown;
  username: string;
  displayName: string;
  role: string;
  officeId: unknown;
  officeName: string | null;
  active: unknown;
  sessionVersion: unknown;
  revoked: unknown;
  mustChangePassword: unknown;
  passwordChangedAt: unknown;
  totpEnabledAt: unknown;
  currentSid: string | null;
}

/** The session's user with their office, and in the same statement whether the session id was revoked. */
export async function findSessionUser(db: Db, userId: number, sid = ""): Promise<SessionUserRow | null> {
  const rows = await db.$queryRaw<RawSessionUserRow[]>`
    SELECT u."id", u."username", u."displayName", u."role", u."officeId", o."name" AS "officeName",
           u."active", u."sessionVersion", u."mustChangePassword", u."passwordChangedAt", u."totpEnabledAt", u."currentSid",
           EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r."sid" = ${sid}) AS "revoked"
    FROM "User" u LEFT JOIN "Office" o ON o."id" = u."officeId"
    WHERE u."id" = ${userId}`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: toNumber(row.id),
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    officeId: row.officeId === null ? null : toNumber(row.officeId),
    officeName: row.officeName,
    active: toBool(row.active),
    sessionVersion: toNumber(row.sessionVersion),
    revoked: toBool(row.revoked),
    mustChangePassword: toBool(row.mustChangePassword),
    passwordChangedAt: toDate(row.passwordChangedAt) ?? new Date(0),
    totpEnabledAt: toDate(row.totpEnabledAt),
    currentSid: row.currentSid,
  };
}

export async function countUnreadNotifications(db: Db, userId: number): Promise<number> {
  const rows = await db.$queryRaw<{ unread: unknown }[]>`
    SELECT COUNT(*) AS "unread" FROM "Notification" WHERE "userId" = ${userId} AND "readAt" IS NULL`;
  return toNumber(rows[0]?.unread);
}

/** The id of the newest audit row (all changes), or of the newest one that can move a figure. */
export async function latestAuditId(db: Db, onlyAffectingFigures: boolean): Promise<number> {
  // ORDER BY … LIMIT 1 rather than MAX(): one seek on the (affectsFigures, id) index on both databases.
  const rows = onlyAffectingFigures
    ? await db.$queryRaw<{ id: unknown }[]>`
        SELECT "id" FROM "AuditLog" WHERE "affectsFigures" = ${true} ORDER BY "id" DESC LIMIT 1`
    : await db.$queryRaw<{ id: unknown }[]>`SELECT "id" FROM "AuditLog" ORDER BY "id" DESC LIMIT 1`;
  return rows[0] ? toNumber(rows[0].id) : 0;
}
