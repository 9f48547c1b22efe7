import type { Db, Tx } from "@/lib/db";
import { ensureAuthSecret } from "@/lib/config";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { UserFacingError } from "@/lib/action-state";
import { isAdminRole, isRole } from "./roles";
import {
  decodeStoredTotp,
  deriveKey,
  encodeStoredTotp,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  normalizeRecoveryCode,
  otpauthUri,
  RECOVERY_CODE_COUNT,
  seal,
  totpContext,
  unseal,
  verifyTotp,
} from "./totp";

/**
 * The second factor in the database (等保 2.0: TOTP required for the administrative roles, optional
 * for the others). User.totpSecret holds the sealed secret and the last accepted time step
 * (lib/auth/totp.ts StoredTotp); the factor is on once totpEnabledAt is set. Recovery codes are
 * stored as keyed hashes, one row each, and spent by a conditional UPDATE.
 */

interface Keys {
  secret: Buffer;
  recovery: Buffer;
  enrolment: Buffer;
}
let cachedKeys: { authSecret: string; keys: Keys } | null = null;

/** Keys derived (HKDF) from the auth secret, one per purpose; recomputed if the secret changes. */
export function secondFactorKeys(): Keys {
  const authSecret = ensureAuthSecret();
  if (cachedKeys?.authSecret !== authSecret) {
    cachedKeys = {
      authSecret,
      keys: {
        secret: deriveKey(authSecret, "totp-secret"),
        recovery: deriveKey(authSecret, "recovery-code"),
        enrolment: deriveKey(authSecret, "totp-enrolment"),
      },
    };
  }
  return cachedKeys.keys;
}

export const TOTP_CODE_INVALID_MESSAGE = "动态验证码或恢复码不正确";
export const NOT_ENABLED_MESSAGE = "尚未启用双因素认证";
export const ENROLMENT_CODE_INVALID_MESSAGE = "动态验证码不正确，请核对手机时间后输入验证器当前显示的 6 位数字";
export const ENROLMENT_EXPIRED_MESSAGE = "绑定页面已过期，请刷新页面后重新扫描二维码";
export const ADMIN_CANNOT_DISABLE_MESSAGE = "管理员账户必须启用双因素认证，不能停用（可重新绑定）";
/** An enrolment offer (the secret shown on the page) is valid this long. */
export const ENROLMENT_TTL_MS = 30 * 60 * 1000;

export type SecondFactorInput = "totp" | "recovery" | null;

/** Whether what the user typed has the shape of a TOTP code or of a recovery code (no database). */
export function secondFactorKind(input: string): SecondFactorInput {
  const compact = input.replace(/\s/g, "");
  if (/^\d{6}$/.test(compact)) return "totp";
  if (normalizeRecoveryCode(input)) return "recovery";
  return null;
}

export type SecondFactorResult = { ok: true; method: "totp" | "recovery" } | { ok: false };

/**
 * Checks a TOTP code or a recovery code for an account with the factor enabled, and spends it:
 * a TOTP code's step is recorded by a conditional UPDATE on the value read (two requests with the
 * same code, on any instances, cannot both succeed; nor can a code of that or an earlier step
 * succeed later), a recovery code is marked used by an UPDATE ... WHERE usedAt IS NULL.
 */
export async function checkSecondFactor(
  db: Db,
  user: { id: number; totpSecret: string | null; totpEnabledAt: Date | null },
  input: string,
  now = Date.now(),
): Promise<SecondFactorResult> {
  if (!user.totpEnabledAt) return { ok: false };
  const kind = secondFactorKind(input);
  if (kind === "totp") {
    const stored = decodeStoredTotp(user.totpSecret);
    if (!stored) return { ok: false };
    const secret = unseal(secondFactorKeys().secret, stored.sealed, totpContext(user.id));
    if (!secret) return { ok: false };
    const step = verifyTotp({ code: input, secret, now, lastStep: stored.lastStep });
    if (step === null) return { ok: false };
    const { count } = await db.user.updateMany({
      where: { id: user.id, totpSecret: user.totpSecret, totpEnabledAt: { not: null } },
      data: { totpSecret: encodeStoredTotp({ sealed: stored.sealed, lastStep: step }) },
    });
    return count === 1 ? { ok: true, method: "totp" } : { ok: false };
  }
  if (kind === "recovery") {
    const codeHash = hashRecoveryCode(secondFactorKeys().recovery, user.id, input);
    const { count } = await db.recoveryCode.updateMany({ where: { userId: user.id, codeHash, usedAt: null }, data: { usedAt: new Date(now) } });
    return count === 1 ? { ok: true, method: "recovery" } : { ok: false };
  }
  return { ok: false };
}

export interface EnrolmentOffer {
  /** Base32, shown for typing into an app. */
  secret: string;
  uri: string;
  /** The secret sealed for this user and a deadline; the confirmation sends it back. */
  token: string;
}

function enrolmentContext(userId: number) {
  return `totp-enrolment:user:${userId}`;
}

/**
 * A fresh secret for the enrolment page. Nothing is written: the secret travels to the browser
 * sealed (AES-GCM, bound to the user and a deadline) and comes back with the first code, so an
 * account that already has a factor keeps it until the new one is confirmed.
 */
export function createEnrolmentOffer(user: { id: number; username: string }, now = Date.now()): EnrolmentOffer {
  const secret = generateTotpSecret();
  const token = seal(secondFactorKeys().enrolment, JSON.stringify({ uid: user.id, secret, exp: now + ENROLMENT_TTL_MS }), enrolmentContext(user.id));
  return { secret, uri: otpauthUri(secret, user.username), token };
}

function openEnrolmentOffer(userId: number, token: string, now: number): string {
  const opened = unseal(secondFactorKeys().enrolment, token, enrolmentContext(userId));
  if (!opened) throw new UserFacingError(ENROLMENT_EXPIRED_MESSAGE);
  const payload = JSON.parse(opened) as { uid: unknown; secret: unknown; exp: unknown };
  if (payload.uid !== userId || typeof payload.secret !== "string" || typeof payload.exp !== "number" || payload.exp < now) {
    throw new UserFacingError(ENROLMENT_EXPIRED_MESSAGE);
  }
  return payload.secret;
}

async function replaceRecoveryCodes(tx: Tx, userId: number): Promise<string[]> {
  const codes = generateRecoveryCodes();
  const key = secondFactorKeys().recovery;
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(key, userId, code) })) });
  return codes;
}

/**
 * The enrolment's first code checked against the offered secret, without writing anything (a
 * re-enrolment checks this before spending a code of the current factor).
 */
export function checkEnrolmentCode(userId: number, input: EnableInput, now = Date.now()): { secret: string; step: number } {
  const secret = openEnrolmentOffer(userId, input.token, now);
  const step = verifyTotp({ code: input.code, secret, now });
  if (step === null) throw new UserFacingError(ENROLMENT_CODE_INVALID_MESSAGE);
  return { secret, step };
}

export interface EnableInput {
  token: string;
  code: string;
}

/**
 * Confirms an enrolment with the first code from the app: the factor is on (or replaced, for a
 * re-enrolment), a new set of recovery codes replaces any old one, and the codes are returned to
 * be shown once. A re-enrolment must first prove the current factor (the caller checks it).
 */
export async function enableTotp(db: Db, actor: AuditActor & { id: number }, input: EnableInput, ip = "", now = Date.now()) {
  const { secret, step } = checkEnrolmentCode(actor.id, input, now);
  const stored = encodeStoredTotp({ sealed: seal(secondFactorKeys().secret, secret, totpContext(actor.id)), lastStep: step });
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
    const enabledAt = new Date(now);
    await tx.user.update({ where: { id: actor.id }, data: { totpSecret: stored, totpEnabledAt: enabledAt } });
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await writeAudit(tx, actor, {
      entity: "Auth",
      entityId: actor.username,
      action: "totp.enable",
      before: { totpEnabledAt: before.totpEnabledAt },
      after: { totpEnabledAt: enabledAt, reenrolment: before.totpEnabledAt !== null, recoveryCodes: RECOVERY_CODE_COUNT },
      ip,
    });
    return { recoveryCodes };
  });
}

/** Turns the factor off (secret and recovery codes removed); refused for the administrative roles. */
export async function disableTotp(db: Db, actor: AuditActor & { id: number }, ip = "") {
  if (!isRole(actor.role) || isAdminRole(actor.role)) throw new UserFacingError(ADMIN_CANNOT_DISABLE_MESSAGE);
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
    if (!before.totpEnabledAt) throw new UserFacingError(NOT_ENABLED_MESSAGE);
    await tx.user.update({ where: { id: actor.id }, data: { totpSecret: null, totpEnabledAt: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await writeAudit(tx, actor, { entity: "Auth", entityId: actor.username, action: "totp.disable", before: { totpEnabledAt: before.totpEnabledAt }, ip });
  });
}

/** A new set of recovery codes replaces all the old ones (used or not); returned to be shown once. */
export async function regenerateRecoveryCodes(db: Db, actor: AuditActor & { id: number }, ip = "") {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
    if (!user.totpEnabledAt) throw new UserFacingError(NOT_ENABLED_MESSAGE);
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await writeAudit(tx, actor, { entity: "Auth", entityId: actor.username, action: "totp.recovery.regenerate", after: { recoveryCodes: RECOVERY_CODE_COUNT }, ip });
    return { recoveryCodes };
  });
}

export async function remainingRecoveryCodes(db: Db, userId: number): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

/**
 * Removes another account's second factor (lost phone and recovery codes): the secret and recovery
 * codes are deleted and its sessions end (sessionVersion). An administrative account is then held
 * at the enrolment step at its next login. Used by scripts/reset-totp.ts; a 安全保密管理员 page can
 * call it too.
 */
export async function resetTotp(db: Db, actor: AuditActor, username: string, ip = "") {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { username }, select: { id: true, totpEnabledAt: true } });
    if (!user) throw new UserFacingError("用户不存在");
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, sessionVersion: { increment: 1 } } });
    const { count } = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await writeAudit(tx, actor, { entity: "Auth", entityId: username, action: "totp.reset", before: { totpEnabledAt: user.totpEnabledAt, recoveryCodes: count }, ip });
    return { wasEnabled: user.totpEnabledAt !== null };
  });
}
