"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { actorOf, requirePermission } from "@/lib/auth/dal";
import { formToObject, invalidInput, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";
import * as schemas from "./schemas";
import * as mutations from "./mutations";

export async function createOfficeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("admin:offices");
    const parsed = schemas.createOfficeSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.createOffice(prisma, actorOf(user), parsed.data);
    revalidatePath("/admin");
    return { ok: true, message: `已新增科室“${parsed.data.name}”` };
  });
}

export async function updateOfficeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("admin:offices");
    const parsed = schemas.updateOfficeSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.updateOffice(prisma, actorOf(user), parsed.data);
    revalidatePath("/admin");
    return { ok: true, message: "科室已保存" };
  });
}

export async function createUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("admin:users");
    const parsed = schemas.createUserSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.createUser(prisma, actorOf(user), parsed.data);
    revalidatePath("/admin");
    return { ok: true, message: `已创建用户“${parsed.data.username}”` };
  });
}

export async function updateUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("admin:users");
    const parsed = schemas.updateUserSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.updateUser(prisma, actorOf(user), parsed.data);
    revalidatePath("/admin");
    return { ok: true, message: "用户已保存" };
  });
}

export async function updateAccountSecurityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("security:accounts");
    const parsed = schemas.updateAccountSecuritySchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.updateAccountSecurity(prisma, actorOf(user), parsed.data);
    revalidatePath("/admin/security");
    return { ok: true, message: "账户角色与状态已保存" };
  });
}

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("security:accounts");
    const parsed = schemas.resetPasswordSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.resetPassword(prisma, actorOf(user), parsed.data);
    return { ok: true, message: "密码已重置，该用户需用新密码重新登录" };
  });
}

export async function unlockUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("security:accounts");
    const parsed = schemas.unlockUserSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.unlockUser(prisma, actorOf(user), parsed.data);
    revalidatePath("/admin/security");
    return { ok: true, message: "账户已解锁" };
  });
}

export async function updateSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requirePermission("admin:settings");
    const parsed = schemas.updateSettingsSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await mutations.updateSettings(prisma, actorOf(user), parsed.data);
    revalidatePath("/admin");
    return { ok: true, message: "单位设置已保存" };
  });
}
