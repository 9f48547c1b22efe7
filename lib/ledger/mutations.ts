/**
 * Ledger writes. Each takes (db, user, input) with zod-parsed input, applies ownership in the
 * Prisma `where`, checks the workflow table, and writes the change and its audit row in one
 * transaction. Optimistic locking: the version is part of the write's `where` (`updateMany`: 0 rows
 * ⇒ conflict; `update`: P2025 ⇒ conflict).
 */
import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit";
import { ConflictError, UserFacingError } from "@/lib/action-state";
import { can } from "@/lib/auth/permissions";
import { assertCan, asWorkflowEntry, auditActorOf, deletedScope, ForbiddenError, NotFoundError, readScope, writeScope, type LedgerUser } from "./access";
import { EDITABLE_STATUSES, TRANSITIONS, canDelete, canEdit, canRestore, decide, type WorkflowAction } from "./workflow";
import type { CreateEntryInput, EntryFields, UpdateEntryInput } from "./schemas";
import { leadHasLinks, linkedLeadDeleted, validateEntryFields, type CheckedFields } from "./validate";
import { entryContributors } from "./contributors";
import { workflowNotice } from "./workflow-notices";
import { formatEvidenceKinds, missingEvidenceMessage, parseEvidenceKinds, TARGET_KINDS, targetsNeedingEvidence } from "./evidence-rules";

export { addAttachment, removeAttachment } from "./attachments";

/** What the audit log keeps of an entry: the row with its quantities. */
const SNAPSHOT_INCLUDE = {
  quantities: { select: { targetId: true, value: true, completes: true }, orderBy: { targetId: "asc" } },
} satisfies Prisma.LedgerEntryInclude;

type CheckedQuantity = CheckedFields["quantities"][number];

async function writeQuantities(tx: Tx, entryId: number, quantities: readonly CheckedQuantity[]): Promise<void> {
  if (quantities.length) await tx.ledgerQuantity.createMany({ data: quantities.map((q) => ({ ...q, entryId })) });
}

/** The snapshot of a row just written: the same shape and order as SNAPSHOT_INCLUDE reads back. */
function withQuantities<T extends object>(row: T, quantities: readonly CheckedQuantity[]) {
  const sorted = [...quantities].sort((a, b) => a.targetId - b.targetId).map(({ targetId, value, completes }) => ({ targetId, value, completes }));
  return { ...row, quantities: sorted };
}

function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

function entryData(fields: EntryFields) {
  return {
    date: fields.date,
    title: fields.title,
    form: fields.form,
    description: fields.description,
    participants: fields.participants,
    category: fields.category,
    linkedEntryId: fields.linkedEntryId,
  };
}

export async function createEntry(db: Db, user: LedgerUser, input: CreateEntryInput) {
  assertCan(user, "ledger:write");
  // STAFF record for their own office only: an officeId in the input is never used for them.
  const writeAll = can(user.role, "ledger:writeAll");
  const officeId = writeAll ? input.officeId ?? null : user.officeId;
  if (officeId === null) throw new UserFacingError(writeAll ? "请选择填报科室" : "您的账户未关联科室，不能录入台账");
  // Every model query costs the query compiler a plan (README, performance): the office's state comes
  // with the point's rules, and the audit snapshot is the created row with the quantities written.
  return db.$transaction(async (tx) => {
    const checked = await validateEntryFields(tx, user, input.pointId, officeId, input, null);
    if (!checked.officeActive) throw new UserFacingError("所选科室不存在或已停用");
    const entry = await tx.ledgerEntry.create({
      data: {
        ...entryData(input),
        year: checked.year,
        workPointId: input.pointId,
        officeId,
        status: "DRAFT",
        createdById: user.id,
      },
    });
    await writeQuantities(tx, entry.id, checked.quantities);
    const after = withQuantities(entry, checked.quantities);
    await writeAudit(tx, auditActorOf(user), { entity: "LedgerEntry", entityId: entry.id, action: "create", after });
    return after;
  });
}

export async function updateEntry(db: Db, user: LedgerUser, input: UpdateEntryInput) {
  assertCan(user, "ledger:write");
  return db.$transaction(async (tx) => {
    const scope = { ...writeScope(user), ...deletedScope(user) };
    // The row as found (with its quantities) is the audit's "before"; the updated row with the
    // quantities written is the "after" (see createEntry on why no re-read).
    const before = await tx.ledgerEntry.findFirst({ where: { id: input.id, ...scope }, include: SNAPSHOT_INCLUDE });
    if (!before) throw new NotFoundError();
    if (before.version !== input.version) throw new ConflictError();
    const allowed = canEdit(user, asWorkflowEntry(before));
    if (!allowed.ok) throw new UserFacingError(allowed.message);
    const checked = await validateEntryFields(tx, user, before.workPointId, before.officeId, input, before);
    const row = await tx.ledgerEntry
      .update({
        // The version in the where is the optimistic lock: no row matches once someone else saved.
        where: { id: input.id, version: input.version, deletedAt: null, status: { in: [...EDITABLE_STATUSES] }, AND: [writeScope(user)] },
        data: { ...entryData(input), version: { increment: 1 } },
      })
      .catch((error: unknown) => {
        throw isRecordNotFound(error) ? new ConflictError() : error;
      });
    await tx.$executeRaw`DELETE FROM "LedgerQuantity" WHERE "entryId" = ${row.id}`;
    await writeQuantities(tx, row.id, checked.quantities);
    const after = withQuantities(row, checked.quantities);
    await writeAudit(tx, auditActorOf(user), { entity: "LedgerEntry", entityId: row.id, action: "update", before, after });
    return after;
  });
}

export interface TransitionInput {
  id: number;
  version: number;
  /** Required for "return". */
  reason?: string;
}

/** submit / recall / approve / return / reopen, checked against the workflow table. */
export async function transitionEntry(db: Db, user: LedgerUser, action: WorkflowAction, input: TransitionInput) {
  const t = TRANSITIONS[action];
  assertCan(user, t.permission);
  if (action === "return" && !input.reason?.trim()) throw new UserFacingError("请填写退回原因");
  return db.$transaction(async (tx) => {
    const scope = { ...(t.ownOffice ? writeScope(user) : readScope(user)), ...deletedScope(user) };
    const found = await tx.ledgerEntry.findFirst({ where: { id: input.id, ...scope } });
    if (!found) throw new NotFoundError();
    // Four eyes, read in the approving transaction: a concurrent edit or submit bumps the version,
    // so the guarded update below finds no row and nothing is approved on a stale list.
    const contributorIds = t.notContributor ? await entryContributors(tx, found) : undefined;
    const decision = decide(action, user, { ...asWorkflowEntry(found), contributorIds });
    if (!decision.ok) throw new ForbiddenError(decision.message);
    if (found.version !== input.version) throw new ConflictError();
    if (action === "submit") await assertEvidence(tx, found.id);
    const now = new Date();
    const extra =
      action === "submit"
        ? { submittedAt: now }
        : action === "recall"
          ? { submittedAt: null }
          : action === "approve"
            ? { reviewedById: user.id, reviewedAt: now }
            : action === "return"
              ? { reviewedById: user.id, reviewedAt: now, returnReason: input.reason!.trim() }
              : { reviewedById: null, reviewedAt: null };
    const { count } = await tx.ledgerEntry.updateMany({
      where: { id: found.id, version: input.version, status: found.status, deletedAt: null, ...scope },
      data: { status: decision.to, version: { increment: 1 }, ...extra },
    });
    if (count === 0) throw new ConflictError();
    const after = await tx.ledgerEntry.findUniqueOrThrow({ where: { id: found.id } });
    await writeAudit(tx, auditActorOf(user), {
      entity: "LedgerEntry",
      entityId: found.id,
      action: t.audit,
      before: { status: found.status, version: found.version },
      after: { status: after.status, version: after.version, returnReason: action === "return" ? after.returnReason : undefined },
    });
    await notifyWorkflowStep(tx, user, action, after);
    return after;
  });
}

/**
 * The unit's evidence rule (lib/ledger/evidence-rules.ts), checked in the submitting transaction:
 * an entry counting toward a target of a listed kind needs at least one live evidence file.
 */
async function assertEvidence(tx: Tx, entryId: number) {
  const [settings, quantities, files] = await Promise.all([
    tx.unitSettings.findUnique({ where: { id: 1 }, select: { evidenceKinds: true } }),
    tx.ledgerQuantity.findMany({ where: { entryId }, select: { value: true, completes: true, target: { select: { kind: true, subject: true } } } }),
    tx.attachment.count({ where: { entryId, deletedAt: null } }),
  ]);
  if (files > 0) return;
  const kinds = parseEvidenceKinds(settings ? settings.evidenceKinds : formatEvidenceKinds(TARGET_KINDS));
  const subjects = targetsNeedingEvidence(quantities, kinds);
  if (subjects.length > 0) throw new UserFacingError(missingEvidenceMessage(subjects));
}

/**
 * The notification of a workflow step (lib/ledger/workflow-notices.ts), written in the step's
 * transaction: the reviewers (active 法治办 accounts) of a submission, the entry's office (its
 * active STAFF and the entry's creator) of a return, approval or reopening; never the actor.
 */
async function notifyWorkflowStep(tx: Tx, user: LedgerUser, action: WorkflowAction, entry: { id: number; title: string; officeId: number; createdById: number; workPointId: number; returnReason: string | null }) {
  const [point, office, actor] = await Promise.all([
    tx.workPoint.findUnique({ where: { id: entry.workPointId }, select: { number: true } }),
    tx.office.findUnique({ where: { id: entry.officeId }, select: { name: true } }),
    tx.user.findUnique({ where: { id: user.id }, select: { displayName: true } }),
  ]);
  const notice = workflowNotice(
    action,
    { id: entry.id, title: entry.title, officeName: office?.name ?? "", pointNumber: point?.number ?? 0 },
    actor?.displayName ?? user.username,
    entry.returnReason ?? undefined,
  );
  if (!notice) return;
  const recipients = await tx.user.findMany({
    where:
      notice.audience === "reviewers"
        ? { role: "COORDINATOR", active: true, id: { not: user.id } }
        : { active: true, id: { not: user.id }, OR: [{ officeId: entry.officeId, role: "STAFF" }, { id: entry.createdById }] },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  if (recipients.length === 0) return;
  await tx.notification.createMany({ data: recipients.map((r) => ({ userId: r.id, title: notice.title, body: notice.body, link: notice.link })) });
}

/**
 * Soft delete: the row stays (deletedAt), the COORDINATOR can list (deleted=1) and restore it.
 * A lead office's record that live 协办 entries point at is not deleted: those entries never count
 * themselves, so the event would silently drop out of the totals. Unlink or delete them first.
 */
export async function deleteEntry(db: Db, user: LedgerUser, input: { id: number; version: number }) {
  assertCan(user, "ledger:write");
  return db.$transaction(async (tx) => {
    const found = await tx.ledgerEntry.findFirst({ where: { id: input.id, ...writeScope(user), ...deletedScope(user) } });
    if (!found) throw new NotFoundError();
    const allowed = canDelete(user, asWorkflowEntry(found));
    if (!allowed.ok) throw new UserFacingError(allowed.message);
    if (found.version !== input.version) throw new ConflictError();
    const links = await tx.ledgerEntry.findMany({ where: { linkedEntryId: found.id, deletedAt: null }, select: { id: true }, orderBy: { id: "asc" } });
    if (links.length) throw new UserFacingError(leadHasLinks(links.map((l) => l.id)));
    const { count } = await tx.ledgerEntry.updateMany({
      // The link check is repeated in the statement itself, so a 协办 link made meanwhile stops the delete.
      where: { id: found.id, version: input.version, deletedAt: null, status: found.status, coHostEntries: { none: { deletedAt: null } }, ...writeScope(user) },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, auditActorOf(user), {
      entity: "LedgerEntry",
      entityId: found.id,
      action: "delete",
      before: { status: found.status, version: found.version, deletedAt: null },
      after: { deletedAt: true, version: found.version + 1 },
    });
  });
}

export async function restoreEntry(db: Db, user: LedgerUser, input: { id: number; version: number }) {
  assertCan(user, "ledger:restore");
  return db.$transaction(async (tx) => {
    const found = await tx.ledgerEntry.findFirst({ where: { id: input.id, ...readScope(user) } });
    if (!found) throw new NotFoundError();
    const allowed = canRestore(user, asWorkflowEntry(found));
    if (!allowed.ok) throw new UserFacingError(allowed.message);
    if (found.version !== input.version) throw new ConflictError();
    if (found.linkedEntryId !== null) {
      const lead = await tx.ledgerEntry.findUnique({ where: { id: found.linkedEntryId }, select: { deletedAt: true } });
      if (!lead || lead.deletedAt !== null) throw new UserFacingError(linkedLeadDeleted(found.linkedEntryId));
    }
    const { count } = await tx.ledgerEntry.updateMany({
      where: { id: found.id, version: input.version, deletedAt: { not: null }, OR: [{ linkedEntryId: null }, { linkedEntry: { deletedAt: null } }], ...readScope(user) },
      data: { deletedAt: null, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, auditActorOf(user), {
      entity: "LedgerEntry",
      entityId: found.id,
      action: "restore",
      before: { deletedAt: found.deletedAt, version: found.version },
      after: { deletedAt: null, version: found.version + 1 },
    });
  });
}
