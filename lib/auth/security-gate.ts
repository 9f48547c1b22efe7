import { isAdminRole, type Role } from "./roles";

/**
 * The steps an account must take before it may use the portal (等保 2.0): change an initial, reset
 * or expired password, and enrol a second factor when its role is administrative. Pages redirect to
 * the step's page (lib/auth/dal.ts requirePageUser), actions and API routes refuse until it is done.
 * The demo accounts are exempt while the portal runs in demo mode (one step to a working demo).
 */
export type SecurityStep = "password" | "totp" | null;

export const SECURITY_STEP_PAGE: Record<Exclude<SecurityStep, null>, string> = {
  password: "/account/password",
  totp: "/account/security",
};

export const SECURITY_STEP_MESSAGE: Record<Exclude<SecurityStep, null>, string> = {
  password: "请先修改密码（初始密码、重置后的密码或已过期的密码须修改后才能使用系统）",
  totp: "请先绑定动态验证码（管理员账户须启用双因素认证）",
};

export interface GateUser {
  role: Role;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  totpEnabledAt: Date | null;
}

export interface GatePolicy {
  now: Date;
  /** PASSWORD_MAX_AGE_DAYS; 0 or unset: passwords do not expire. */
  passwordMaxAgeDays: number;
  /** A demo account while the portal runs in demo mode. */
  exempt: boolean;
  /**
   * Whether the account's local password can log in at all (lib/auth/sso-config.ts
   * localPasswordAllowed). With LOCAL_LOGIN=off an ordinary account signs in only through SSO, so
   * an initial, reset or old local password is no way in and is not asked to be changed; the
   * administrative roles keep the emergency local login, so theirs is. Default true.
   */
  localPasswordInUse?: boolean;
}

export function pendingSecurityStep(user: GateUser, policy: GatePolicy): SecurityStep {
  if (policy.exempt) return null;
  const passwordInUse = policy.localPasswordInUse ?? true;
  if (passwordInUse && user.mustChangePassword) return "password";
  if (passwordInUse && policy.passwordMaxAgeDays > 0 && policy.now.getTime() - user.passwordChangedAt.getTime() > policy.passwordMaxAgeDays * 86_400_000) return "password";
  if (isAdminRole(user.role) && !user.totpEnabledAt) return "totp";
  return null;
}

/** PASSWORD_MAX_AGE_DAYS as a whole number of days; anything else (unset, 0, junk) means no expiry. */
export function passwordMaxAgeDays(raw = process.env.PASSWORD_MAX_AGE_DAYS): number {
  const days = Number(raw);
  return Number.isInteger(days) && days > 0 ? days : 0;
}
