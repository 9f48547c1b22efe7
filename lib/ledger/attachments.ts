/**
 * Evidence attachments: added and removed only while their entry is editable (草稿 / 已退回),
 * by someone who writes for the entry's office; read through the same scope as the entry.
 */
import { providerOf, type Db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { UserFacingError } from "@/lib/action-state";
import { assertCan, asWorkflowEntry, auditActorOf, deletedScope, NotFoundError, readScope, writeScope, type LedgerUser } from "./access";
import { EDITABLE_STATUSES, canEdit } from "./workflow";
import { inspectUpload } from "./files";

export const MAX_ATTACHMENTS_PER_ENTRY = 30;

async function editableEntry(db: Pick<Db, "ledgerEntry">, user: LedgerUser, entryId: number) {
  const entry = await db.ledgerEntry.findFirst({ where: { id: entryId, ...writeScope(user), ...deletedScope(user) } });
  if (!entry) throw new NotFoundError();
  const allowed = canEdit(user, asWorkflowEntry(entry));
  if (!allowed.ok) throw new UserFacingError(allowed.message === "已通过审核的台账不能修改" ? "已通过审核的台账不能再增删佐证材料" : allowed.message);
  return entry;
}

/**
 * Checks ownership first (so another office's entry id says only "不存在或无权访问"), then the file
 * by content, then stores it with its sha256 and the audit row in one transaction.
 */
export async function addAttachment(db: Db, user: LedgerUser, input: { entryId: number; fileName: string; bytes: Uint8Array<ArrayBuffer> }) {
  assertCan(user, "ledger:write");
  await editableEntry(db, user, input.entryId);
  const file = await inspectUpload(input.fileName, input.bytes);
  const onPostgres = providerOf(db) === "postgresql";
  return db.$transaction(async (tx) => {
    // The checks below and the insert are one step: SQLite transactions begin IMMEDIATE (lib/db.ts),
    // PostgreSQL takes a transaction-scoped lock per entry, so two parallel uploads cannot both pass.
    if (onPostgres) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attachment:${input.entryId}`}))`;
    await editableEntry(tx, user, input.entryId);
    const count = await tx.attachment.count({ where: { entryId: input.entryId, deletedAt: null } });
    if (count >= MAX_ATTACHMENTS_PER_ENTRY) throw new UserFacingError(`每条台账最多上传 ${MAX_ATTACHMENTS_PER_ENTRY} 个附件`);
    const same = await tx.attachment.findFirst({ where: { entryId: input.entryId, deletedAt: null, sha256: file.sha256 }, select: { fileName: true } });
    if (same) throw new UserFacingError(`该文件已上传过（与“${same.fileName}”内容相同），无需重复上传`);
    const created = await tx.attachment.create({
      data: {
        entryId: input.entryId,
        fileName: file.fileName,
        mimeType: file.mimeType,
        size: file.size,
        sha256: file.sha256,
        data: input.bytes,
        createdById: user.id,
      },
      select: { id: true, entryId: true, fileName: true, mimeType: true, size: true, sha256: true, createdAt: true },
    });
    await writeAudit(tx, auditActorOf(user), { entity: "Attachment", entityId: created.id, action: "create", after: created });
    return created;
  });
}

/** Soft delete (deletedAt). */
export async function removeAttachment(db: Db, user: LedgerUser, input: { id: number }) {
  assertCan(user, "ledger:write");
  return db.$transaction(async (tx) => {
    const attachment = await tx.attachment.findFirst({
      where: { id: input.id, deletedAt: null, entry: { ...writeScope(user), deletedAt: null } },
      select: { id: true, entryId: true, fileName: true, sha256: true },
    });
    if (!attachment) throw new NotFoundError();
    const entry = await editableEntry(tx, user, attachment.entryId);
    const { count } = await tx.attachment.updateMany({
      where: { id: attachment.id, deletedAt: null, entry: { id: entry.id, status: { in: [...EDITABLE_STATUSES] } } },
      data: { deletedAt: new Date() },
    });
    if (count === 0) throw new NotFoundError();
    await writeAudit(tx, auditActorOf(user), { entity: "Attachment", entityId: attachment.id, action: "delete", before: attachment });
    return attachment;
  });
}

/** The file for GET /api/attachments/[id]: same visibility as its entry, or null. */
export async function getAttachmentForDownload(db: Db, user: LedgerUser, id: number) {
  return db.attachment.findFirst({
    where: { id, deletedAt: null, entry: { ...readScope(user), ...deletedScope(user) } },
    select: { id: true, fileName: true, mimeType: true, size: true, sha256: true, data: true, entryId: true },
  });
}
