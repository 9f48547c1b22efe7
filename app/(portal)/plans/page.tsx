import Link from "next/link";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { listPlans } from "@/lib/plan/queries";
import { chineseDay, PlanStatusBadge } from "@/components/plan-labels";

export const metadata = { title: "工作要点 - 法治建设工作台" };

export default async function PlansPage() {
  const user = await requirePageUser("plan:read");
  const plans = await listPlans(prisma, user.role);
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h1 className="page-title mb-0">机关法治建设工作要点</h1>
        {can(user.role, "plan:import") ? <Link href="/plans/import" className="btn-primary">导入工作要点</Link> : null}
      </div>
      {plans.length === 0 ? (
        <p className="card text-sm text-slate-600">还没有工作要点。{can(user.role, "plan:import") ? "请先导入本年度工作要点。" : ""}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="table">
            <thead>
              <tr><th>年度</th><th>标题</th><th>状态</th><th>部分</th><th>要点</th><th>量化指标</th><th>发布时间</th><th>操作</th></tr>
            </thead>
            <tbody>
              {plans.map((plan) => (
                <tr key={plan.id} data-testid={`plan-row-${plan.year}`}>
                  <td className="font-medium">{plan.year}</td>
                  <td><Link href={`/plans/${plan.year}`} className="text-brand hover:underline">{plan.title}</Link></td>
                  <td><PlanStatusBadge status={plan.status} /></td>
                  <td>{plan._count.sections}</td>
                  <td>{plan._count.points}</td>
                  <td>{plan._count.targets}</td>
                  <td>{chineseDay(plan.publishedAt) || "—"}</td>
                  <td className="whitespace-nowrap">
                    <Link href={`/plans/${plan.year}`} className="mr-2 text-brand hover:underline">查看</Link>
                    <Link href={`/plans/${plan.year}?view=table`} className="text-brand hover:underline">任务分解表</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
