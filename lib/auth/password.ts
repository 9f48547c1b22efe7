import { hash, verify } from "@node-rs/argon2";
import { passwordPolicyErrors, PASSWORD_RULE_SUMMARY } from "./password-policy";

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

/** The rules that need no database (lib/auth/password-policy.ts): length and character classes. */
export const PASSWORD_RULE_MESSAGE = PASSWORD_RULE_SUMMARY;
export function isAcceptablePassword(password: string): boolean {
  return passwordPolicyErrors(password).length === 0;
}
