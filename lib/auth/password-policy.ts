/**
 * The password rules of 等保 2.0 三级 (GB/T 22239-2019 8.1.4.1 a): at least 8 characters of at
 * least 3 of the 4 character classes, not the username nor containing it, and not one of the
 * account's recent passwords. Pure: the argon2 check of the history is passed in, so the rules are
 * tested as a table (password-policy.test.ts) and applied wherever a password is set: the admin's
 * create-user and reset forms (lib/admin), the user's own change (lib/account) and the seeded
 * administrator (lib/setup.ts).
 */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;
/** Previous password hashes kept per account (PasswordHistory); the current hash is checked as well. */
export const PASSWORD_HISTORY_SIZE = 5;

export const PASSWORD_MESSAGES = {
  tooShort: `密码至少 ${PASSWORD_MIN_LENGTH} 位`,
  tooLong: `密码不超过 ${PASSWORD_MAX_LENGTH} 位`,
  classes: "密码须包含大写字母、小写字母、数字、符号中的至少三类",
  username: "密码不能与用户名相同，也不能包含用户名",
  reused: `新密码不能与当前密码或最近 ${PASSWORD_HISTORY_SIZE} 次使用过的密码相同`,
} as const;

/** The rules as shown on the forms that set a password. */
export const PASSWORD_RULES_TEXT = [
  `至少 ${PASSWORD_MIN_LENGTH} 位`,
  "包含大写字母、小写字母、数字、符号中的至少三类",
  "不能与用户名相同，也不能包含用户名（不区分大小写）",
  `不能与当前密码或最近 ${PASSWORD_HISTORY_SIZE} 次使用过的密码相同`,
] as const;

/** One line for a form hint. */
export const PASSWORD_RULE_SUMMARY = `至少 ${PASSWORD_MIN_LENGTH} 位，含大写字母、小写字母、数字、符号中的至少三类，不含用户名`;

/** How many of the four classes (upper, lower, digit, symbol) the password uses. Whitespace is no class. */
export function passwordClassCount(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9\s]/].filter((pattern) => pattern.test(password)).length;
}

/**
 * The rules that need no database: length, classes and the username. Returns the messages of every
 * rule broken (empty: acceptable). The username check is skipped when no username is known yet.
 */
export function passwordPolicyErrors(password: string, username = ""): string[] {
  const errors: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) errors.push(PASSWORD_MESSAGES.tooShort);
  if (length > PASSWORD_MAX_LENGTH) errors.push(PASSWORD_MESSAGES.tooLong);
  if (passwordClassCount(password) < PASSWORD_MIN_CLASSES) errors.push(PASSWORD_MESSAGES.classes);
  const name = username.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) errors.push(PASSWORD_MESSAGES.username);
  return errors;
}

/**
 * Whether the password is one of the given hashes (the current one and the history). Every hash is
 * checked (no early exit), so the time taken does not tell which one matched.
 */
export async function isRecentPassword(password: string, hashes: readonly string[], verify: (hash: string, password: string) => Promise<boolean>): Promise<boolean> {
  const matches = await Promise.all(hashes.map((hash) => verify(hash, password)));
  return matches.some(Boolean);
}

export type PasswordChangeReason = "initial" | "expired" | null;

/** Why the account must change its password now: an initial/reset one, an expired one, or no reason (a voluntary change). */
export function passwordChangeReason(
  user: { mustChangePassword: boolean; passwordChangedAt: Date },
  policy: { now: Date; passwordMaxAgeDays: number; exempt: boolean },
): PasswordChangeReason {
  if (policy.exempt) return null;
  if (user.mustChangePassword) return "initial";
  if (policy.passwordMaxAgeDays > 0 && policy.now.getTime() - user.passwordChangedAt.getTime() > policy.passwordMaxAgeDays * 86_400_000) return "expired";
  return null;
}
