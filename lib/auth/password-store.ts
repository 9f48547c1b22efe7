import type { Db, Tx } from "@/lib/db";
import { verifyPassword } from "./password";
import { isRecentPassword, passwordPolicyErrors, PASSWORD_HISTORY_SIZE, PASSWORD_MESSAGES } from "./password-policy";

/**
 * The database side of the password rules (lib/auth/password-policy.ts): the account's recent
 * hashes, and keeping PasswordHistory to the last PASSWORD_HISTORY_SIZE rows whenever a password
 * is replaced (the user's own change and an administrator's reset alike).
 */

/** The account's previous hashes, newest first (at most PASSWORD_HISTORY_SIZE). */
export async function passwordHistoryHashes(db: Db | Tx, userId: number): Promise<string[]> {
  const rows = await db.passwordHistory.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PASSWORD_HISTORY_SIZE,
    select: { passwordHash: true },
  });
  return rows.map((row) => row.passwordHash);
}

/**
 * Every rule the new password breaks for this account, as Chinese messages (empty: acceptable).
 * `checkHistory` compares it with the current and the recent passwords (argon2, outside any
 * transaction: up to six verifications). An administrator's reset does not: the answer would tell
 * the administrator which of the user's former passwords they guessed, and a reset password must
 * be changed at the next login anyway.
 */
export async function newPasswordProblems(
  db: Db,
  user: { id: number; username: string; passwordHash: string },
  password: string,
  options: { checkHistory: boolean; verify?: (hash: string, password: string) => Promise<boolean> },
): Promise<string[]> {
  const problems = passwordPolicyErrors(password, user.username);
  if (problems.length > 0 || !options.checkHistory) return problems;
  const hashes = [user.passwordHash, ...(await passwordHistoryHashes(db, user.id))];
  return (await isRecentPassword(password, hashes, options.verify ?? verifyPassword)) ? [PASSWORD_MESSAGES.reused] : [];
}

/** Records the replaced hash in the account's history and drops what is beyond the last PASSWORD_HISTORY_SIZE. */
export async function pushPasswordHistory(tx: Tx, userId: number, replacedHash: string, at = new Date()): Promise<void> {
  await tx.passwordHistory.create({ data: { userId, passwordHash: replacedHash, createdAt: at } });
  const beyond = await tx.passwordHistory.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: PASSWORD_HISTORY_SIZE,
    select: { id: true },
  });
  if (beyond.length > 0) await tx.passwordHistory.deleteMany({ where: { id: { in: beyond.map((row) => row.id) } } });
}
