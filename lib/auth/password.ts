import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the enum is an ambient const enum that isolatedModules cannot read.
const ARGON2ID = 2;

// OWASP ASVS 11.4.2: argon2id with at least 19 MiB memory and 2 iterations.
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so both failures take about the same time.
let dummyHash: Promise<string> | null = null;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("timing-equaliser-not-a-password");
  return dummyHash;
}

/** At least 8 characters with letters and digits: the rule the admin forms enforce. */
export const PASSWORD_RULE_MESSAGE = "密码至少 8 位，且须同时包含字母和数字";
export function isAcceptablePassword(password: string): boolean {
  return password.length >= 8 && password.length <= 128 && /[A-Za-z]/.test(password) && /\d/.test(password);
}
