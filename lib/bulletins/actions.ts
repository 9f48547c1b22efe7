"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { actorOf, requirePermission } from "@/lib/auth/dal";
import { formToObject, invalidInput, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";
import * as schemas from "./schemas";
import * as mutations from "./mutations";
import { BULLETIN_TRANSITIONS, type BulletinTransition } from "./workflow";

function revalidate(id?: number) {
  revalidatePath("/supervision/bulletins");
  if (id) revalidatePath(`/supervision/bulletins/${id}`);
}

export async function generateBulletinAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let created: number | null = null;
  const state = await runAction(async () => {
    const user = await requirePermission("bulletin:edit");
    const parsed = schemas.generateBulletinSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const bulletin = await mutations.generateBulletin(prisma, actorOf(user), parsed.data);
    revalidate();
    created = bulletin.id;
    return { ok: true, message: `已生成第${bulletin.number}期通报初稿`, data: { id: bulletin.id } };
  });
  if (created !== null) redirect(`/supervision/bulletins/${created}`);
  return state;
}

export async function saveBulletinAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("bulletin:edit");
    const parsed = schemas.saveBulletinSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const result = await mutations.saveBulletin(prisma, actorOf(user), parsed.data);
    revalidate(parsed.data.id);
    return result.changed ? { ok: true, message: "通报已保存", data: { version: result.version } } : { ok: true, message: "内容没有变化", data: { version: result.version } };
  });
}

async function transition(kind: BulletinTransition, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const rule = BULLETIN_TRANSITIONS[kind];
    const user = await requirePermission(rule.permission);
    const parsed = schemas.bulletinTransitionSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.transitionBulletin(prisma, actorOf(user), kind, parsed.data);
    revalidate(parsed.data.id);
    return { ok: true, message: rule.done };
  });
}

export async function submitBulletinAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return transition("submit", formData);
}

export async function approveBulletinAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return transition("approve", formData);
}

export async function returnBulletinAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return transition("return", formData);
}
