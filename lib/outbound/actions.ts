"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { actorOf, requirePermission } from "@/lib/auth/dal";
import { formToObject, invalidInput, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";
import * as schemas from "./schemas";
import * as mutations from "./mutations";

export async function updateOutboundSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("admin:settings");
    const parsed = schemas.updateOutboundSettingsSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.updateOutboundSettings(prisma, actorOf(user), parsed.data);
    revalidatePath("/admin/notify");
    return { ok: true, message: parsed.data.remindersEnabled ? "提醒设置已保存，自动提醒已开启" : "提醒设置已保存（自动提醒未开启）" };
  });
}

export async function updateUserEmailAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("admin:users");
    const parsed = schemas.updateUserEmailSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.updateUserEmail(prisma, actorOf(user), parsed.data);
    revalidatePath("/admin/notify");
    return { ok: true, message: parsed.data.email ? "邮箱已保存" : "邮箱已清除" };
  });
}

export async function retryOutboundAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("outbound:manage");
    const parsed = schemas.retryOutboundSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.retryOutbound(prisma, actorOf(user), parsed.data.messageId);
    revalidatePath("/supervision/outbox");
    return { ok: true, message: "已重新排队，将在一分钟内发送" };
  });
}
