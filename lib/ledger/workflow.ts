/**
 * The ledger workflow as one table: which action moves an entry from which status to which, and
 * who may take it. Pure: the mutations look the entry up (with the ownership `where`), ask
 * `decide()`, then apply the change with an optimistic-lock `updateMany` guarded by the same
 * `from` status.
 *
 *   DRAFT ──submit──▶ SUBMITTED ──approve──▶ APPROVED
 *     ▲                 │  │                    │
 *     └────recall───────┘  └──return──▶ RETURNED  (reopen: APPROVED ──▶ SUBMITTED, COORDINATOR)
 *                                      │
 *               RETURNED ──submit──────┘ (after correction)
 *
 * Four eyes: the approver is none of the entry's contributors — its creator, anyone who edited
 * its fields or evidence, anyone who submitted it — over every cycle (a coordinator who reopens,
 * has it returned, edits and resubmits cannot then approve it alone).
 *
 * Status is never a form field: the only way to change it is one of these actions.
 */

import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { STATUS_LABEL, type EntryStatus } from "./constants";

export const WORKFLOW_ACTIONS = ["submit", "recall", "approve", "return", "reopen"] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export interface Transition {
  from: readonly EntryStatus[];
  to: EntryStatus;
  permission: Permission;
  /** The actor must be allowed to write for the entry's office (own office, or ledger:writeAll). */
  ownOffice: boolean;
  /** Four eyes: nobody reviews an entry they recorded themselves. */
  notCreator: boolean;
  /** Four eyes, strictly: nobody approves an entry they created, edited (fields or evidence) or submitted, in any cycle. */
  notContributor: boolean;
  label: string;
  /** Audit action name. */
  audit: string;
}

export const TRANSITIONS: Record<WorkflowAction, Transition> = {
  submit: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", permission: "ledger:write", ownOffice: true, notCreator: false, notContributor: false, label: "提交审核", audit: "submit" },
  recall: { from: ["SUBMITTED"], to: "DRAFT", permission: "ledger:write", ownOffice: true, notCreator: false, notContributor: false, label: "撤回提交", audit: "recall" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", permission: "ledger:review", ownOffice: false, notCreator: true, notContributor: true, label: "审核通过", audit: "approve" },
  return: { from: ["SUBMITTED"], to: "RETURNED", permission: "ledger:review", ownOffice: false, notCreator: true, notContributor: false, label: "退回", audit: "return" },
  reopen: { from: ["APPROVED"], to: "SUBMITTED", permission: "ledger:reopen", ownOffice: false, notCreator: false, notContributor: false, label: "撤销通过", audit: "reopen" },
};

/** Statuses in which the content (fields, quantities, attachments) may change. */
export const EDITABLE_STATUSES: readonly EntryStatus[] = ["DRAFT", "RETURNED"];
/** Approved entries count toward completion and are read-only: reopen first. */
export const DELETABLE_STATUSES: readonly EntryStatus[] = ["DRAFT", "SUBMITTED", "RETURNED"];

export interface WorkflowActor {
  id: number;
  role: Role;
  officeId: number | null;
}

export interface WorkflowEntry {
  officeId: number;
  status: EntryStatus;
  createdById: number;
  deleted: boolean;
  /**
   * Everyone who created, edited or submitted the entry (lib/ledger/contributors.ts). Approving
   * mutations always load it inside their transaction; when a caller has not loaded it only the
   * creator is known.
   */
  contributorIds?: readonly number[];
}

export type Decision = { ok: true; to: EntryStatus } | { ok: false; message: string };

export const FORBIDDEN = "您没有执行此操作的权限";
export const SELF_REVIEW = "不能审核自己录入的台账";
export const CONTRIBUTOR_REVIEW = "您参与了该记录的填报或修改，不能审核通过，请由其他审核人审核";
export const DELETED = "该台账已删除，请先恢复";
export const RECALL_OTHER_OFFICE = "只有提交该记录的科室可以撤回提交";

/** Whether the actor records for this office: their own office, or any office with ledger:writeAll. */
export function writesForOffice(actor: WorkflowActor, officeId: number): boolean {
  if (!can(actor.role, "ledger:write")) return false;
  if (can(actor.role, "ledger:writeAll")) return true;
  return actor.officeId !== null && actor.officeId === officeId;
}

export function decide(action: WorkflowAction, actor: WorkflowActor, entry: WorkflowEntry): Decision {
  const t = TRANSITIONS[action];
  if (!can(actor.role, t.permission)) return { ok: false, message: FORBIDDEN };
  if (t.ownOffice && !writesForOffice(actor, entry.officeId)) return { ok: false, message: FORBIDDEN };
  // Only the submitting side withdraws a submission: the entry's office, or whoever recorded it.
  if (action === "recall" && actor.officeId !== entry.officeId && actor.id !== entry.createdById) return { ok: false, message: RECALL_OTHER_OFFICE };
  if (entry.deleted) return { ok: false, message: DELETED };
  if (t.notCreator && entry.createdById === actor.id) return { ok: false, message: SELF_REVIEW };
  if (t.notContributor && (entry.contributorIds ?? [entry.createdById]).includes(actor.id)) return { ok: false, message: CONTRIBUTOR_REVIEW };
  if (!t.from.includes(entry.status)) {
    return { ok: false, message: `当前状态为“${STATUS_LABEL[entry.status]}”，不能${t.label}` };
  }
  return { ok: true, to: t.to };
}

export function canEdit(actor: WorkflowActor, entry: WorkflowEntry): Decision {
  if (!writesForOffice(actor, entry.officeId)) return { ok: false, message: FORBIDDEN };
  if (entry.deleted) return { ok: false, message: DELETED };
  if (!EDITABLE_STATUSES.includes(entry.status)) {
    return {
      ok: false,
      message: entry.status === "APPROVED" ? "已通过审核的台账不能修改" : "台账正在审核中，请先撤回提交再修改",
    };
  }
  return { ok: true, to: entry.status };
}

export function canDelete(actor: WorkflowActor, entry: WorkflowEntry): Decision {
  if (!writesForOffice(actor, entry.officeId)) return { ok: false, message: FORBIDDEN };
  if (entry.deleted) return { ok: false, message: "该台账已删除" };
  if (!DELETABLE_STATUSES.includes(entry.status)) return { ok: false, message: "已通过审核的台账不能删除" };
  return { ok: true, to: entry.status };
}

export function canRestore(actor: WorkflowActor, entry: WorkflowEntry): Decision {
  if (!can(actor.role, "ledger:restore")) return { ok: false, message: FORBIDDEN };
  if (!entry.deleted) return { ok: false, message: "该台账未被删除" };
  return { ok: true, to: entry.status };
}

/** The workflow buttons to offer on an entry page. */
export function availableActions(actor: WorkflowActor, entry: WorkflowEntry): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => decide(action, actor, entry).ok);
}
