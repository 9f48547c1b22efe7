/**
 * Checks of an entry's fields against the database: the point (published plan, office involved),
 * the date (inside the plan year), quantities (only the point's own targets, per-kind rules) and
 * the 协办 link. Throws UserFacingError with a clear Chinese message; writes nothing.
 */
import type { Tx } from "@/lib/db";
import { UserFacingError } from "@/lib/action-state";
import { can } from "@/lib/auth/permissions";
import { isPlanVisible } from "@/lib/plan/visibility";
import { MAX_QUANTITY } from "./constants";
import type { LedgerUser } from "./access";
import type { EntryFields, QuantityInput } from "./schemas";
import { loadPointRules } from "./point-rules";

export interface CheckedFields {
  year: number;
  /** Whether the recording office is active (checked by createEntry; edits keep their office). */
  officeActive: boolean;
  quantities: { targetId: number; value: number; completes: boolean }[];
}

export const MESSAGES = {
  pointMissing: "工作要点不存在",
  planNotOpen: "该年度工作要点尚未发布或已归档，不能录入台账",
  notInvolved: "本科室不是该工作要点的牵头或配合科室，不能录入台账",
  officeNotInvolved: "所选科室不是该工作要点的牵头或配合科室，不能为其录入台账",
  foreignTarget: "所填指标不属于该工作要点",
  leadCannotLink: "牵头科室的记录不能关联为协办",
  linkMissing: "关联的记录须为同一工作要点下牵头科室已提交或已通过的记录",
} as const;

/** Refusal to delete a lead office's record while cooperating offices' 协办 entries still point at it. */
export function leadHasLinks(ids: readonly number[]): string {
  return `已有 ${ids.length} 条配合科室的台账（编号 ${ids.join("、")}）作为协办关联到本记录，不能删除；请先由配合科室取消关联或删除这些台账`;
}

/** Refusal to restore a 协办 entry whose lead office's record is deleted. */
export function linkedLeadDeleted(leadId: number): string {
  return `关联的牵头科室台账（编号 ${leadId}）已删除，请先恢复该台账`;
}

export function dateOutsideYear(year: number): string {
  return `日期必须在 ${year} 年内（${year}-01-01 至 ${year}-12-31）`;
}

interface TargetRow {
  id: number;
  subject: string;
  kind: string;
}

/** Per-kind rules: COUNT/SUM whole numbers, PERCENT 0–100, BOOLEAN a completion mark. Zero amounts are dropped. */
export function checkQuantity(target: TargetRow, q: QuantityInput): { targetId: number; value: number; completes: boolean } | null {
  if (target.kind === "BOOLEAN") return q.completes ? { targetId: target.id, value: 1, completes: true } : null;
  if (q.value < 0 || q.value > MAX_QUANTITY || !Number.isFinite(q.value)) throw new UserFacingError(`“${target.subject}”的数量应在 0 到 ${MAX_QUANTITY} 之间`);
  if (target.kind === "PERCENT") {
    if (q.value > 100) throw new UserFacingError(`“${target.subject}”的比例应在 0 到 100 之间`);
  } else if (!Number.isInteger(q.value)) {
    throw new UserFacingError(`“${target.subject}”的数量必须是整数`);
  }
  if (q.value === 0) return null;
  return { targetId: target.id, value: q.value, completes: false };
}

export async function validateEntryFields(
  tx: Tx,
  user: LedgerUser,
  pointId: number,
  officeId: number,
  fields: EntryFields,
  current: { id: number; linkedEntryId: number | null } | null,
): Promise<CheckedFields> {
  const point = await loadPointRules(tx, pointId);
  // A point of a draft plan does not exist for those who may not see drafts (no existence leak).
  if (!point || !isPlanVisible(user.role, { status: point.planStatus })) throw new UserFacingError(MESSAGES.pointMissing);
  if (point.planStatus !== "PUBLISHED") throw new UserFacingError(MESSAGES.planNotOpen);
  // ledger:writeAll records on behalf of any involved office, never for an office outside the point.
  const support = point.supportOffices.find((s) => s.officeId === officeId);
  const involved = point.leadOfficeId === officeId || support !== undefined;
  const officeActive = point.leadOfficeId === officeId ? point.leadOfficeActive : support?.active === true;
  if (!involved) throw new UserFacingError(can(user.role, "ledger:writeAll") ? MESSAGES.officeNotInvolved : MESSAGES.notInvolved);

  const year = point.year;
  if (fields.date.getUTCFullYear() !== year) throw new UserFacingError(dateOutsideYear(year));

  const targets = new Map(point.targets.map((t) => [t.id, t]));
  const quantities: CheckedFields["quantities"] = [];
  for (const q of fields.quantities) {
    const target = targets.get(q.targetId);
    if (!target) throw new UserFacingError(MESSAGES.foreignTarget);
    const checked = checkQuantity(target, q);
    if (checked) quantities.push(checked);
  }

  if (fields.linkedEntryId !== null) {
    if (officeId === point.leadOfficeId) throw new UserFacingError(MESSAGES.leadCannotLink);
    // A new link needs a submitted or approved lead record; an existing link is kept while the lead
    // record is being corrected (returned or recalled), since the event still counts once it is approved.
    const keeping = current !== null && current.linkedEntryId === fields.linkedEntryId;
    const lead = await tx.ledgerEntry.findFirst({
      where: {
        id: fields.linkedEntryId,
        workPointId: point.id,
        officeId: point.leadOfficeId ?? -1,
        deletedAt: null,
        linkedEntryId: null,
        ...(keeping ? {} : { status: { in: ["SUBMITTED", "APPROVED"] } }),
        ...(current === null ? {} : { NOT: { id: current.id } }),
      },
      select: { id: true },
    });
    if (!lead) throw new UserFacingError(MESSAGES.linkMissing);
  }
  return { year, officeActive, quantities };
}
