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
  // 督办 (lib/supervision): 延期申请 and 办结 by the point's lead office (STAFF of it, or the 法治办 on its behalf;
  // ownership in the where), decided by a LEADER (延期) and the 法治办 (办结审核); a LEADER may rate a closed point.
  "supervision:read": ["LEADER", "COORDINATOR", "STAFF", "VIEWER"],
  "supervision:requestExtension": ["STAFF", "COORDINATOR"],
  "supervision:decideExtension": ["LEADER"],
  "supervision:close": ["STAFF", "COORDINATOR"],
  "supervision:reviewClose": ["COORDINATOR"],
  "supervision:rate": ["LEADER"],
  // 进展反馈: the lead office writes one note per open point and period; STAFF read their own office's notes.
  "feedback:write": ["STAFF", "COORDINATOR"],
  "feedback:read": ["LEADER", "COORDINATOR", "STAFF", "VIEWER"],
  "feedback:readAll": ["LEADER", "COORDINATOR", "VIEWER"],
  // The feedback cycle (monthly / quarterly, due day) is set by the 法治办.
  "feedback:configure": ["COORDINATOR"],
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
  // Automatic reminders' outbox (未发送 / 失败 messages, 重新发送); the settings are admin:settings.
  "outbound:manage": ["ADMIN", "COORDINATOR"],
  // 情况通报: the 法治办 drafts and edits, a leader approves or returns.
  "bulletin:read": ["LEADER", "COORDINATOR", "VIEWER"],
  "bulletin:edit": ["COORDINATOR"],
  "bulletin:approve": ["LEADER"],
  // 考核: the year's rubric, 自评 and the assessors' scores (no ranking of people anywhere).
  "assessment:read": ["LEADER", "COORDINATOR", "VIEWER"],
  "assessment:edit": ["COORDINATOR"],
  // 制度库 (lib/regulations): everyone with a business role reads and searches; the 法治办 and the
  // 系统管理员 maintain (制定, 修订, 废止); staff propose revisions of their office's rules.
  "regulation:read": ["ADMIN", "LEADER", "COORDINATOR", "STAFF", "VIEWER"],
  "regulation:manage": ["COORDINATOR", "ADMIN"],
  "regulation:propose": ["STAFF"],
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
