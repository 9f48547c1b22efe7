import Link from "next/link";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { listBulletins } from "@/lib/bulletins/queries";
import { periodLabel } from "@/lib/bulletins/draft";
import { BulletinStatusBadge } from "@/components/bulletins/bulletin-workflow";
import { GenerateBulletinForm } from "@/components/bulletins/generate-form";
import { calendarDayAt } from "@/lib/progress/dates";

export const metadata = { title: "情况通报 - 法治建设工作台" };

export default async function BulletinsPage() {
  const user = await requirePageUser("bulletin:read");
  const [bulletins, plans] = await Promise.all([
    listBulletins(prisma),
    prisma.plan.findMany({ where: { status: { not: "DRAFT" } }, select: { year: true }, orderBy: { year: "desc" } }),
  ]);
  const thisYear = calendarDayAt(new Date()).getUTCFullYear();
  const years = plans.map((p) => p.year);
  return (
    <div className="space-y-6">
      <h1 className="page-title">情况通报</h1>
      {can(user.role, "bulletin:edit") && years.length > 0 ? (
        <section className="card" aria-labelledby="generate-title">
          <h2 id="generate-title" className="mb-3 font-semibold">生成新一期通报</h2>
          <p className="mb-2 text-sm text-slate-600">根据工作台账和工作要点进度自动起草：总体进展、本期完成情况、各牵头科室滞后和逾期事项、近期到期事项。生成后可修改，再送领导审定。</p>
          <GenerateBulletinForm years={years} defaultYear={years.includes(thisYear) ? thisYear : years[0]} />
        </section>
      ) : null}
      {bulletins.length === 0 ? <p className="card text-sm text-slate-600">尚无情况通报。</p> : null}
      {bulletins.length > 0 ? (
        <table className="table">
          <thead>
            <tr><th>期数</th><th>标题</th><th>通报期间</th><th>状态</th></tr>
          </thead>
          <tbody>
            {bulletins.map((b) => (
              <tr key={b.id} data-testid="bulletin-row">
                <td>{b.year}年第{b.number}期</td>
                <td><Link className="text-brand underline" href={`/supervision/bulletins/${b.id}`}>{b.title}</Link></td>
                <td>{periodLabel(b.periodStart, b.periodEnd)}</td>
                <td><BulletinStatusBadge status={b.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
