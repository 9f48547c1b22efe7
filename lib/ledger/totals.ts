/**
 * Target totals from the ledger. Only APPROVED, non-deleted entries count, and a 协办 entry (one
 * linked to the lead office's record of the same event, `linkedEntryId` set) never counts: the
 * lead office's entry already does. Reuse these for the dashboard, plans pages and the report.
 *
 * The link never goes stale: a lead record with live 协办 entries cannot be deleted, and a deleted
 * 协办 entry is not restored while its lead record is deleted (lib/ledger/mutations.ts). While the
 * lead record is returned or recalled the event counts nowhere, as any unapproved record; it counts
 * once, through the lead record, when that is approved again.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/lib/db";
import { actualOf } from "@/lib/progress/target";
import type { TargetAggregate, TargetKind } from "@/lib/progress/types";

/** The entries whose quantities count toward completion. */
export const COUNTED_ENTRY: Prisma.LedgerEntryWhereInput = { status: "APPROVED", deletedAt: null, linkedEntryId: null };
/** Submitted and waiting for review (shown as 待审核, never counted). */
export const PENDING_ENTRY: Prisma.LedgerEntryWhereInput = { status: "SUBMITTED", deletedAt: null, linkedEntryId: null };

type Client = Db | Tx;

/**
 * One TargetAggregate (lib/progress) per target that has counted quantities: sum and entry count
 * by a GROUP BY over LedgerQuantity, plus BOOLEAN completion, first/last entry date and the latest
 * PERCENT reading. `extraEntryWhere` narrows the entries (e.g. `{ officeId }` for one office's share).
 */
export async function approvedTargetAggregates(
  db: Client,
  targetIds: readonly number[],
  extraEntryWhere: Prisma.LedgerEntryWhereInput = {},
): Promise<TargetAggregate[]> {
  if (targetIds.length === 0) return [];
  const entry = { ...extraEntryWhere, ...COUNTED_ENTRY };
  const where: Prisma.LedgerQuantityWhereInput = { targetId: { in: [...targetIds] }, entry };
  const [sums, completed] = await Promise.all([
    db.ledgerQuantity.groupBy({ by: ["targetId"], where, _sum: { value: true }, _count: { _all: true } }),
    db.ledgerQuantity.groupBy({ by: ["targetId"], where: { ...where, completes: true }, _count: { _all: true } }),
  ]);
  const done = new Set(completed.map((c) => c.targetId));
  return Promise.all(
    sums.map(async (row) => {
      const one = { targetId: row.targetId, entry };
      const [first, last] = await Promise.all([
        db.ledgerQuantity.findFirst({ where: one, orderBy: [{ entry: { date: "asc" } }, { entryId: "asc" }], select: { entry: { select: { date: true } } } }),
        db.ledgerQuantity.findFirst({ where: one, orderBy: [{ entry: { date: "desc" } }, { entryId: "desc" }], select: { value: true, entry: { select: { date: true } } } }),
      ]);
      return {
        targetId: row.targetId,
        sum: row._sum.value ?? 0,
        entryCount: row._count._all,
        latestValue: last?.value ?? null,
        completed: done.has(row.targetId),
        firstDate: first?.entry.date ?? null,
        lastDate: last?.entry.date ?? null,
      } satisfies TargetAggregate;
    }),
  );
}

export interface TargetTotal {
  targetId: number;
  /** COUNT/SUM: approved sum; PERCENT: latest approved reading; BOOLEAN: 1 when completed. */
  approved: number;
  approvedEntries: number;
  /** Sum of quantities on submitted (待审核) entries. */
  pending: number;
  pendingEntries: number;
}

/** Approved and pending totals per target, for the entry form and the entry page. */
export async function targetTotals(db: Client, targets: readonly { id: number; kind: string }[]): Promise<Map<number, TargetTotal>> {
  const ids = targets.map((t) => t.id);
  const [aggregates, pending] = await Promise.all([
    approvedTargetAggregates(db, ids),
    ids.length
      ? db.ledgerQuantity.groupBy({ by: ["targetId"], where: { targetId: { in: ids }, entry: PENDING_ENTRY }, _sum: { value: true }, _count: { _all: true } })
      : Promise.resolve([]),
  ]);
  const byId = new Map(aggregates.map((a) => [a.targetId, a]));
  const pendingById = new Map(pending.map((p) => [p.targetId, p]));
  const out = new Map<number, TargetTotal>();
  for (const target of targets) {
    const agg = byId.get(target.id);
    const p = pendingById.get(target.id);
    out.set(target.id, {
      targetId: target.id,
      approved: actualOf(target.kind as TargetKind, agg),
      approvedEntries: agg?.entryCount ?? 0,
      pending: p?._sum.value ?? 0,
      pendingEntries: p?._count._all ?? 0,
    });
  }
  return out;
}

/** Approved, counted entries per work point (PointDef.approvedEntryCount). */
export async function approvedEntryCounts(db: Client, pointIds: readonly number[]): Promise<Map<number, number>> {
  if (pointIds.length === 0) return new Map();
  const rows = await db.ledgerEntry.groupBy({
    by: ["workPointId"],
    where: { workPointId: { in: [...pointIds] }, ...COUNTED_ENTRY },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.workPointId, r._count._all]));
}
