/**
 * 学法清单 changes. The 法治办 (regulation:manage) lists, annotates and removes rules, each in one
 * transaction with its audit row. A reader marks a listed rule 已学 for themselves: idempotent
 * (marking twice, or unmarking what was never marked, is no error) and deliberately not written
 * to the audit log, which leaders read: an audit row per mark would be a list of who studied what.
 */
import type { Db } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { UserFacingError } from "@/lib/action-state";
import { can, type Permission } from "@/lib/auth/permissions";
import { isRole } from "@/lib/auth/roles";
import { NOT_FOUND_MESSAGE } from "@/lib/regulations/constants";
import type { AddStudyItemInput, StudyMarkInput, UpdateStudyNoteInput } from "./schemas";

export const STUDY_ENTITY = "StudyList";
export const REPEALED_STUDY_MESSAGE = "该制度已废止，不能列入学法清单";
export const ITEM_NOT_FOUND_MESSAGE = "该学法清单条目不存在，可能已被移出";
export const alreadyListedMessage = (year: number) => `该制度已在${year}年学法清单中`;
export const notListedMessage = (year: number) => `该制度不在${year}年学法清单中`;

function assertCan(actor: AuditActor, permission: Permission) {
  if (!isRole(actor.role) || !can(actor.role, permission)) throw new UserFacingError("您没有执行此操作的权限");
}

function isUniqueViolation(error: unknown): boolean {
  return Boolean(error && typeof error === "object" && "code" in error && (error as { code: string }).code === "P2002");
}

export async function addStudyItem(db: Db, actor: AuditActor, input: AddStudyItemInput) {
  assertCan(actor, "regulation:manage");
  try {
    return await db.$transaction(async (tx) => {
      const rule = await tx.regulation.findUnique({ where: { id: input.regulationId }, select: { id: true, title: true, status: true } });
      if (!rule) throw new UserFacingError(NOT_FOUND_MESSAGE);
      if (rule.status === "REPEALED") throw new UserFacingError(REPEALED_STUDY_MESSAGE);
      const last = await tx.studyListItem.aggregate({ where: { year: input.year }, _max: { sortOrder: true } });
      // The unique (year, regulationId) index stops a second listing, also in a race.
      const item = await tx.studyListItem.create({
        data: { year: input.year, regulationId: rule.id, note: input.note, sortOrder: (last._max.sortOrder ?? 0) + 1, addedById: actor.id },
      });
      await writeAudit(tx, actor, {
        entity: STUDY_ENTITY,
        entityId: item.id,
        action: "add",
        after: { year: item.year, regulationId: rule.id, title: rule.title, note: item.note },
      });
      return item;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError(alreadyListedMessage(input.year));
    throw error;
  }
}

export async function updateStudyNote(db: Db, actor: AuditActor, input: UpdateStudyNoteInput) {
  assertCan(actor, "regulation:manage");
  return db.$transaction(async (tx) => {
    const before = await tx.studyListItem.findUnique({ where: { id: input.itemId } });
    if (!before) throw new UserFacingError(ITEM_NOT_FOUND_MESSAGE);
    const item = await tx.studyListItem.update({ where: { id: before.id }, data: { note: input.note } });
    await writeAudit(tx, actor, { entity: STUDY_ENTITY, entityId: item.id, action: "note", before: { note: before.note }, after: { note: item.note } });
    return item;
  });
}

/** Removes a rule from the year's list; readers' marks of it for that year go with it (same transaction). */
export async function removeStudyItem(db: Db, actor: AuditActor, itemId: number) {
  assertCan(actor, "regulation:manage");
  return db.$transaction(async (tx) => {
    const item = await tx.studyListItem.findUnique({ where: { id: itemId } });
    if (!item) throw new UserFacingError(ITEM_NOT_FOUND_MESSAGE);
    await tx.studyMark.deleteMany({ where: { regulationId: item.regulationId, year: item.year } });
    await tx.studyListItem.delete({ where: { id: item.id } });
    // No count of the deleted marks: not even the audit log says how many people studied a rule.
    await writeAudit(tx, actor, {
      entity: STUDY_ENTITY,
      entityId: item.id,
      action: "remove",
      before: { year: item.year, regulationId: item.regulationId, note: item.note },
      after: { marksDeleted: true },
    });
    return item;
  });
}

/** The reader marks a listed rule 已学 for the year; marking it again changes nothing. */
export async function markStudied(db: Db, reader: AuditActor & { id: number }, input: StudyMarkInput): Promise<void> {
  assertCan(reader, "regulation:read");
  try {
    await db.$transaction(async (tx) => {
      const item = await tx.studyListItem.findUnique({ where: { year_regulationId: { year: input.year, regulationId: input.regulationId } }, select: { id: true } });
      if (!item) throw new UserFacingError(notListedMessage(input.year));
      await tx.studyMark.upsert({
        where: { userId_regulationId_year: { userId: reader.id, regulationId: input.regulationId, year: input.year } },
        create: { userId: reader.id, regulationId: input.regulationId, year: input.year },
        update: {},
      });
    });
  } catch (error) {
    // Two clicks at once: the unique index kept one mark, which is what the reader asked for.
    if (!isUniqueViolation(error)) throw error;
  }
}

/** The reader withdraws their own mark; withdrawing a mark that does not exist is no error. */
export async function unmarkStudied(db: Db, reader: AuditActor & { id: number }, input: StudyMarkInput): Promise<void> {
  assertCan(reader, "regulation:read");
  await db.studyMark.deleteMany({ where: { userId: reader.id, regulationId: input.regulationId, year: input.year } });
}
