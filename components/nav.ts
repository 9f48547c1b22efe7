import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", label: "工作看板", permission: "dashboard:read" },
  { href: "/plans", label: "工作要点", permission: "plan:read" },
  { href: "/plans/import", label: "导入要点", permission: "plan:import" },
  { href: "/ledger", label: "工作台账", permission: "ledger:read" },
  { href: "/supervision/feedback", label: "进展反馈", permission: "feedback:read" },
  { href: "/regulations", label: "制度库", permission: "regulation:read" },
  { href: "/reports", label: "年度报告", permission: "report:read" },
  { href: "/supervision/bulletins", label: "情况通报", permission: "bulletin:read" },
  { href: "/supervision/outbox", label: "提醒发送", permission: "outbound:manage" },
  { href: "/assessment", label: "考核自评", permission: "assessment:read" },
  { href: "/notifications", label: "消息通知", permission: "notification:read" },
  { href: "/admin", label: "系统管理", permission: "admin:users" },
  { href: "/admin/notify", label: "提醒设置", permission: "admin:settings" },
  { href: "/admin/security", label: "安全管理", permission: "security:accounts" },
  { href: "/audit", label: "审计日志", permission: "audit:read" },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}

/** Where a role lands after login: the dashboard, or the first page it may open (三员 without one). */
export function homePathFor(role: Role): string {
  return navFor(role).find((item) => item.href !== "/notifications")?.href ?? "/notifications";
}
