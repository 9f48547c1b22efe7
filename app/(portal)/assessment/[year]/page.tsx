import Link from "next/link";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { loadLinkOptions } from "@/lib/assessment/links";
import { loadAssessment, type Totals } from "@/lib/assessment/queries";
import { formatScore } from "@/lib/assessment/rules";
import { IndicatorCard } from "@/components/assessment/indicator-card";
import { AddIndicatorForm } from "@/components/assessment/indicator-form";
import { RubricImport } from "@/components/assessment/rubric-import";

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `${(await params).year} 年度考核自评 - 法治建设工作台` };
}

function TotalsLine({ label, totals }: { label: string; totals: Totals }) {
  return (
    <p>
      {label}：总分值 <strong>{formatScore(totals.points)}</strong> 分，自评 <strong data-testid={`${label}-self`}>{formatScore(totals.self)}</strong> 分（已自评 {totals.scored}/{totals.leaves} 项）
      {totals.assessed > 0 ? <>，考核得分 <strong>{formatScore(totals.assessor)}</strong> 分</> : null}
    </p>
  );
}

export default async function AssessmentYearPage({ params }: Props) {
  const user = await requirePageUser("assessment:read");
  const raw = (await params).year;
  if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100) notFound();
  const year = Number(raw);
  const canEdit = can(user.role, "assessment:edit");
  const [view, options] = await Promise.all([loadAssessment(prisma, year), canEdit ? loadLinkOptions(prisma, year) : Promise.resolve([])]);
  const has = view.indicators.length > 0;
  const parents = view.indicators.filter((i) => i.level < 3 && (!i.isLeaf || (i.links.length === 0 && i.selfScore === null)));

  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href="/assessment" className="text-brand hover:underline">考核自评</Link> / {year} 年度</p>
      <h1 className="page-title">{year} 年度法治建设考核自评</h1>
      {has ? (
        <section className="card space-y-1 text-sm" aria-label="得分汇总">
          <TotalsLine label="本年度" totals={view.totals} />
          {view.lastYear ? <TotalsLine label={`${view.lastYear.year} 年度`} totals={view.lastYear.totals} /> : <p className="text-slate-500">没有上一年度的考核记录可供对比。</p>}
          <div className="flex flex-wrap gap-3 pt-2">
            <a className="btn" href={`/api/assessment/${year}/export?format=xlsx`} download>导出自评表（Excel）</a>
            <a className="btn" href={`/api/assessment/${year}/export?format=docx`} download>导出自评表（Word）</a>
            <a className="btn" href={`/api/assessment/${year}/evidence`} download>导出佐证材料包（.zip）</a>
          </div>
        </section>
      ) : (
        <p className="card text-sm">{year} 年度还没有考核指标。{canEdit ? "请导入上级下发的考核指标表，或手工添加指标。" : ""}</p>
      )}
      {canEdit ? <RubricImport year={year} hasRubric={has} /> : null}
      <div className="space-y-3">
        {view.indicators.map((ind) => <IndicatorCard key={ind.id} ind={ind} canEdit={canEdit} options={options} />)}
      </div>
      {canEdit ? <AddIndicatorForm year={year} parents={parents} /> : null}
    </div>
  );
}
