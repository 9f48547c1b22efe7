import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { splitArticles } from "@/lib/regulations/articles";
import { diffArticles } from "@/lib/regulations/diff";
import { SUPERSEDED_LABEL } from "@/lib/regulations/constants";
import { activeOffices, getRegulation, pointChoices, regulationChoices } from "@/lib/regulations/queries";
import { assessmentPointChoices, assessmentsForRegulation } from "@/lib/regulations/assessment-queries";
import { REVIEW_REASON_LABEL, reviewReason } from "@/lib/regulations/validity";
import { calendarDayAt } from "@/lib/progress";
import { ReportPrintButton } from "@/components/report-print-button";
import { ArticleView } from "@/components/regulations/article-view";
import { StatusBadge, day, isoDay } from "@/components/regulations/labels";
import { ManagePanels, UnlinkButton } from "@/components/regulations/manage-panels";
import { AssessmentSection } from "@/components/regulations/assessment-section";
import { RegulationStudyPanel } from "@/components/study/regulation-study-panel";
import { ownMarkedYears, studyYearsOfRegulation } from "@/lib/study/queries";
import { VersionDiff } from "@/components/regulations/version-diff";
import { ProposalList, ProposeForm } from "@/components/regulations/proposals";
import { proposalsForRegulation } from "@/lib/regulations/proposal-queries";
import "./print.css";

export const metadata = { title: "制度 - 法治建设工作台" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function RegulationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("regulation:read");
  const { id: rawId } = await params;
  if (!/^\d{1,9}$/.test(rawId)) notFound();
  const reg = await getRegulation(prisma, Number(rawId));
  if (!reg) notFound();
  const sp = await searchParams;
  const num = (v: string | string[] | undefined) => (typeof v === "string" && /^\d{1,4}$/.test(v) ? Number(v) : null);
  const shown = reg.versions.find((v) => v.versionNo === (num(sp.version) ?? reg.currentVersion)) ?? reg.versions[0];
  const diffTo = num(sp.diff);
  const diffAfter = diffTo ? reg.versions.find((v) => v.versionNo === diffTo) : undefined;
  const diffBefore = diffTo ? reg.versions.find((v) => v.versionNo === diffTo - 1) : undefined;
  const manage = can(user.role, "regulation:manage");
  const today = calendarDayAt(new Date());
  const reason = reviewReason(reg, today);
  const [choices, points] = manage ? await Promise.all([regulationChoices(prisma, reg.id), pointChoices(prisma)]) : [[], []];
  const proposals = await proposalsForRegulation(prisma, reg.id);
  // Only staff of the rule's responsible office propose (the mutation checks the same in its `where`).
  const canPropose = can(user.role, "regulation:propose") && user.officeId !== null && user.officeId === reg.officeId && reg.status !== "REPEALED";
  const year = today.getUTCFullYear();
  const [assessments, offices, assessmentPoints] = await Promise.all([
    assessmentsForRegulation(prisma, reg.id, user),
    manage ? activeOffices(prisma) : Promise.resolve([]),
    manage ? assessmentPointChoices(prisma, [year, year - 1]) : Promise.resolve([]),
  ]);
  const [studyYears, markedYears] = await Promise.all([studyYearsOfRegulation(prisma, reg.id), ownMarkedYears(prisma, user.id, reg.id)]);

  return (
    <div className="regulation-page space-y-4">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link href="/regulations" className="text-sm text-brand hover:underline">← 制度库</Link>
        <ReportPrintButton />
      </div>
      <div className="card regulation-side space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold">{reg.title}</h1>
          <StatusBadge status={reg.status} />
          {!reg.searchable ? <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-700">无法检索</span> : null}
        </div>
        <dl className="grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-3">
          <div>文号：{reg.docNumber ?? "—"}</div>
          <div>类别：{reg.category}</div>
          <div>制定机关：{reg.issuer}</div>
          <div>责任科室：{reg.office?.name ?? "—"}</div>
          <div>印发：{day(reg.adoptedOn)}</div>
          <div>施行：{day(reg.effectiveOn)}</div>
          <div>有效期至：{day(reg.validUntil)}</div>
          <div>最近评估复核：{day(reg.lastReviewedOn)}</div>
          <div>现行版本：第 {reg.currentVersion} 版</div>
        </dl>
        {reason ? <p className="text-sm text-amber-700" data-testid="regulation-due">待复核：{REVIEW_REASON_LABEL[reason]}</p> : null}
        {reg.status === "REPEALED" ? (
          <p className="text-sm text-slate-700" data-testid="regulation-repeal">
            已于 {day(reg.repealedOn)} 废止。理由：{reg.repealReason}
            {reg.replacedBy ? (
              <>
                ；替代制度：<Link href={`/regulations/${reg.replacedBy.id}`} className="text-brand hover:underline">《{reg.replacedBy.title}》</Link>
              </>
            ) : null}
          </p>
        ) : null}
        {reg.replaces.length > 0 ? (
          <p className="text-sm text-slate-700">
            替代：{reg.replaces.map((r) => <Link key={r.id} href={`/regulations/${r.id}`} className="mr-2 text-brand hover:underline">《{r.title}》</Link>)}
          </p>
        ) : null}
      </div>

      {diffAfter && diffBefore ? (
        <div className="card">
          <div className="mb-2 flex items-center justify-between">
            <h2 className="font-semibold">第 {diffBefore.versionNo} 版与第 {diffAfter.versionNo} 版对照</h2>
            <Link href={`/regulations/${reg.id}`} className="no-print text-sm text-brand hover:underline">返回正文</Link>
          </div>
          <VersionDiff changes={diffArticles(splitArticles(diffBefore.fullText).articles, splitArticles(diffAfter.fullText).articles)} beforeLabel={`第 ${diffBefore.versionNo} 版（${day(diffBefore.adoptedOn)}）`} afterLabel={`第 ${diffAfter.versionNo} 版（${day(diffAfter.adoptedOn)}）`} />
        </div>
      ) : (
        <div className="card">
          {shown.versionNo !== reg.currentVersion ? (
            <p className="no-print mb-2 rounded bg-slate-100 px-2 py-1 text-sm">您正在查看第 {shown.versionNo} 版（{SUPERSEDED_LABEL}），<Link href={`/regulations/${reg.id}`} className="text-brand hover:underline">查看现行版本</Link></p>
          ) : null}
          <ArticleView split={splitArticles(shown.fullText)} fullText={shown.fullText} />
        </div>
      )}

      <div className="card regulation-side no-print">
        <h2 className="mb-2 font-semibold">版本沿革（制定、修订）</h2>
        <ol className="space-y-1 text-sm" data-testid="regulation-versions">
          {reg.versions.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">第 {v.versionNo} 版</span>
              <span>{day(v.adoptedOn)}</span>
              {v.docNumber ? <span className="text-slate-600">{v.docNumber}</span> : null}
              <span className="text-slate-600">{v.note}</span>
              {v.versionNo === reg.currentVersion && reg.status !== "REPEALED" ? <span className="text-xs text-green-700">现行</span> : <span className="text-xs text-slate-500">{reg.status === "REPEALED" && v.versionNo === reg.currentVersion ? "已废止" : SUPERSEDED_LABEL}</span>}
              <Link href={`/regulations/${reg.id}?version=${v.versionNo}`} className="text-brand hover:underline">查看</Link>
              {v.versionNo > 1 ? <Link href={`/regulations/${reg.id}?diff=${v.versionNo}`} className="text-brand hover:underline">与上一版对照</Link> : null}
              {v.fileName ? (
                <a href={`/api/regulations/versions/${v.id}/file`} className="text-xs text-brand hover:underline">
                  原文件：{v.fileName}
                </a>
              ) : null}
            </li>
          ))}
        </ol>
      </div>

      <AssessmentSection
        regulationId={reg.id}
        rows={assessments}
        manage={manage}
        canRecord={reg.status !== "REPEALED"}
        offices={offices}
        points={assessmentPoints}
        defaultOfficeId={reg.office?.id ?? null}
        today={isoDay(today)}
      />
      <RegulationStudyPanel
        regulationId={reg.id}
        repealed={reg.status === "REPEALED"}
        currentYear={today.getUTCFullYear()}
        listedYears={studyYears}
        ownMarkedYears={markedYears}
        manage={manage}
      />

      <div className="card regulation-side no-print">
        <h2 className="mb-2 font-semibold">关联工作要点</h2>
        {reg.pointLinks.length === 0 ? <p className="text-sm text-slate-600">尚未关联。</p> : null}
        <ul className="space-y-1 text-sm">
          {reg.pointLinks.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/points/${l.workPoint.id}`} className="text-brand hover:underline">
                {l.workPoint.plan.year}年 第{l.workPoint.number}项 {l.workPoint.title}
              </Link>
              {l.note ? <span className="text-slate-600">{l.note}</span> : null}
              {manage ? <UnlinkButton linkId={l.id} /> : null}
            </li>
          ))}
        </ul>
      </div>

      <div className="card regulation-side no-print space-y-3" id="proposals">
        <h2 className="font-semibold">修订建议</h2>
        {canPropose ? <ProposeForm regulationId={reg.id} hasPending={proposals.some((p) => p.status === "PENDING")} /> : null}
        <ProposalList rows={proposals} />
      </div>

      {manage ? <ManagePanels reg={reg} choices={choices} points={points} today={isoDay(today)} /> : null}
    </div>
  );
}
