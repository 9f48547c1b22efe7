"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { actorOf, requirePermission } from "@/lib/auth/dal";
import { formToObject, invalidInput, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";
import { formatChineseDate } from "@/lib/progress/dates";
import * as schemas from "./schemas";
import * as mutations from "./mutations";
import { saveProgressNote, updateFeedbackSettings } from "./feedback-mutations";

export async function requestExtensionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("supervision:requestExtension");
    const parsed = schemas.requestExtensionSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const { notified } = await mutations.requestExtension(prisma, { ...actorOf(user), officeId: user.officeId }, parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, message: `已提交延期申请（延期至${formatChineseDate(parsed.data.proposedDeadline)}），${notified > 0 ? "已通知领导审批" : "待领导审批"}` };
  });
}

export async function decideExtensionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("supervision:decideExtension");
    const parsed = schemas.decideExtensionSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const after = await mutations.decideExtension(prisma, actorOf(user), parsed.data);
    revalidatePath("/", "layout");
    return {
      ok: true,
      message: after.status === "APPROVED" ? `已批准延期至${formatChineseDate(after.proposedDeadline)}，已通知牵头科室` : "已不予批准，已通知牵头科室",
    };
  });
}

export async function declareClosureAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("supervision:close");
    const parsed = schemas.declareClosureSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.declareClosure(prisma, { ...actorOf(user), officeId: user.officeId }, parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, message: "已申报办结，待法治办审核" };
  });
}

export async function reviewClosureAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("supervision:reviewClose");
    const parsed = schemas.reviewClosureSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const after = await mutations.reviewClosure(prisma, actorOf(user), parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, message: after.status === "ACCEPTED" ? "已审核通过，该要点已办结" : "已退回，该要点回到进行中，已通知牵头科室" };
  });
}

export async function rateClosureAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("supervision:rate");
    const parsed = schemas.rateClosureSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.rateClosure(prisma, actorOf(user), parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, message: "评价已保存" };
  });
}

export async function saveProgressNoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("feedback:write");
    const parsed = schemas.saveNoteSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const { created } = await saveProgressNote(prisma, { ...actorOf(user), officeId: user.officeId }, parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, message: created ? "进展反馈已保存" : "进展反馈已更新" };
  });
}

export async function updateFeedbackSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("feedback:configure");
    const parsed = schemas.feedbackSettingsSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await updateFeedbackSettings(prisma, actorOf(user), parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, message: "反馈周期已保存" };
  });
}
