/**
 * Four eyes (四眼原则): who took part in recording an entry, and so may not approve it. Read from
 * the append-only audit log of the entry — every create, content edit and submit, over every
 * return and reopen cycle — and of its evidence files (uploads and removals), plus the creator
 * column (rows written before the audit log recorded them). No schema of its own: nothing here can
 * be edited away.
 */
import type { Db, Tx } from "@/lib/db";

/** Audit actions on a LedgerEntry that make their actor a contributor. */
export const CONTRIBUTING_ENTRY_ACTIONS = ["create", "update", "submit"] as const;
/** Audit actions on one of the entry's attachments that make their actor a contributor. */
export const CONTRIBUTING_ATTACHMENT_ACTIONS = ["create", "delete"] as const;

export async function entryContributors(db: Db | Tx, entry: { id: number; createdById: number }): Promise<number[]> {
  const ids = new Set<number>([entry.createdById]);
  const [entryRows, attachments] = await Promise.all([
    db.auditLog.findMany({
      where: { entity: "LedgerEntry", entityId: String(entry.id), action: { in: [...CONTRIBUTING_ENTRY_ACTIONS] }, userId: { not: null } },
      select: { userId: true },
    }),
    db.attachment.findMany({ where: { entryId: entry.id }, select: { id: true, createdById: true } }),
  ]);
  for (const row of entryRows) if (row.userId !== null) ids.add(row.userId);
  for (const a of attachments) ids.add(a.createdById);
  if (attachments.length) {
    const fileRows = await db.auditLog.findMany({
      where: { entity: "Attachment", entityId: { in: attachments.map((a) => String(a.id)) }, action: { in: [...CONTRIBUTING_ATTACHMENT_ACTIONS] }, userId: { not: null } },
      select: { userId: true },
    });
    for (const row of fileRows) if (row.userId !== null) ids.add(row.userId);
  }
  return [...ids].sort((a, b) => a - b);
}
