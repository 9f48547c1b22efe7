/**
 * 制度库 changes: 制定 (a rule with version 1), 修订 (a new version; the old one stays), 废止 (date,
 * reason, replacing rule), 复核 (reviewed, still fit), and links to work points. Each is one
 * transaction with its audit row and its search index row; checks and writes are atomic
 * (conditional updates on the row version, unique constraints on 文号 and version number).
 */
import crypto from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import { providerOf } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { ConflictError, UserFacingError } from "@/lib/action-state";
import { can } from "@/lib/auth/permissions";
import { isRole } from "@/lib/auth/roles";
import { calendarDayAt } from "@/lib/progress";
import {
  ALREADY_REPEALED_MESSAGE,
  NO_TEXT_MESSAGE,
  NOT_FOUND_MESSAGE,
  REPEALED_REVISE_MESSAGE,
  duplicateDocNumberMessage,
} from "./constants";
import { extractRegulationText } from "./file-text";
import { writeSearchIndex } from "./search-index";
import { defaultValidUntil } from "./validity";
import type { CreateRegulationInput, LinkPointInput, RepealRegulationInput, ReviseRegulationInput } from "./schemas";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface MutationOptions {
  today?: Date;
}

function assertManage(actor: AuditActor) {
  if (!isRole(actor.role) || !can(actor.role, "regulation:manage")) throw new UserFacingError("您没有执行此操作的权限");
}

async function textOf(pasted: string, file: UploadedFile | undefined) {
  let extracted = { text: "", searchable: false };
  if (file && file.bytes.byteLength > 0) extracted = await extractRegulationText(file.name, file.bytes);
  const text = pasted || extracted.text;
  if (!text && !file?.bytes.byteLength) throw new UserFacingError(NO_TEXT_MESSAGE);
  return { text, searchable: text.length > 0 };
}

function fileColumns(file: UploadedFile | undefined) {
  if (!file || file.bytes.byteLength === 0) return {};
  return {
    fileName: file.name.slice(0, 200),
    fileSha256: crypto.createHash("sha256").update(file.bytes).digest("hex"),
    fileData: Buffer.from(file.bytes) as unknown as Uint8Array<ArrayBuffer>,
  };
}

async function assertDocNumberFree(tx: Tx, docNumber: string, exceptId?: number) {
  if (!docNumber) return;
  const other = await tx.regulation.findFirst({ where: { docNumber, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { title: true } });
  if (other) throw new UserFacingError(duplicateDocNumberMessage(docNumber, other.title));
}

/** The unique index on 文号 is the atomic guard; its violation gets the same clear message. */
function rethrowDuplicate(error: unknown, docNumber: string): never {
  if (error && typeof error === "object" && "code" in error && (error as { code: string }).code === "P2002" && docNumber) {
    throw new UserFacingError(`文号“${docNumber}”已被其他制度使用，请核对文号`);
  }
  throw error;
}

export async function createRegulation(db: Db, actor: AuditActor, input: CreateRegulationInput, file?: UploadedFile, options: MutationOptions = {}) {
  assertManage(actor);
  const { text, searchable } = await textOf(input.fullText, file);
  const effectiveOn = input.effectiveOn ?? input.adoptedOn;
  const validUntil = input.validUntil ?? defaultValidUntil(effectiveOn, input.title, input.status);
  const kind = providerOf(db);
  const today = options.today ?? calendarDayAt(new Date());
  try {
    return await db.$transaction(async (tx) => {
      await assertDocNumberFree(tx, input.docNumber);
      const regulation = await tx.regulation.create({
        data: {
          title: input.title,
          docNumber: input.docNumber || null,
          issuer: input.issuer,
          category: input.category,
          officeId: input.officeId ?? null,
          status: input.status,
          adoptedOn: input.adoptedOn,
          effectiveOn,
          validUntil,
          lastReviewedOn: today,
          searchable,
          versions: {
            create: { versionNo: 1, docNumber: input.docNumber, adoptedOn: input.adoptedOn, effectiveOn, fullText: text, note: input.note || "制定", createdById: actor.id, ...fileColumns(file) },
          },
        },
      });
      await writeSearchIndex(tx, kind, { id: regulation.id, title: regulation.title, docNumber: input.docNumber, body: text });
      await writeAudit(tx, actor, {
        entity: "Regulation",
        entityId: regulation.id,
        action: "create",
        after: { title: regulation.title, docNumber: input.docNumber, category: input.category, status: input.status, versionNo: 1, fileName: file?.name ?? "", searchable },
      });
      return regulation;
    });
  } catch (error) {
    rethrowDuplicate(error, input.docNumber);
  }
}

export async function reviseRegulation(db: Db, actor: AuditActor, input: ReviseRegulationInput, file?: UploadedFile, options: MutationOptions = {}) {
  assertManage(actor);
  const current = await db.regulation.findUnique({ where: { id: input.regulationId } });
  if (!current) throw new UserFacingError(NOT_FOUND_MESSAGE);
  if (current.status === "REPEALED") throw new UserFacingError(REPEALED_REVISE_MESSAGE);
  const { text, searchable } = await textOf(input.fullText, file);
  const effectiveOn = input.effectiveOn ?? input.adoptedOn;
  const docNumber = input.docNumber || current.docNumber || "";
  const kind = providerOf(db);
  const today = options.today ?? calendarDayAt(new Date());
  try {
    return await db.$transaction(async (tx) => {
      await assertDocNumberFree(tx, docNumber, current.id);
      const versionNo = current.currentVersion + 1;
      const updated = await tx.regulation.updateMany({
        where: { id: current.id, version: input.expectedVersion, status: { not: "REPEALED" } },
        data: {
          version: { increment: 1 },
          currentVersion: versionNo,
          docNumber: docNumber || null,
          adoptedOn: input.adoptedOn,
          effectiveOn,
          validUntil: defaultValidUntil(effectiveOn, current.title, current.status),
          lastReviewedOn: today,
          searchable,
        },
      });
      if (updated.count === 0) {
        const now = await tx.regulation.findUnique({ where: { id: current.id }, select: { status: true } });
        if (now?.status === "REPEALED") throw new UserFacingError(REPEALED_REVISE_MESSAGE);
        throw new ConflictError();
      }
      const version = await tx.regulationVersion.create({
        data: { regulationId: current.id, versionNo, docNumber, adoptedOn: input.adoptedOn, effectiveOn, fullText: text, note: input.note, createdById: actor.id, ...fileColumns(file) },
      });
      await writeSearchIndex(tx, kind, { id: current.id, title: current.title, docNumber, body: text });
      await writeAudit(tx, actor, {
        entity: "Regulation",
        entityId: current.id,
        action: "revise",
        before: { versionNo: current.currentVersion, docNumber: current.docNumber },
        after: { versionNo, docNumber, note: input.note, fileName: file?.name ?? "", searchable },
      });
      return version;
    });
  } catch (error) {
    rethrowDuplicate(error, docNumber);
  }
}

export async function repealRegulation(db: Db, actor: AuditActor, input: RepealRegulationInput) {
  assertManage(actor);
  if (input.replacedById === input.regulationId) throw new UserFacingError("替代制度不能是该制度本身");
  return db.$transaction(async (tx) => {
    const current = await tx.regulation.findUnique({ where: { id: input.regulationId }, select: { id: true, status: true, title: true } });
    if (!current) throw new UserFacingError(NOT_FOUND_MESSAGE);
    if (current.status === "REPEALED") throw new UserFacingError(ALREADY_REPEALED_MESSAGE);
    if (input.replacedById) {
      const replacement = await tx.regulation.findUnique({ where: { id: input.replacedById }, select: { status: true } });
      if (!replacement) throw new UserFacingError("替代制度不存在");
      if (replacement.status === "REPEALED") throw new UserFacingError("替代制度已废止，请选择现行有效的制度");
    }
    const updated = await tx.regulation.updateMany({
      where: { id: current.id, version: input.expectedVersion, status: { not: "REPEALED" } },
      data: { version: { increment: 1 }, status: "REPEALED", repealedOn: input.repealedOn, repealReason: input.reason, replacedById: input.replacedById ?? null },
    });
    if (updated.count === 0) throw new ConflictError();
    await writeAudit(tx, actor, {
      entity: "Regulation",
      entityId: current.id,
      action: "repeal",
      before: { status: current.status },
      after: { status: "REPEALED", repealedOn: input.repealedOn.toISOString().slice(0, 10), reason: input.reason, replacedById: input.replacedById ?? null },
    });
  });
}

/** 复核: the rule was reviewed and stays as it is (resets the "not reviewed for a year" clock). */
export async function markReviewed(db: Db, actor: AuditActor, input: { regulationId: number; expectedVersion: number }, options: MutationOptions = {}) {
  assertManage(actor);
  const today = options.today ?? calendarDayAt(new Date());
  return db.$transaction(async (tx) => {
    const updated = await tx.regulation.updateMany({
      where: { id: input.regulationId, version: input.expectedVersion, status: { not: "REPEALED" } },
      data: { version: { increment: 1 }, lastReviewedOn: today },
    });
    if (updated.count === 0) throw new ConflictError();
    await writeAudit(tx, actor, { entity: "Regulation", entityId: input.regulationId, action: "review", after: { lastReviewedOn: today.toISOString().slice(0, 10) } });
  });
}

export async function linkPoint(db: Db, actor: AuditActor, input: LinkPointInput) {
  assertManage(actor);
  return db.$transaction(async (tx) => {
    const [regulation, point] = await Promise.all([
      tx.regulation.findUnique({ where: { id: input.regulationId }, select: { id: true } }),
      tx.workPoint.findUnique({ where: { id: input.workPointId }, select: { id: true, number: true, plan: { select: { year: true } } } }),
    ]);
    if (!regulation) throw new UserFacingError(NOT_FOUND_MESSAGE);
    if (!point) throw new UserFacingError("工作要点不存在");
    const existing = await tx.regulationPointLink.findUnique({ where: { regulationId_workPointId: { regulationId: regulation.id, workPointId: point.id } } });
    if (existing) throw new UserFacingError("该制度已关联此工作要点");
    const link = await tx.regulationPointLink.create({ data: { regulationId: regulation.id, workPointId: point.id, note: input.note, createdById: actor.id } });
    await writeAudit(tx, actor, { entity: "Regulation", entityId: regulation.id, action: "link.point", after: { workPointId: point.id, year: point.plan.year, number: point.number, note: input.note } });
    return link;
  });
}

export async function unlinkPoint(db: Db, actor: AuditActor, linkId: number) {
  assertManage(actor);
  return db.$transaction(async (tx) => {
    const link = await tx.regulationPointLink.findUnique({ where: { id: linkId } });
    if (!link) throw new UserFacingError("关联不存在");
    await tx.regulationPointLink.delete({ where: { id: link.id } });
    await writeAudit(tx, actor, { entity: "Regulation", entityId: link.regulationId, action: "unlink.point", before: { workPointId: link.workPointId, note: link.note } });
  });
}
