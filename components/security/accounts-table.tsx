import { ActionForm } from "@/components/action-form";
import { resetPasswordAction, unlockUserAction, updateAccountSecurityAction } from "@/lib/admin/actions";
import type { AccountSecurityRow } from "@/lib/admin/security-overview";
import { isRole, ROLES, ROLE_LABEL } from "@/lib/auth/roles";

const day = (date: Date) => date.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" });

/**
 * The 安全保密管理员's accounts table: role and active flag (the only place an administrative role
 * is granted), password reset, unlock, and each account's password and second-factor state.
 */
export function AccountsTable({ accounts, selfId }: { accounts: AccountSecurityRow[]; selfId: number }) {
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <thead>
          <tr><th>账户</th><th>角色 / 状态</th><th>密码与认证</th><th>重置密码</th><th>锁定</th></tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} data-testid={`account-row-${a.username}`}>
              <td>
                <div className="font-mono">{a.username}</div>
                <div className="text-xs text-slate-600">{a.displayName}{a.officeName ? ` · ${a.officeName}` : ""}</div>
              </td>
              <td>
                {a.id === selfId ? (
                  <span className="text-sm text-slate-600">{isRole(a.role) ? ROLE_LABEL[a.role] : a.role}（本人账户不能自行修改）</span>
                ) : (
                  <ActionForm action={updateAccountSecurityAction} submitLabel="保存" buttonClassName="btn" className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="id" value={a.id} />
                    <input type="hidden" name="version" value={a.version} />
                    <select className="input w-40" name="role" defaultValue={a.role} aria-label={`${a.username} 角色`}>
                      {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABEL[r]}</option>)}
                    </select>
                    <label className="flex items-center gap-1 text-sm">
                      <input type="checkbox" name="active" defaultChecked={a.active} aria-label={`${a.username} 启用`} /> 启用
                    </label>
                  </ActionForm>
                )}
              </td>
              <td className="text-xs">
                <div>{a.mustChangePassword ? "待首次修改密码" : `密码设于 ${day(a.passwordChangedAt)}`}</div>
                <div>{a.secondFactor ? "已启用动态验证码" : "未启用动态验证码"}</div>
              </td>
              <td>
                <ActionForm action={resetPasswordAction} submitLabel="重置" buttonClassName="btn" className="flex items-end gap-2">
                  <input type="hidden" name="id" value={a.id} />
                  <input className="input w-32" name="password" type="password" placeholder="临时密码" aria-label={`${a.username} 临时密码`} autoComplete="new-password" />
                </ActionForm>
              </td>
              <td>
                {a.locked ? <div className="mb-1 text-xs text-red-700">已锁定（近 15 分钟失败 {a.recentFailures} 次）</div> : <div className="mb-1 text-xs text-slate-600">正常</div>}
                <ActionForm action={unlockUserAction} submitLabel="解锁" buttonClassName="btn">
                  <input type="hidden" name="id" value={a.id} />
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
