/**
 * The demo accounts (SEED_DEMO): one per role, all with DEMO_PASSWORD. Kept apart from the demo
 * data so the per-request security gate (lib/auth/security-gate.ts) can name them cheaply.
 */
export const DEMO_PASSWORD = "Demo@2025";

export const DEMO_ACCOUNTS = [
  { username: "admin", displayName: "系统管理员", role: "ADMIN", office: null },
  { username: "leader", displayName: "王秘书长", role: "LEADER", office: null },
  // A second leader: the 分管副秘书长, who may 送审/退回 and 复审 the report but not sign it (issue 16).
  { username: "deputy", displayName: "陈副秘书长", role: "LEADER", office: null },
  { username: "coordinator", displayName: "李法治", role: "COORDINATOR", office: "法治办" },
  { username: "staff-zonghe", displayName: "张综合", role: "STAFF", office: "综合科" },
  { username: "staff-yanjiu", displayName: "刘研究", role: "STAFF", office: "研究室" },
  { username: "viewer", displayName: "赵查阅", role: "VIEWER", office: null },
  { username: "secadmin", displayName: "孙安全", role: "SECURITY_ADMIN", office: null },
  { username: "auditor", displayName: "周审计", role: "AUDITOR", office: null },
] as const;

export const DEMO_USERNAMES: ReadonlySet<string> = new Set(DEMO_ACCOUNTS.map((account) => account.username));

/** Demo data is seeded unless SEED_DEMO=0 (lib/setup.ts); in that mode the demo accounts are exempt from the 等保 steps. */
export function isDemoMode(): boolean {
  return process.env.SEED_DEMO !== "0";
}
