import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { formatChineseDate } from "@/lib/progress/dates";
import { updateFeedbackSettingsAction } from "@/lib/supervision/actions";
import type { FeedbackOverview } from "@/lib/supervision/feedback-queries";
import { CYCLE_LABEL, FEEDBACK_CYCLES, type FeedbackConfig } from "@/lib/supervision/periods";

/** The 法治办's view: per lead office, how many notes the period calls for and which are missing. */
export function FeedbackOverviewTable({ overview, late }: { overview: FeedbackOverview; late: boolean }) {
  const missing = overview.offices.reduce((n, o) => n + o.missing.length, 0);
  return (
    <section className="card" aria-labelledby="overview-title" data-testid="feedback-overview">
      <h2 id="overview-title" className="mb-1 font-semibold">{overview.period.label}各科室反馈情况</h2>
      <p className="mb-2 text-sm text-slate-600">
        截止日期 {formatChineseDate(overview.period.due)}；{missing > 0 ? `尚缺 ${missing} 项${late ? "（已逾期）" : ""}` : "已全部反馈"}。
      </p>
      {overview.offices.length === 0 ? <p className="text-sm text-slate-500">本期没有需要反馈的要点。</p> : (
        <table className="table">
          <thead><tr><th>牵头科室</th><th>应反馈</th><th>已反馈</th><th>未反馈的要点</th></tr></thead>
          <tbody>
            {overview.offices.map((o) => (
              <tr key={o.officeId} data-testid="feedback-office-row">
                <td className="whitespace-nowrap">{o.officeName}</td>
                <td>{o.owed}</td>
                <td>{o.written}</td>
                <td className="text-xs">
                  {o.missing.length === 0 ? <span className="text-green-700">无</span> : o.missing.map((m) => (
                    <Link key={m.pointId} href={`/points/${m.pointId}`} className="mr-2 text-brand hover:underline">{m.number}. {m.title}</Link>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function FeedbackSettingsForm({ config }: { config: FeedbackConfig }) {
  return (
    <details className="card no-print">
      <summary className="cursor-pointer font-semibold">反馈周期设置（当前：{CYCLE_LABEL[config.cycle]}，次月 {config.dueDay} 日前）</summary>
      <ActionForm action={updateFeedbackSettingsAction} submitLabel="保存" className="mt-2 flex flex-wrap items-end gap-3">
        <label>
          <span className="label">反馈周期</span>
          <select name="cycle" className="input" defaultValue={config.cycle}>
            {FEEDBACK_CYCLES.map((c) => <option key={c} value={c}>{CYCLE_LABEL[c]}</option>)}
          </select>
        </label>
        <label>
          <span className="label">次月截止日（1–28）</span>
          <input type="number" name="dueDay" className="input w-24" min={1} max={28} defaultValue={config.dueDay} required />
        </label>
      </ActionForm>
    </details>
  );
}
