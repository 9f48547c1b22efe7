"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { actorOf, requirePermission } from "@/lib/auth/dal";
import { formToObject, invalidInput, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";
import * as schemas from "./schemas";
import * as mutations from "./mutations";
import { setCleanupAction } from "./cleanup";
import { decideProposal, proposeRegulationChange } from "./proposals";
import { AssessmentInputError, recordAssessment, updateRectification } from "./assessments";

function refresh(id: number) {
  revalidatePath("/regulations");
  revalidatePath(`/regulations/${id}`);
}

export async function repealRegulationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:manage");
    const parsed = schemas.repealRegulationSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.repealRegulation(prisma, actorOf(user), parsed.data);
    refresh(parsed.data.regulationId);
    return { ok: true, message: "已废止，废止记录已保存" };
  });
}

export async function reviewRegulationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:manage");
    const parsed = schemas.reviewRegulationSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.markReviewed(prisma, actorOf(user), parsed.data);
    refresh(parsed.data.regulationId);
    revalidatePath("/dashboard");
    return { ok: true, message: "已记录复核：该制度继续有效" };
  });
}

export async function linkPointAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:manage");
    const parsed = schemas.linkPointSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const link = await mutations.linkPoint(prisma, actorOf(user), parsed.data);
    refresh(parsed.data.regulationId);
    revalidatePath(`/points/${link.workPointId}`);
    return { ok: true, message: "已关联工作要点" };
  });
}

export async function unlinkPointAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:manage");
    const parsed = schemas.unlinkPointSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.unlinkPoint(prisma, actorOf(user), parsed.data.linkId);
    revalidatePath("/regulations", "layout");
    return { ok: true, message: "已取消关联" };
  });
}

export async function setCleanupActionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:manage");
    const parsed = schemas.setCleanupActionSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await setCleanupAction(prisma, actorOf(user), parsed.data);
    revalidatePath("/regulations/cleanup");
    return { ok: true, message: "已保存清理意见" };
  });
}

export async function proposeRegulationChangeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:propose");
    const parsed = schemas.proposeRegulationChangeSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await proposeRegulationChange(prisma, { ...actorOf(user), officeId: user.officeId }, parsed.data);
    refresh(parsed.data.regulationId);
    revalidatePath("/regulations/cleanup");
    return { ok: true, message: "已提交修订建议，法治办将及时处理" };
  });
}

export async function decideProposalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:manage");
    const parsed = schemas.decideProposalSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const { proposal, year } = await decideProposal(prisma, actorOf(user), parsed.data);
    refresh(proposal.regulationId);
    revalidatePath("/regulations/cleanup");
    return { ok: true, message: proposal.status === "ACCEPTED" ? `已采纳，已列入${year}年度制度清理` : "已记录不采纳意见并告知科室" };
  });
}

/** The fields of a cross-field refusal (dates, rectification status) as a failed state. */
function refusedInput(error: unknown): ActionState | null {
  return error instanceof AssessmentInputError ? { ok: false, message: error.message, fieldErrors: error.fieldErrors } : null;
}

export async function recordAssessmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:manage");
    const parsed = schemas.recordAssessmentSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    try {
      const assessment = await recordAssessment(prisma, actorOf(user), parsed.data);
      refresh(parsed.data.regulationId);
      revalidatePath("/dashboard");
      if (assessment.workPointId) revalidatePath(`/points/${assessment.workPointId}`);
      return { ok: true, message: "已记录执行情况评估" };
    } catch (error) {
      const refused = refusedInput(error);
      if (refused) return refused;
      throw error;
    }
  });
}

export async function updateRectificationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("regulation:manage");
    const parsed = schemas.updateRectificationSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    try {
      const updated = await updateRectification(prisma, actorOf(user), parsed.data);
      refresh(updated.regulationId);
      if (updated.workPointId) revalidatePath(`/points/${updated.workPointId}`);
      return { ok: true, message: "已更新整改情况" };
    } catch (error) {
      const refused = refusedInput(error);
      if (refused) return refused;
      throw error;
    }
  });
}
