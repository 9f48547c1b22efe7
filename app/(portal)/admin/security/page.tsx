import { requirePageUser } from "@/lib/auth/dal";
import { prisma } from "@/lib/db";
import { loadAccountSecurity } from "@/lib/admin/security-overview";
import { securitySettings } from "@/lib/auth/security-settings";
import { AccountsTable } from "@/components/security/accounts-table";

export const metadata = { title: "安全管理 - 法治建设工作台" };

/** The 安全保密管理员's page (三员分立): accounts' roles and access, and the security settings in force. */
export default async function SecurityAdminPage() {
  const user = await requirePageUser("security:accounts");
  const accounts = await loadAccountSecurity(prisma);
  return (
    <div className="space-y-8">
      <h1 className="page-title">安全管理</h1>
      <section className="card" aria-labelledby="accounts-title">
        <h2 id="accounts-title" className="mb-1 font-semibold">账户角色与访问</h2>
        <p className="mb-3 text-xs text-slate-600">
          管理员角色（系统管理员、安全保密管理员、安全审计员）只能在此授予，一个账户只能担任其中一种。重置后的密码须在下次登录时修改。
        </p>
        <AccountsTable accounts={accounts} selfId={user.id} />
      </section>
      <section className="card" aria-labelledby="settings-title">
        <h2 id="settings-title" className="mb-3 font-semibold">安全策略</h2>
        <table className="table">
          <thead><tr><th>项目</th><th>当前设置</th><th>配置项</th></tr></thead>
          <tbody>
            {securitySettings().map((s) => (
              <tr key={s.label}>
                <td className="whitespace-nowrap">{s.label}</td>
                <td>{s.value}</td>
                <td className="font-mono text-xs">{s.variable ?? "固定"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-slate-600">带配置项的设置由服务器环境变量设定（见 README“安全”一节），修改后重启生效。</p>
      </section>
    </div>
  );
}
