import type { Role } from "./roles";

/**
 * The one table of who may do what. Pages, server actions and route handlers all ask `can()`;
 * ownership (which office's rows) is applied separately in each query's `where`.
 */
export const PERMISSIONS = {
  "dashboard:read": ["ADMIN", "LEADER", "COORDINATOR", "STAFF", "VIEWER"],
  "plan:read": ["ADMIN", "LEADER", "COORDINATOR", "STAFF", "VIEWER"],
  // Plans still in 草稿 (DRAFT) are seen only by those who prepare them, until 发布 (lib/plan/visibility.ts).
  "plan:readDraft": ["ADMIN", "COORDINATOR"],
  "plan:import": ["ADMIN", "COORDINATOR"],
  "plan:edit": ["COORDINATOR"],
  "plan:publish": ["COORDINATOR"],
  "ledger:read": ["LEADER", "COORDINATOR", "STAFF", "VIEWER"],
  "ledger:readAll": ["LEADER", "COORDINATOR", "VIEWER"],
  "ledger:write": ["STAFF", "COORDINATOR"],
  "ledger:review": ["LEADER", "COORDINATOR"],
  "ledger:restore": ["COORDINATOR"],
  // Record and correct entries for any office (STAFF only ever write for their own office).
  "ledger:writeAll": ["COORDINATOR"],
  // Withdraw an approval (已通过 → 待审核) so a mistake can be corrected.
  "ledger:reopen": ["COORDINATOR"],
  "ledger:export": ["LEADER", "COORDINATOR", "STAFF", "VIEWER"],
  "reminder:send": ["LEADER", "COORDINATOR"],
  "reminder:reply": ["STAFF"],
  // Reading reminders and printing the 督办单: STAFF only for their own office (ownership in the where).
  "reminder:read": ["LEADER", "COORDINATOR", "STAFF", "VIEWER"],
  "reminder:readAll": ["LEADER", "COORDINATOR", "VIEWER"],
  "notification:read": ["ADMIN", "SECURITY_ADMIN", "AUDITOR", "LEADER", "COORDINATOR", "STAFF", "VIEWER"],
  "report:read": ["LEADER", "COORDINATOR", "VIEWER"],
  "report:edit": ["COORDINATOR"],
  // A leader in charge (deputy) may 送审 and 退回 (with a comment); only the 主要负责人 named in the
  // report cycle settings signs (定稿) and reopens — checked in lib/report/workflow.ts signOffBlockedReason.
  "report:submit": ["COORDINATOR", "LEADER"],
  "report:return": ["LEADER"],
  "report:finalize": ["LEADER"],
  "report:reopen": ["LEADER"],
  // 保密审查: 初审 by the 法治办, 复审 by a leader other than the 主要负责人, 批准 by the 主要负责人 (lib/report/secrecy.ts).
  "report:secrecyFirst": ["COORDINATOR"],
  "report:secrecyReview": ["LEADER"],
  "report:export": ["LEADER", "COORDINATOR", "VIEWER"],
  // 三员分立 (等保 2.0): the 系统管理员 opens business accounts (a business role at creation),
  // edits names and offices, disables business accounts, and keeps offices and unit settings.
  "admin:users": ["ADMIN"],
  "admin:offices": ["ADMIN"],
  "admin:settings": ["ADMIN"],
  // The 安全保密管理员: changes roles (the only one who grants an administrative role), enables and
  // disables administrative accounts, unlocks accounts, resets passwords, reads the security settings.
  "security:accounts": ["SECURITY_ADMIN"],
  // The 安全审计员 reads, filters and exports the audit log and changes nothing; leaders read it too.
  "audit:read": ["AUDITOR", "LEADER"],
  "audit:export": ["AUDITOR"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
