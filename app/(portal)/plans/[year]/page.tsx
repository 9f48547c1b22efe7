import Link from "next/link";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { findVisiblePlan } from "@/lib/plan/visibility";
import { getPlanByYear, listOffices, planHistory } from "@/lib/plan/queries";
import { chineseDay, PlanStatusBadge } from "@/components/plan-labels";
import { PlanDocumentView } from "@/components/plan-document";
import { PlanTableView } from "@/components/plan-table";
import { PlanHistory } from "@/components/plan-history";
import { PlanToolbar } from "@/components/plan-toolbar";

type Props = { params: Promise<{ year: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const { year } = await params;
  return { title: `${year} 年工作要点 - 法治建设工作台` };
}

export default async function PlanYearPage({ params, searchParams }: Props) {
  const user = await requirePageUser("plan:read");
  const { year: yearParam } = await params;
  const query = await searchParams;
  if (!/^\d{4}$/.test(yearParam)) notFound();
  const year = Number(yearParam);
  const plan = await getPlanByYear(prisma, year, user.role);
  if (!plan) notFound();
  const [offices, history, nextYear] = await Promise.all([
    listOffices(prisma),
    planHistory(prisma, plan.id),
    findVisiblePlan(prisma, user.role, year + 1),
  ]);
  const canEdit = can(user.role, "plan:edit") && plan.status !== "ARCHIVED";
  const view = query.view === "table" ? "table" : "doc";
  // 本科室: only the points the user's office leads or cooperates on (staff's everyday view).
  const officeId = user.officeId;
  const mine = query.mine === "1" && officeId !== null;
  const shown = mine
    ? {
        ...plan,
        sections: plan.sections
          .map((s) => ({ ...s, points: s.points.filter((p) => p.leadOfficeId === officeId || p.supportOffices.some((o) => o.officeId === officeId)) }))
          .filter((s) => s.points.length > 0),
      }
    : plan;
  const viewHref = (v: "doc" | "table", m: boolean) => {
    const params = new URLSearchParams();
    if (v === "table") params.set("view", "table");
    if (m) params.set("mine", "1");
    const q = params.toString();
    return `/plans/${year}${q ? `?${q}` : ""}`;
  };
  const points = plan.sections.reduce((n, s) => n + s.points.length, 0);
  const targets = plan.sections.reduce((n, s) => n + s.points.reduce((m, p) => m + p.targets.length, 0), 0);

  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm"><Link href="/plans" className="text-brand hover:underline">工作要点</Link> / {year} 年</p>
        <h1 className="page-title mb-1 mt-1">{plan.title}</h1>
        <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <PlanStatusBadge status={plan.status} />
          <span>{plan.unitName}</span>
          <span data-testid="plan-counts">{plan.sections.length} 个部分 · {points} 条要点 · {targets} 项量化指标</span>
          {plan.publishedAt ? <span>发布于 {chineseDay(plan.publishedAt)}</span> : null}
        </p>
      </div>
      {query.saved ? <p role="status" className="rounded border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">已保存为草稿。请核对后发布。</p> : null}
      {query.copied ? <p role="status" className="rounded border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">已由上一年度复制生成草稿，未完成的要点已标记为“上年结转”。</p> : null}
      {plan.status === "DRAFT" ? (
        <p className="text-sm text-slate-600" data-testid="draft-visibility">草稿仅法治办和系统管理员可见；发布后，各科室、领导和只读用户才能在年度切换、看板、台账和报告中看到该年度。</p>
      ) : null}
      {plan.status === "ARCHIVED" ? <p className="text-sm text-slate-600">该年度工作要点已归档，不能再修改。</p> : null}

      <PlanToolbar
        plan={plan}
        canPublish={can(user.role, "plan:publish")}
        canCopy={can(user.role, "plan:edit")}
        nextYearExists={Boolean(nextYear)}
      />

      <nav aria-label="视图" className="flex gap-2 text-sm">
        <Link href={viewHref("doc", mine)} className={view === "doc" ? "btn-primary" : "btn"} aria-current={view === "doc" ? "page" : undefined}>文档视图</Link>
        <Link href={viewHref("table", mine)} className={view === "table" ? "btn-primary" : "btn"} aria-current={view === "table" ? "page" : undefined}>任务分解表</Link>
        {officeId !== null ? (
          <Link href={viewHref(view, !mine)} className={mine ? "btn-primary" : "btn"} aria-pressed={mine} data-testid="plan-mine">
            {mine ? `本科室（${user.officeName ?? ""}）· 显示全部` : "只看本科室"}
          </Link>
        ) : null}
      </nav>

      {view === "table" ? (
        <PlanTableView plan={shown} />
      ) : (
        <PlanDocumentView plan={shown} offices={offices} can={{ edit: canEdit, recordLedger: can(user.role, "ledger:write") }} />
      )}

      <PlanHistory rows={history} offices={offices} />
    </div>
  );
}
