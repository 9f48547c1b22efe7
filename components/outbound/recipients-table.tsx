import { ActionForm } from "@/components/action-form";
import { updateUserEmailAction } from "@/lib/outbound/actions";
import { ROLE_LABEL, isRole } from "@/lib/auth/roles";

interface Recipient {
  id: number;
  username: string;
  displayName: string;
  role: string;
  email: string | null;
  active: boolean;
  office: { name: string } | null;
}

/** Business accounts' e-mail addresses: where reminders are e-mailed (blank: portal only). */
export function RecipientsTable({ users }: { users: Recipient[] }) {
  return (
    <table className="table">
      <thead>
        <tr><th>账户</th><th>角色</th><th>科室</th><th>接收提醒的邮箱</th></tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} data-testid={`recipient-${u.username}`}>
            <td>{u.displayName}（{u.username}）{u.active ? null : <span className="text-xs text-slate-500"> 已停用</span>}</td>
            <td>{isRole(u.role) ? ROLE_LABEL[u.role] : u.role}</td>
            <td>{u.office?.name ?? "—"}</td>
            <td>
              <ActionForm action={updateUserEmailAction} submitLabel="保存" buttonClassName="btn" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="userId" value={u.id} />
                <input className="input w-64" type="email" name="email" defaultValue={u.email ?? ""} aria-label={`${u.displayName}的邮箱`} />
              </ActionForm>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
