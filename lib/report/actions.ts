"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { actorOf, requirePermission } from "@/lib/auth/dal";
import { formToObject, invalidInput, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";
import * as schemas from "./schemas";
import * as mutations from "./mutations";
import { editableHeading } from "./types";
import { TRANSITIONS, type ReportTransition } from "./workflow";
import { finalizeReportSchema, returnReportSchema } from "@/lib/report-cycle/schemas";

function revalidateReport(year: number) {
  revalidatePath("/reports");
  revalidatePath(`/reports/${year}`);
}

export async function generateReportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("report:edit");
    const parsed = schemas.generateReportSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.generateReport(prisma, actorOf(user), parsed.data);
    revalidateReport(parsed.data.year);
    return { ok: true, message: `已生成${parsed.data.year}年度报告初稿` };
  });
}

export async function saveReportPartAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("report:edit");
    const parsed = schemas.savePartSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const result = await mutations.saveReportPart(prisma, actorOf(user), parsed.data);
    revalidateReport(parsed.data.year);
    const heading = editableHeading(parsed.data.key);
    return result.changed
      ? { ok: true, message: `已保存“${heading}”（第${result.version}版）`, data: { version: result.version } }
      : { ok: true, message: "内容没有变化，未生成新版本", data: { version: result.version } };
  });
}

export async function regenerateReportPartAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("report:edit");
    const parsed = schemas.regeneratePartSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const result = await mutations.regenerateReportPart(prisma, actorOf(user), parsed.data);
    if (result.needsConfirm) {
      return {
        ok: false,
        message: "该部分已人工修改。重新生成将以最新数据覆盖当前文字（原文保留在修订记录中），请确认。",
        data: { needsConfirm: true },
      };
    }
    revalidateReport(parsed.data.year);
    return { ok: true, message: `已重新生成（第${result.version}版）`, data: { version: result.version } };
  });
}

export async function updateReportHeaderAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("report:edit");
    const parsed = schemas.updateHeaderSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const result = await mutations.updateReportHeader(prisma, actorOf(user), parsed.data);
    revalidateReport(parsed.data.year);
    return result.changed
      ? { ok: true, message: "标题和署名已保存", data: { version: result.version } }
      : { ok: true, message: "标题和署名没有变化", data: { version: result.version } };
  });
}

async function transition(kind: ReportTransition, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const rule = TRANSITIONS[kind];
    const user = await requirePermission(rule.permission);
    const raw = formToObject(formData);
    let options: mutations.TransitionOptions = {};
    let input: schemas.TransitionInput;
    if (kind === "return") {
      const parsed = returnReportSchema.safeParse(raw);
      if (!parsed.success) return invalidInput(parsed.error);
      input = { year: parsed.data.year, version: parsed.data.version };
      options = { comment: parsed.data.comment };
    } else if (kind === "finalize") {
      const parsed = finalizeReportSchema.safeParse(raw);
      if (!parsed.success) return invalidInput(parsed.error);
      input = { year: parsed.data.year, version: parsed.data.version };
      options = { signedOn: parsed.data.signedOn };
    } else {
      const parsed = schemas.transitionSchema.safeParse(raw);
      if (!parsed.success) return invalidInput(parsed.error);
      input = parsed.data;
    }
    await mutations.transitionReport(prisma, actorOf(user), kind, input, options);
    revalidateReport(input.year);
    return { ok: true, message: rule.done };
  });
}

export async function submitReportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return transition("submit", formData);
}

export async function finalizeReportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return transition("finalize", formData);
}

export async function returnReportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return transition("return", formData);
}

export async function reopenReportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return transition("reopen", formData);
}
