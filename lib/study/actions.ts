"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { actorOf, requirePermission } from "@/lib/auth/dal";
import { formToObject, invalidInput, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";
import * as schemas from "./schemas";
import * as mutations from "./mutations";

function refresh(regulationId?: number) {
  revalidatePath("/regulations/study");
  if (regulationId) revalidatePath(`/regulations/${regulationId}`);
}

export async function addStudyItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:manage");
    const parsed = schemas.addStudyItemSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.addStudyItem(prisma, actorOf(user), parsed.data);
    refresh(parsed.data.regulationId);
    return { ok: true, message: `已列入${parsed.data.year}年学法清单` };
  });
}

export async function updateStudyNoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:manage");
    const parsed = schemas.updateStudyNoteSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const item = await mutations.updateStudyNote(prisma, actorOf(user), parsed.data);
    refresh(item.regulationId);
    return { ok: true, message: "已保存学习提示" };
  });
}

export async function removeStudyItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:manage");
    const parsed = schemas.removeStudyItemSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const item = await mutations.removeStudyItem(prisma, actorOf(user), parsed.data.itemId);
    refresh(item.regulationId);
    return { ok: true, message: `已移出${item.year}年学法清单` };
  });
}

export async function markStudiedAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:read");
    const parsed = schemas.studyMarkSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.markStudied(prisma, actorOf(user), parsed.data);
    refresh(parsed.data.regulationId);
    return { ok: true, message: "已标记为已学" };
  });
}

export async function unmarkStudiedAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:read");
    const parsed = schemas.studyMarkSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.unmarkStudied(prisma, actorOf(user), parsed.data);
    refresh(parsed.data.regulationId);
    return { ok: true, message: "已撤销已学标记" };
  });
}
