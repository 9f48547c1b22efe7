import { LOCKOUT_THRESHOLD, LOCKOUT_WINDOW_MS, IP_LOCKOUT_THRESHOLD } from "./login";
import { passwordMaxAgeDays } from "./security-gate";
import { sessionIdleMinutes } from "./session-policy";
import { auditRetentionDays } from "@/lib/audit-log/retention";

export interface SecuritySetting {
  label: string;
  value: string;
  /** The environment variable that sets it (deployment configuration, restart to apply). */
  variable: string | null;
}

/**
 * The security configuration in force, as the 安全保密管理员 reads it on /admin/security. The
 * values come from the deployment's environment (so a change is an administrative act on the
 * server, recorded in its change management), not from a form.
 */
export function securitySettings(env: NodeJS.ProcessEnv = process.env): SecuritySetting[] {
  // The same reading the session itself uses (a value above the maximum is capped there too).
  const idle = sessionIdleMinutes(env.SESSION_IDLE_MINUTES);
  const maxAge = passwordMaxAgeDays(env.PASSWORD_MAX_AGE_DAYS);
  return [
    { label: "密码复杂度", value: "至少 8 位，含大写字母、小写字母、数字、符号中的 3 类；不得包含用户名；不得与最近 5 次密码相同", variable: null },
    { label: "初始密码与重置密码", value: "首次登录时必须修改", variable: null },
    { label: "密码有效期", value: maxAge ? `${maxAge} 天，到期后登录须修改` : "不限（未设置）", variable: "PASSWORD_MAX_AGE_DAYS" },
    { label: "会话空闲超时", value: `${idle} 分钟，结束前提醒`, variable: "SESSION_IDLE_MINUTES" },
    { label: "同一账户单一会话", value: env.SINGLE_SESSION === "1" ? "开启：新登录使此前的会话失效" : "关闭", variable: "SINGLE_SESSION" },
    { label: "双因素认证", value: "系统管理员、安全保密管理员、安全审计员必须启用动态验证码；其他角色可自愿启用", variable: null },
    {
      label: "登录失败锁定",
      value: `同一账户 ${LOCKOUT_WINDOW_MS / 60000} 分钟内失败 ${LOCKOUT_THRESHOLD} 次锁定 ${LOCKOUT_WINDOW_MS / 60000} 分钟；同一来源地址失败 ${IP_LOCKOUT_THRESHOLD} 次锁定该地址`,
      variable: null,
    },
    { label: "可信代理层数", value: String(Number(env.TRUSTED_PROXY_HOPS) || 0), variable: "TRUSTED_PROXY_HOPS" },
    { label: "审计日志保存期限", value: `${auditRetentionDays(env.AUDIT_RETENTION_DAYS)} 天（不少于 180 天）`, variable: "AUDIT_RETENTION_DAYS" },
  ];
}
