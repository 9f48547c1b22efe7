import Link from "next/link";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { isRole, ROLE_LABEL } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { auditQueryString, parseAuditFilters } from "@/lib/audit-log/filters";
import { loadAuditPage } from "@/lib/audit-log/queries";
import { actionLabel, entityLabel } from "@/lib/audit-log/labels";
import { auditRetentionDays } from "@/lib/audit-log/retention";
import { AuditFilterForm } from "@/components/audit/filter-form";

export const metadata = { title: "审计日志 - 法治建设工作台" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("audit:read");
  const filters = parseAuditFilters(await searchParams);
  const { total, rows, pages, entities } = await loadAuditPage(prisma, filters);
  const query = auditQueryString(filters);

  return (
    <div>
      <h1 className="page-title">审计日志</h1>
      <AuditFilterForm filters={filters} entities={entities} />
      <div className="mb-2 flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <span data-testid="audit-total">共 {total} 条记录</span>
        <span>审计日志只增不改，保存 {auditRetentionDays()} 天（数据库拒绝修改记录，拒绝删除 180 天内的记录）</span>
        {can(user.role, "audit:export") ? (
          <a className="btn ml-auto" href={`/api/audit/export${query ? `?${query}` : ""}`} download>
            导出 Excel
          </a>
        ) : null}
      </div>
      <div className="card overflow-x-auto p-0">
        <table className="table">
          <thead>
            <tr><th>时间</th><th>用户</th><th>角色</th><th>来源地址</th><th>对象</th><th>操作</th><th>变更内容</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="audit-row">
                <td className="whitespace-nowrap">{row.at.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}</td>
                <td>{row.username || "—"}</td>
                <td className="whitespace-nowrap">{isRole(row.role) ? ROLE_LABEL[row.role] : row.role || "—"}</td>
                <td className="font-mono text-xs">{row.ip || "—"}</td>
                <td className="whitespace-nowrap">{entityLabel(row.entity)}{row.entityId ? ` #${row.entityId}` : ""}</td>
                <td>{actionLabel(row.action)}</td>
                <td className="max-w-xl">
                  {row.before || row.after ? (
                    <details>
                      <summary className="cursor-pointer text-slate-600">查看</summary>
                      {row.before ? <pre className="mt-1 whitespace-pre-wrap break-all text-xs text-slate-500">修改前：{row.before}</pre> : null}
                      {row.after ? <pre className="mt-1 whitespace-pre-wrap break-all text-xs">修改后：{row.after}</pre> : null}
                    </details>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="分页" className="mt-3 flex items-center gap-3 text-sm">
        {filters.page > 1 ? <Link className="btn" href={`/audit?${auditQueryString(filters, filters.page - 1)}`}>上一页</Link> : null}
        <span>第 {filters.page} / {pages} 页</span>
        {filters.page < pages ? <Link className="btn" href={`/audit?${auditQueryString(filters, filters.page + 1)}`}>下一页</Link> : null}
      </nav>
    </div>
  );
}
