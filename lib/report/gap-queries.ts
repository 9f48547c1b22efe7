/** Reads behind the report's gap list (./gaps): the year's entries nobody has reviewed yet, one query. */
import type { Db } from "@/lib/db";
import { isoDay } from "./facts";
import { UNREVIEWED_STATUSES, type UnreviewedEntry } from "./gaps";

/** Shown in full up to this many; the page says how many more there are. */
export const UNREVIEWED_SHOWN = 50;

export async function loadUnreviewedEntries(db: Db, year: number): Promise<{ entries: UnreviewedEntry[]; total: number }> {
  const where = { year, status: { in: [...UNREVIEWED_STATUSES] }, deletedAt: null };
  const [rows, total] = await Promise.all([
    db.ledgerEntry.findMany({
      where,
      orderBy: [{ date: "asc" }, { id: "asc" }],
      take: UNREVIEWED_SHOWN,
      select: { id: true, date: true, title: true, status: true, office: { select: { name: true } } },
    }),
    db.ledgerEntry.count({ where }),
  ]);
  return {
    entries: rows.map((row) => ({ id: row.id, date: isoDay(row.date), title: row.title, officeName: row.office.name, status: row.status })),
    total,
  };
}
