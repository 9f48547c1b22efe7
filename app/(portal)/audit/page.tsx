import Link from "next/link";
import { z } from "zod";
import { requirePageUser } from "@/lib/auth/dal";
import { prisma } from "@/lib/db";

export const metadata = { title: "审计日志 - 法治建设工作台" };

const PAGE_SIZE = 50;

const filtersSchema = z.object({
  entity: z.string().trim().max(40).optional().catch(undefined),
  action: z.string().trim().max(40).optional().catch(undefined),
  user: z.string().trim().max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});

const ACTION_LABEL: Record<string, string> = {
  "login.success": "登录成功",
  "login.failed": "登录失败",
  "login.locked": "锁定期间尝试登录",
  "login.lockout": "账户被锁定",
  "login.lockout.address": "来源地址被锁定",
  logout: "退出登录",
  "login.disabled": "停用账户尝试登录",
  denied: "越权访问被拒绝",
  create: "新建",
  update: "修改",
  delete: "删除",
  restore: "恢复",
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("audit:read");
  const raw = await searchParams;
  const filters = filtersSchema.parse({ entity: raw.entity, action: raw.action, user: raw.user, page: raw.page ?? 1 });
  const where = {
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.action ? { action: { contains: filters.action } } : {}),
    ...(filters.user ? { username: filters.user } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (filters.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (page: number) => {
    const params = new URLSearchParams();
    if (filters.entity) params.set("entity", filters.entity);
    if (filters.action) params.set("action", filters.action);
    if (filters.user) params.set("user", filters.user);
    params.set("page", String(page));
    return `/audit?${params}`;
  };

  return (
    <div>
      <h1 className="page-title">审计日志</h1>
      <form method="get" className="card mb-4 flex flex-wrap items-end gap-3">
        <label><span className="label">对象类型</span><input className="input w-40" name="entity" defaultValue={filters.entity ?? ""} placeholder="如 LedgerEntry" /></label>
        <label><span className="label">操作</span><input className="input w-40" name="action" defaultValue={filters.action ?? ""} placeholder="如 login" /></label>
        <label><span className="label">用户名</span><input className="input w-40" name="user" defaultValue={filters.user ?? ""} /></label>
        <button type="submit" className="btn-primary">筛选</button>
      </form>
      <p className="mb-2 text-sm text-slate-600">共 {total} 条记录（审计日志只增不改，数据库触发器拒绝修改和删除）</p>
      <div className="card overflow-x-auto p-0">
        <table className="table">
          <thead>
            <tr><th>时间</th><th>用户</th><th>角色</th><th>对象</th><th>操作</th><th>变更内容</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="whitespace-nowrap">{row.at.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}</td>
                <td>{row.username || "—"}</td>
                <td>{row.role || "—"}</td>
                <td className="whitespace-nowrap">{row.entity}{row.entityId ? ` #${row.entityId}` : ""}</td>
                <td>{ACTION_LABEL[row.action] ?? row.action}</td>
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
        {filters.page > 1 ? <Link className="btn" href={link(filters.page - 1)}>上一页</Link> : null}
        <span>第 {filters.page} / {pages} 页</span>
        {filters.page < pages ? <Link className="btn" href={link(filters.page + 1)}>下一页</Link> : null}
      </nav>
    </div>
  );
}
