"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { actorOf, requirePermission } from "@/lib/auth/dal";
import type { Permission } from "@/lib/auth/permissions";
import { formToObject, invalidInput, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";
import * as mutations from "./mutations";
import { secrecyOpinionSchema, signDateSchema, updateCycleSettingsSchema } from "./schemas";
import { SECRECY_STEP_LABEL, type SecrecyStep } from "./secrecy";

export async function updateReportCycleSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("admin:settings");
    const parsed = updateCycleSettingsSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const saved = await mutations.updateCycleSettings(prisma, actorOf(user), parsed.data);
    revalidatePath("/admin");
    return { ok: true, message: "年度报告报送与公开设置已保存", data: { version: saved.version } };
  });
}

const STEP_PERMISSION: Record<SecrecyStep, Permission> = {
  FIRST: "report:secrecyFirst",
  SECOND: "report:secrecyReview",
  APPROVE: "report:finalize",
};

async function secrecyStep(step: SecrecyStep, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission(STEP_PERMISSION[step]);
    const parsed = secrecyOpinionSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.recordSecrecyStep(prisma, actorOf(user), { ...parsed.data, step });
    revalidatePath(`/reports/${parsed.data.year}`);
    revalidatePath(`/public/reports/${parsed.data.year}`);
    return { ok: true, message: step === "APPROVE" ? "保密审查已批准，公开版本已可访问" : `保密审查${SECRECY_STEP_LABEL[step]}已记录` };
  });
}

export async function secrecyFirstReviewAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return secrecyStep("FIRST", formData);
}

export async function secrecySecondReviewAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return secrecyStep("SECOND", formData);
}

export async function secrecyApproveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return secrecyStep("APPROVE", formData);
}

export async function updateSignDateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("report:finalize");
    const parsed = signDateSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.updateSignDate(prisma, actorOf(user), parsed.data);
    revalidatePath(`/reports/${parsed.data.year}`);
    return { ok: true, message: "落款日期已修改" };
  });
}
