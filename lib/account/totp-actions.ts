"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { actorOf, AuthError, FORBIDDEN_MESSAGE, getCurrentUser, NOT_LOGGED_IN_MESSAGE, type CurrentUser } from "@/lib/auth/dal";
import { SECURITY_STEP_MESSAGE } from "@/lib/auth/security-gate";
import { isAdminRole } from "@/lib/auth/roles";
import { confirmCurrentFactor } from "@/lib/auth/login";
import { NOT_ENABLED_MESSAGE, checkEnrolmentCode, disableTotp, enableTotp, regenerateRecoveryCodes } from "@/lib/auth/second-factor";
import { clientAddress } from "@/lib/security/client-address";
import { formToObject, invalidInput, UserFacingError, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";

/**
 * The account's own second factor (/account/security). Every logged-in account may use these,
 * including one whose pending security step is the second factor itself (that is how it gets
 * done); an account that must first change its password is sent to do that.
 */
async function requireAccountUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthError(401, NOT_LOGGED_IN_MESSAGE);
  if (user.securityStep === "password") throw new AuthError(403, SECURITY_STEP_MESSAGE.password);
  return user;
}

async function requestAddress() {
  return clientAddress(await headers());
}

const code = z.string().trim().max(64);

const confirmSchema = z
  .object({
    token: z.string().min(1, "绑定信息缺失，请刷新页面").max(4000),
    code: code.regex(/^\d{3}\s?\d{3}$/, "请输入验证器显示的 6 位数字"),
    current: code.optional(),
  })
  .strict();

const currentFactorSchema = z
  .object({ current: code.min(1, "请输入当前的动态验证码或一个恢复码") })
  .strict();

async function requireEnabled(user: CurrentUser) {
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (!row.totpEnabledAt) throw new UserFacingError(NOT_ENABLED_MESSAGE);
}

/** The account's factor, asked again before it is replaced, turned off or its recovery codes renewed. */
async function proveCurrentFactor(user: CurrentUser, current: string | undefined, ip: string) {
  const check = await confirmCurrentFactor(actorOf(user), current ?? "", ip);
  if (!check.ok) throw new UserFacingError(check.message);
}

/** Confirms an enrolment (first or renewed) with a code from the app; returns the recovery codes once. */
export async function confirmTotpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireAccountUser();
    const parsed = confirmSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const ip = await requestAddress();
    const input = { token: parsed.data.token, code: parsed.data.code };
    // The new code first: a mistyped one must not spend a code of the current factor.
    checkEnrolmentCode(user.id, input);
    const existing = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
    if (existing.totpEnabledAt) {
      if (!parsed.data.current) return { ok: false, message: "重新绑定须先输入当前的动态验证码或一个恢复码", fieldErrors: { current: ["必填"] } };
      await proveCurrentFactor(user, parsed.data.current, ip);
    }
    const { recoveryCodes } = await enableTotp(prisma, actorOf(user), input, ip);
    return { ok: true, message: "双因素认证已启用", data: { recoveryCodes } };
  });
}

/** A new set of recovery codes (the old ones stop working); returned once. */
export async function regenerateRecoveryCodesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireAccountUser();
    const parsed = currentFactorSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await requireEnabled(user);
    const ip = await requestAddress();
    await proveCurrentFactor(user, parsed.data.current, ip);
    const { recoveryCodes } = await regenerateRecoveryCodes(prisma, actorOf(user), ip);
    return { ok: true, message: "已生成新的恢复码，原有恢复码全部作废", data: { recoveryCodes } };
  });
}

/** Turns the second factor off: only for the business roles (the 三员 must keep it). */
export async function disableTotpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireAccountUser();
    if (isAdminRole(user.role)) throw new AuthError(403, FORBIDDEN_MESSAGE);
    const parsed = currentFactorSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await requireEnabled(user);
    const ip = await requestAddress();
    await proveCurrentFactor(user, parsed.data.current, ip);
    await disableTotp(prisma, actorOf(user), ip);
    return { ok: true, message: "双因素认证已停用" };
  });
}
