import { ActionForm } from "@/components/action-form";
import { createUserAction, updateUserAction } from "@/lib/admin/actions";
import { BUSINESS_ROLES, isAdminRole, isRole, ROLE_LABEL } from "@/lib/auth/roles";

interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: string;
  officeId: number | null;
  office: { name: string } | null;
  active: boolean;
  version: number;
}

const roleLabel = (role: string) => (isRole(role) ? ROLE_LABEL[role] : role);

/**
 * The 系统管理员's accounts section (三员分立): business accounts are opened here with a business
 * role, renamed, moved between offices and disabled. Roles are changed, administrative accounts
 * managed, passwords reset and accounts unlocked by the 安全保密管理员 (/admin/security).
 */
export function UsersSection({ users, offices }: { users: UserRow[]; offices: { id: number; name: string }[] }) {
  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title" className="mb-1 font-semibold">用户</h2>
      <p className="mb-3 text-xs text-slate-600">
        按“三员分立”要求，角色变更、管理员账户、重置密码和解锁由安全保密管理员办理；系统管理员开设业务账户并维护姓名、科室和启用状态。
      </p>
      <div className="overflow-x-auto">
        <table className="table mb-4">
          <thead>
            <tr><th>用户名</th><th>角色</th><th>姓名 / 科室 / 状态</th></tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid={`user-row-${u.username}`}>
                <td className="font-mono">{u.username}</td>
                <td className="whitespace-nowrap">{roleLabel(u.role)}</td>
                <td>
                  {isRole(u.role) && isAdminRole(u.role) ? (
                    <span className="text-sm text-slate-600">
                      {u.displayName}
                      {u.active ? "" : "（已停用）"} · 管理员账户由安全保密管理员管理
                    </span>
                  ) : (
                    <ActionForm action={updateUserAction} submitLabel="保存" buttonClassName="btn" className="flex flex-wrap items-end gap-2">
                      <input type="hidden" name="id" value={u.id} />
                      <input type="hidden" name="version" value={u.version} />
                      <input className="input w-28" name="displayName" defaultValue={u.displayName} aria-label="姓名" />
                      <select className="input w-32" name="officeId" defaultValue={u.officeId ?? ""} aria-label="科室">
                        <option value="">（无）</option>
                        {offices.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                      </select>
                      <label className="flex items-center gap-1 text-sm">
                        <input type="checkbox" name="active" defaultChecked={u.active} /> 启用
                      </label>
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="mb-2 text-sm font-semibold">新增用户</h3>
      <ActionForm action={createUserAction} submitLabel="创建用户" className="flex flex-wrap items-end gap-2">
        <label><span className="label">用户名</span><input className="input w-36" name="username" required /></label>
        <label><span className="label">姓名</span><input className="input w-28" name="displayName" required /></label>
        <label><span className="label">初始密码</span><input className="input w-36" name="password" type="password" autoComplete="new-password" required /></label>
        <label>
          <span className="label">角色</span>
          <select className="input w-36" name="role" defaultValue="STAFF">
            {BUSINESS_ROLES.map((r) => <option key={r} value={r}>{ROLE_LABEL[r]}</option>)}
          </select>
        </label>
        <label>
          <span className="label">科室</span>
          <select className="input w-32" name="officeId" defaultValue="">
            <option value="">（无）</option>
            {offices.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </label>
      </ActionForm>
    </section>
  );
}
