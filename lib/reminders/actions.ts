"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { actorOf, requirePermission } from "@/lib/auth/dal";
import { formToObject, invalidInput, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";
import * as schemas from "./schemas";
import * as mutations from "./mutations";

export async function sendReminderAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("reminder:send");
    const parsed = schemas.sendReminderSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const result = await mutations.sendReminder(prisma, actorOf(user), parsed.data);
    revalidatePath("/", "layout");
    const notified = result.notified > 0 ? `，已通知 ${result.notified} 人` : "（该科室暂无可接收通知的人员）";
    return { ok: true, message: `已向${result.officeName}发出催办${notified}`, data: { reminderId: result.reminder.id } };
  });
}

export async function replyReminderAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("reminder:reply");
    const parsed = schemas.replyReminderSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.replyToReminder(prisma, { ...actorOf(user), officeId: user.officeId }, parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, message: "反馈已提交，已通知督办人" };
  });
}

/** Opening a notification marks it read and goes to what it is about. */
export async function openNotificationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("notification:read");
    const parsed = schemas.openNotificationSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const link = await mutations.markNotificationRead(prisma, user.id, parsed.data.notificationId);
    if (link === null) return { ok: false, message: mutations.NOT_FOUND_MESSAGE };
    revalidatePath("/", "layout");
    redirect(mutations.safeInternalLink(link));
  });
}

export async function markAllReadAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("notification:read");
    const parsed = schemas.markAllReadSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const count = await mutations.markAllNotificationsRead(prisma, user.id);
    revalidatePath("/", "layout");
    return { ok: true, message: count > 0 ? `已将 ${count} 条消息标为已读` : "没有未读消息" };
  });
}
