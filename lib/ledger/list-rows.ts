/**
 * The ledger list's rows, read by id in two parameterised statements (lib/hot-path.ts explains why
 * a page read on every request is worth writing by hand): the entries with their office, work point
 * and live attachment count, then their quantities with each target. Which ids, in which order, is
 * decided by the caller's Prisma query, so the access rules (readScope) stay in one place.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { toBool, toDate, toNumber } from "@/lib/sql-values";

export interface LedgerListQuantity {
  value: number;
  completes: boolean;
  target: { subject: string; unit: string; kind: string };
}

export interface LedgerListRow {
  id: number;
  year: number;
  date: Date;
  title: string;
  form: string;
  status: string;
  category: string;
  linkedEntryId: number | null;
  updatedAt: Date;
  deletedAt: Date | null;
  officeId: number;
  office: { name: string };
  workPoint: { id: number; number: number; title: string };
  quantities: LedgerListQuantity[];
  _count: { attachments: number };
}

interface RawEntryRow {
  id: unknown;
  year: unknown;
  date: unknown;
  title: string;
  form: string;
  status: string;
  category: string;
  linkedEntryId: unknown;
  updatedAt: unknown;
  deletedAt: unknown;
  officeId: unknown;
  officeName: string;
  pointId: unknown;
  pointNumber: unknown;
  pointTitle: string;
  attachments: unknown;
}

interface RawQuantityRow {
  entryId: unknown;
  value: unknown;
  completes: unknown;
  subject: string;
  unit: string;
  kind: string;
}

/** The rows of `ids`, in the order of `ids`; an id that no longer exists is left out. */
export async function loadListRows(db: Db, ids: readonly number[]): Promise<LedgerListRow[]> {
  if (ids.length === 0) return [];
  const list = Prisma.join(ids);
  const [entries, quantities] = await Promise.all([
    db.$queryRaw<RawEntryRow[]>(Prisma.sql`
      SELECT e."id", e."year", e."date", e."title", e."form", e."status", e."category", e."linkedEntryId",
             e."updatedAt", e."deletedAt", e."officeId", o."name" AS "officeName",
             w."id" AS "pointId", w."number" AS "pointNumber", w."title" AS "pointTitle",
             (SELECT COUNT(*) FROM "Attachment" a WHERE a."entryId" = e."id" AND a."deletedAt" IS NULL) AS "attachments"
      FROM "LedgerEntry" e
      JOIN "Office" o ON o."id" = e."officeId"
      JOIN "WorkPoint" w ON w."id" = e."workPointId"
      WHERE e."id" IN (${list})`),
    db.$queryRaw<RawQuantityRow[]>(Prisma.sql`
      SELECT q."entryId", q."value", q."completes", t."subject", t."unit", t."kind"
      FROM "LedgerQuantity" q JOIN "Target" t ON t."id" = q."targetId"
      WHERE q."entryId" IN (${list})
      ORDER BY q."id"`),
  ]);
  const byEntry = new Map<number, LedgerListQuantity[]>();
  for (const q of quantities) {
    const entryId = toNumber(q.entryId);
    let rows = byEntry.get(entryId);
    if (!rows) byEntry.set(entryId, (rows = []));
    rows.push({ value: toNumber(q.value), completes: toBool(q.completes), target: { subject: q.subject, unit: q.unit, kind: q.kind } });
  }
  const byId = new Map<number, LedgerListRow>();
  for (const e of entries) {
    const id = toNumber(e.id);
    byId.set(id, {
      id,
      year: toNumber(e.year),
      date: toDate(e.date) ?? new Date(0),
      title: e.title,
      form: e.form,
      status: e.status,
      category: e.category,
      linkedEntryId: e.linkedEntryId === null ? null : toNumber(e.linkedEntryId),
      updatedAt: toDate(e.updatedAt) ?? new Date(0),
      deletedAt: toDate(e.deletedAt),
      officeId: toNumber(e.officeId),
      office: { name: e.officeName },
      workPoint: { id: toNumber(e.pointId), number: toNumber(e.pointNumber), title: e.pointTitle },
      quantities: byEntry.get(id) ?? [],
      _count: { attachments: toNumber(e.attachments) },
    });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}
