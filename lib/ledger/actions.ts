"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { requirePermission, type CurrentUser } from "@/lib/auth/dal";
import { can, type Permission } from "@/lib/auth/permissions";
import { formToObject, invalidInput, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";
import { ForbiddenError, NotFoundError } from "./access";
import * as schemas from "./schemas";
import * as mutations from "./mutations";
import type { WorkflowAction } from "./workflow";

/**
 * Refusals of another office's rows go to the server log (ASVS 16.3.2). Not to the audit table:
 * a refused action writes nothing at all. Page views and route handlers do audit their denials.
 */
async function logDenials<T>(user: CurrentUser, entity: string, entityId: number, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) {
      console.warn(JSON.stringify({ event: "ledger.denied", entity, entityId, userId: user.id, username: user.username, role: user.role, reason: error.message }));
    }
    throw error;
  }
}

function refresh(id?: number) {
  revalidatePath("/ledger");
  if (id) revalidatePath(`/ledger/${id}`);
}

/** On success `data.redirect` names the new entry's page (LedgerActionForm navigates there). */
export async function createEntryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("ledger:write");
    const raw = schemas.normalizeEntryForm(formToObject(formData));
    const schema = can(user.role, "ledger:writeAll") ? schemas.createEntryForOfficeSchema : schemas.createEntrySchema;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return invalidInput(parsed.error);
    const entry = await mutations.createEntry(prisma, user, parsed.data);
    refresh();
    return { ok: true, message: "台账已保存为草稿", data: { id: entry.id, redirect: `/ledger/${entry.id}?created=1` } };
  });
}

export async function updateEntryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("ledger:write");
    const parsed = schemas.updateEntrySchema.safeParse(schemas.normalizeEntryForm(formToObject(formData)));
    if (!parsed.success) return invalidInput(parsed.error);
    await logDenials(user, "LedgerEntry", parsed.data.id, () => mutations.updateEntry(prisma, user, parsed.data));
    refresh(parsed.data.id);
    return { ok: true, message: "台账已保存" };
  });
}

const TRANSITION_PERMISSION: Record<WorkflowAction, Permission> = {
  submit: "ledger:write",
  recall: "ledger:write",
  approve: "ledger:review",
  return: "ledger:review",
  reopen: "ledger:reopen",
};

const TRANSITION_DONE: Record<WorkflowAction, string> = {
  submit: "已提交审核",
  recall: "已撤回，可继续修改",
  approve: "已审核通过",
  return: "已退回",
  reopen: "已撤销通过，台账回到待审核",
};

async function transition(action: WorkflowAction, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission(TRANSITION_PERMISSION[action]);
    const schema = action === "return" ? schemas.returnEntrySchema : schemas.idVersionSchema;
    const parsed = schema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await logDenials(user, "LedgerEntry", parsed.data.id, () => mutations.transitionEntry(prisma, user, action, parsed.data));
    refresh(parsed.data.id);
    return { ok: true, message: TRANSITION_DONE[action] };
  });
}

export async function submitEntryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return transition("submit", formData);
}

export async function recallEntryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return transition("recall", formData);
}

export async function approveEntryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return transition("approve", formData);
}

export async function returnEntryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return transition("return", formData);
}

export async function reopenEntryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return transition("reopen", formData);
}

export async function deleteEntryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("ledger:write");
    const parsed = schemas.idVersionSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await logDenials(user, "LedgerEntry", parsed.data.id, () => mutations.deleteEntry(prisma, user, parsed.data));
    refresh(parsed.data.id);
    return { ok: true, message: "台账已删除", data: { redirect: "/ledger?removed=1" } };
  });
}

export async function restoreEntryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("ledger:restore");
    const parsed = schemas.idVersionSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await logDenials(user, "LedgerEntry", parsed.data.id, () => mutations.restoreEntry(prisma, user, parsed.data));
    refresh(parsed.data.id);
    return { ok: true, message: "台账已恢复" };
  });
}

export async function removeAttachmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("ledger:write");
    const parsed = schemas.attachmentIdSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const removed = await logDenials(user, "Attachment", parsed.data.id, () => mutations.removeAttachment(prisma, user, parsed.data));
    refresh(removed.entryId);
    return { ok: true, message: `已删除附件“${removed.fileName}”` };
  });
}
