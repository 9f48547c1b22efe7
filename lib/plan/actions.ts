"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { actorOf, requirePermission } from "@/lib/auth/dal";
import { formToObject, invalidInput, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";
import * as schemas from "./schemas";
import * as mutations from "./mutations";
import { ReplaceConfirmationNeeded, saveImportedPlan } from "./import-save";

function revalidatePlan(year: number) {
  revalidatePath("/plans");
  revalidatePath(`/plans/${year}`);
}

/** Saves the import editor's plan as a DRAFT; asks (data.confirmReplace) before replacing a year's plan. */
export async function savePlanImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let year: number | null = null;
  const state = await runAction(async () => {
    const user = await requirePermission("plan:import");
    const parsed = schemas.saveImportFormSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    try {
      const saved = await saveImportedPlan(prisma, actorOf(user), parsed.data.payload, { replace: parsed.data.replace });
      year = saved.plan.year;
      revalidatePlan(saved.plan.year);
      return { ok: true, message: `已保存为 ${saved.plan.year} 年草稿：${saved.points} 条要点、${saved.targets} 项指标`, data: { year: saved.plan.year } };
    } catch (error) {
      if (error instanceof ReplaceConfirmationNeeded) {
        return { ok: false, message: error.message, data: { confirmReplace: true, year: error.year, existingStatus: error.existingStatus } };
      }
      throw error;
    }
  });
  if (state.ok && year !== null) redirect(`/plans/${year}?saved=1`);
  return state;
}

export async function updatePointAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("plan:edit");
    const parsed = schemas.updatePointSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const { year, point } = await mutations.updatePoint(prisma, actorOf(user), parsed.data);
    revalidatePlan(year);
    return { ok: true, message: `要点 ${point.number} 已保存` };
  });
}

export async function createTargetAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("plan:edit");
    const parsed = schemas.createTargetSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const { year } = await mutations.createTarget(prisma, actorOf(user), parsed.data);
    revalidatePlan(year);
    return { ok: true, message: "已添加量化指标" };
  });
}

export async function updateTargetAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("plan:edit");
    const parsed = schemas.updateTargetSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const { year } = await mutations.updateTarget(prisma, actorOf(user), parsed.data);
    revalidatePlan(year);
    return { ok: true, message: "量化指标已保存" };
  });
}

export async function deleteTargetAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("plan:edit");
    const parsed = schemas.deleteTargetSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const { year } = await mutations.deleteTarget(prisma, actorOf(user), parsed.data);
    revalidatePlan(year);
    return { ok: true, message: "量化指标已删除" };
  });
}

export async function publishPlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("plan:publish");
    const parsed = schemas.planVersionSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const plan = await mutations.publishPlan(prisma, actorOf(user), parsed.data);
    revalidatePlan(plan.year);
    return { ok: true, message: `${plan.year} 年工作要点已发布` };
  });
}

export async function archivePlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("plan:publish");
    const parsed = schemas.planVersionSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const plan = await mutations.archivePlan(prisma, actorOf(user), parsed.data);
    revalidatePlan(plan.year);
    return { ok: true, message: `${plan.year} 年工作要点已归档` };
  });
}

/** Copies the plan to the next year and opens the new draft. */
export async function copyPlanAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let year: number | null = null;
  const state = await runAction(async () => {
    const user = await requirePermission("plan:edit");
    const parsed = schemas.planVersionSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const { plan, carriedOver } = await mutations.copyPlanToNextYear(prisma, actorOf(user), parsed.data);
    year = plan.year;
    revalidatePlan(plan.year);
    return { ok: true, message: `已复制为 ${plan.year} 年草稿，结转要点 ${carriedOver.length} 条` };
  });
  if (state.ok && year !== null) redirect(`/plans/${year}?copied=1`);
  return state;
}
