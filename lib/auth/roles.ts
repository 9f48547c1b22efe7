/**
 * Business roles, and the three administrative roles of 三员分立 (等保 2.0): ADMIN is the
 * 系统管理员 (users, offices, settings), SECURITY_ADMIN the 安全保密管理员 (roles, unlocks,
 * password resets, security settings), AUDITOR the 安全审计员 (reads and exports the audit log,
 * changes nothing). An account has exactly one role, so no account holds two of them.
 */
export const ROLES = ["ADMIN", "SECURITY_ADMIN", "AUDITOR", "LEADER", "COORDINATOR", "STAFF", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const ADMIN_ROLES = ["ADMIN", "SECURITY_ADMIN", "AUDITOR"] as const satisfies readonly Role[];
export const BUSINESS_ROLES = ["LEADER", "COORDINATOR", "STAFF", "VIEWER"] as const satisfies readonly Role[];

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "系统管理员",
  SECURITY_ADMIN: "安全保密管理员",
  AUDITOR: "安全审计员",
  LEADER: "秘书长/分管领导",
  COORDINATOR: "法治办",
  STAFF: "科室人员",
  VIEWER: "只读用户",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** The administrative roles (三员): a second factor is required for them. */
export function isAdminRole(role: Role): boolean {
  return (ADMIN_ROLES as readonly Role[]).includes(role);
}
