export const ROLES = ["ADMIN", "LEADER", "COORDINATOR", "STAFF", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "系统管理员",
  LEADER: "秘书长/分管领导",
  COORDINATOR: "法治办",
  STAFF: "科室人员",
  VIEWER: "只读用户",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
