import type { Tx, Db } from "@/lib/db";

export interface AuditActor {
  id: number | null;
  username: string;
  role: string;
}

export interface AuditRecord {
  entity: string;
  entityId?: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
  ip?: string;
}

/** Writes one audit row; call it inside the same transaction as the change it records. */
export async function writeAudit(db: Tx | Db, actor: AuditActor | null, record: AuditRecord): Promise<void> {
  await db.auditLog.create({
    data: {
      userId: actor?.id ?? null,
      username: actor?.username ?? "",
      role: actor?.role ?? "",
      entity: record.entity,
      entityId: record.entityId === undefined ? "" : String(record.entityId),
      action: record.action,
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
      ip: record.ip ?? "",
    },
  });
}
