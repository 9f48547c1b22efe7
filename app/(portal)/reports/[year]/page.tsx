import Link from "next/link";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { generateReportAction, updateReportHeaderAction } from "@/lib/report/actions";
import { OPTIONAL_PARTS, SIGN_DATE_SOURCE_LABEL, saysNothing } from "@/lib/report/output";
import { getReportView } from "@/lib/report/queries";
import { hidesDraftYear } from "@/lib/plan/visibility";
import { formatChineseDate } from "@/lib/report/sentences";
import { editBlockedReason, formatReportTime, parseReportYear } from "@/lib/report/workflow";
import { ActionForm } from "@/components/action-form";
import { ReportContent } from "@/components/report-content";
import { ReportPartEditor, ReportRegenerateForm } from "@/components/report-part-editor";
import { ReportRevisions } from "@/components/report-revisions";
import { ReportGapList } from "@/components/report-gaps";
import { findReportGaps } from "@/lib/report/gaps";
import { loadUnreviewedEntries } from "@/lib/report/gap-queries";
import { PREFACE_HEADING, PREFACE_KEY } from "@/lib/report/types";
import { ReportStatusBadge, ReportWorkflow } from "@/components/report/report-workflow";
import { ReportCyclePanel } from "@/components/report/report-cycle-panel";
import { ReportShufaLinks } from "@/components/report/report-shufa-links";
import { getCycleView } from "@/lib/report-cycle/queries";

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props) {
  const { year } = await params;
  return { title: `${year} 年度报告 - 法治建设工作台` };
}

function Breadcrumb({ year }: { year: number }) {
  return (
    <p className="text-sm">
      <Link href="/reports" className="text-brand hover:underline">年度报告</Link> / {year} 年
    </p>
  );
}

export default async function ReportYearPage({ params }: Props) {
  const user = await requirePageUser("report:read");
  const year = parseReportYear((await params).year);
  if (year === null) notFound();
  // A draft plan's year looks like a year without a plan to those who may not see drafts.
  const hidden = await hidesDraftYear(prisma, user.role, year);
  const view = hidden ? null : await getReportView(prisma, year);
  const canEdit = can(user.role, "report:edit");

  if (!view) {
    const plan = hidden ? null : await prisma.plan.findUnique({ where: { year }, select: { title: true } });
    return (
      <div className="space-y-4">
        <Breadcrumb year={year} />
        <h1 className="page-title">{year} 年度法治建设工作报告</h1>
        <div className="card space-y-3" data-testid="report-empty">
          <p>该年度报告尚未生成。</p>
          {!plan ? <p className="text-sm text-slate-600">没有 {year} 年度的工作要点，无法生成报告。</p> : null}
          {plan && canEdit ? (
            <ActionForm action={generateReportAction} submitLabel="生成初稿">
              <p className="text-sm text-slate-600">
                将根据《{plan.title}》、量化指标完成情况和已审核通过的工作台账自动生成五个部分的初稿，数字均可追溯到台账记录。
              </p>
              <input type="hidden" name="year" value={year} />
            </ActionForm>
          ) : null}
          {plan && !canEdit ? <p className="text-sm text-slate-600">请由法治办（协调员）生成初稿。</p> : null}
        </div>
      </div>
    );
  }

  const cycle = await getCycleView(prisma, year);
  const editable = canEdit && view.status === "DRAFT";
  const lockedReason = editBlockedReason(view.status);
  const unreviewed = view.status === "DRAFT" ? await loadUnreviewedEntries(prisma, year) : { entries: [], total: 0 };
  const gaps = findReportGaps([{ key: PREFACE_KEY, heading: PREFACE_HEADING, content: view.preface }, ...view.parts], unreviewed.entries);
  return (
    <div className="space-y-4">
      <Breadcrumb year={year} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="page-title mb-1" data-testid="report-title">{view.title}</h1>
          <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
            <ReportStatusBadge status={view.status} />
            <span data-testid="report-signature">署名：{view.signature}（{view.signatureOverride ? "本报告单独设置" : "随单位设置"}）</span>
            <span data-testid="report-sign-date">
              落款日期：{formatChineseDate(view.signDate.date, { withYear: true })}（{SIGN_DATE_SOURCE_LABEL[view.signDate.source]}）
            </span>
            {view.signedOn ? <span>签发日期：{formatChineseDate(view.signedOn, { withYear: true })}</span> : null}
            <span>最后修改：{formatReportTime(view.updatedAt)}</span>
          </p>
        </div>
        <ReportWorkflow
          year={year}
          status={view.status}
          version={view.version}
          role={user.role}
          isPrincipal={cycle?.principal?.id === user.id}
          proposedSignDate={view.signDate.date.toISOString().slice(0, 10)}
        />
      </div>
      {cycle ? <ReportCyclePanel year={year} status={view.status} version={view.version} role={user.role} userId={user.id} cycle={cycle} signedOn={view.signedOn ? view.signedOn.toISOString().slice(0, 10) : null} /> : null}
      {lockedReason && canEdit ? <p className="rounded border border-slate-200 bg-slate-100 px-3 py-2 text-sm text-slate-700">{lockedReason}</p> : null}
      {view.status === "DRAFT" ? <ReportGapList gaps={gaps} unreviewedTotal={unreviewed.total} year={year} /> : null}
      {editable ? (
        <section className="card" aria-labelledby="report-header-title">
          <h2 id="report-header-title" className="mb-2 font-semibold">标题和署名</h2>
          <ActionForm action={updateReportHeaderAction} submitLabel="保存标题和署名" className="grid max-w-3xl gap-3 sm:grid-cols-2">
            <input type="hidden" name="year" value={year} />
            <input type="hidden" name="version" value={view.version} />
            <label>
              <span className="label">报告标题（留空则按单位名称生成）</span>
              <input className="input" name="title" defaultValue={view.title} maxLength={60} />
            </label>
            <label>
              <span className="label">署名（留空则随单位设置）</span>
              <input className="input" name="signature" defaultValue={view.signatureOverride} placeholder={view.unitSignature} maxLength={60} />
            </label>
            <p className="text-xs text-slate-600 sm:col-span-2">
              单位设置中的署名为“{view.unitSignature}”；落款日期为主要负责人签发时确定的日期（签发前按单位设置的落款日期或当天显示）。
            </p>
          </ActionForm>
        </section>
      ) : null}
      <p className="text-xs text-slate-500">带下划线的数字可点击或悬停，查看其来源台账记录。</p>

      <article className="space-y-4">
        <section className="card" aria-labelledby={`heading-${PREFACE_KEY}`} data-testid="report-part-preface">
          <h2 id={`heading-${PREFACE_KEY}`} className="mb-2 text-sm font-medium text-slate-500">
            {PREFACE_HEADING}{view.prefaceEdited ? "（已人工修改）" : "（自动生成，可修改）"}
          </h2>
          <ReportPartEditor year={year} partKey={PREFACE_KEY} heading={PREFACE_HEADING} version={view.prefaceVersion} content={view.preface} editable={editable}>
            <ReportContent content={view.preface} />
          </ReportPartEditor>
        </section>
        {view.parts.map((part) => (
          <section key={part.key} className="card" aria-labelledby={`heading-${part.key}`} data-testid={`report-part-${part.key}`}>
            <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`heading-${part.key}`} className="text-lg font-semibold">{part.heading}</h2>
              <p className="text-xs text-slate-500" data-testid="report-part-version">
                第{part.version}版 · {part.updatedByName} · {formatReportTime(part.updatedAt)}
                {part.edited ? <span className="ml-2 rounded bg-slate-100 px-1 text-slate-600">已人工修改</span> : <span className="ml-2 rounded bg-slate-100 px-1 text-slate-600">自动生成</span>}
              </p>
            </div>
            {(OPTIONAL_PARTS as readonly string[]).includes(part.key) ? (
              <p className="mb-2 text-xs text-slate-500" data-testid="report-optional-note">
                本部分为选填：内容为“无。”或空白时，导出和打印时省略本部分{saysNothing(part.content) ? "（当前将省略）" : ""}。
              </p>
            ) : null}
            <ReportPartEditor year={year} partKey={part.key} heading={part.heading} version={part.version} content={part.content} editable={editable}>
              <ReportContent content={part.content} sources={part.sources} entries={view.entries} />
            </ReportPartEditor>
            {editable ? (
              <div className="mt-3 border-t border-slate-100 pt-3">
                <ReportRegenerateForm year={year} partKey={part.key} version={part.version} heading={part.heading} />
              </div>
            ) : null}
            <ReportRevisions revisions={part.revisions} total={part.revisionCount} />
          </section>
        ))}
        <section className="card text-right font-serif" aria-label="署名和日期">
          <p>{view.signature}</p>
          <p>{formatChineseDate(view.signDate.date, { withYear: true })}</p>
        </section>
      </article>
      {can(user.role, "report:export") ? <ReportShufaLinks year={year} /> : null}
    </div>
  );
}
