"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { actorOf, requirePermission } from "@/lib/auth/dal";
import { formToObject, invalidInput, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";
import * as mutations from "./mutations";
import * as schemas from "./schemas";
import { formatScore } from "./rules";

function refresh(year?: number) {
  revalidatePath(year ? `/assessment/${year}` : "/assessment", "page");
}

export async function importRubricAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("assessment:edit");
    const parsed = schemas.importRubricSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error, "导入内容有误，请重新识别");
    try {
      const result = await mutations.importRubric(prisma, actorOf(user), parsed.data);
      refresh(parsed.data.year);
      return { ok: true, message: `已导入 ${parsed.data.year} 年考核指标 ${result.count} 项`, data: { year: parsed.data.year } };
    } catch (error) {
      if (error instanceof mutations.ReplaceConfirmationNeeded) return { ok: false, message: error.message, data: { needsReplace: true } };
      throw error;
    }
  });
}

export async function addIndicatorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("assessment:edit");
    const parsed = schemas.addIndicatorSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const created = await mutations.addIndicator(prisma, actorOf(user), parsed.data);
    refresh(parsed.data.year);
    return { ok: true, message: `已添加指标“${created.title}”`, data: { id: created.id } };
  });
}

export async function updateIndicatorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("assessment:edit");
    const parsed = schemas.updateIndicatorSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const after = await mutations.updateIndicator(prisma, actorOf(user), parsed.data);
    refresh(after.year);
    return { ok: true, message: "已保存" };
  });
}

export async function deleteIndicatorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("assessment:edit");
    const parsed = schemas.deleteIndicatorSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const before = await mutations.deleteIndicator(prisma, actorOf(user), parsed.data);
    refresh(before.year);
    return { ok: true, message: `已删除指标“${before.title}”` };
  });
}

export async function linkItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("assessment:edit");
    const parsed = schemas.linkItemSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.linkItem(prisma, actorOf(user), parsed.data);
    revalidatePath("/assessment/[year]", "page");
    return { ok: true, message: "已关联" };
  });
}

export async function unlinkItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("assessment:edit");
    const parsed = schemas.unlinkItemSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.unlinkItem(prisma, actorOf(user), parsed.data);
    revalidatePath("/assessment/[year]", "page");
    return { ok: true, message: "已取消关联" };
  });
}

export async function acceptProposalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("assessment:edit");
    const parsed = schemas.acceptProposalSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const after = await mutations.acceptProposal(prisma, actorOf(user), parsed.data);
    refresh(after.year);
    return { ok: true, message: `已采纳建议得分 ${formatScore(after.selfScore ?? 0)} 分` };
  });
}

export async function overrideScoreAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("assessment:edit");
    const parsed = schemas.overrideScoreSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const after = await mutations.overrideScore(prisma, actorOf(user), parsed.data);
    refresh(after.year);
    return { ok: true, message: `自评得分已改为 ${formatScore(after.selfScore ?? 0)} 分` };
  });
}

export async function recordAssessorScoreAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("assessment:edit");
    const parsed = schemas.assessorScoreSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const after = await mutations.recordAssessorScore(prisma, actorOf(user), parsed.data);
    refresh(after.year);
    return { ok: true, message: `已记录考核得分 ${formatScore(after.assessorScore ?? 0)} 分` };
  });
}
