import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { saveProgressNoteAction } from "@/lib/supervision/actions";
import type { FeedbackFormRow } from "@/lib/supervision/feedback-queries";
import type { FeedbackPeriod } from "@/lib/supervision/periods";

/** One text field per open point, prefilled from the period's ledger records (or the note already written). */
export function FeedbackForm({ period, rows, showOffice }: { period: FeedbackPeriod; rows: FeedbackFormRow[]; showOffice: boolean }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">本期没有需要反馈的进行中要点。</p>;
  return (
    <ol className="space-y-4">
      {rows.map((r) => (
        <li key={r.pointId} className="rounded border border-slate-200 p-3" data-testid="feedback-row">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={`/points/${r.pointId}`} className="font-medium text-brand hover:underline">{r.number}. {r.title}</Link>
            {showOffice ? <span className="text-xs text-slate-500">{r.officeName}</span> : null}
            <span className={`rounded px-1.5 py-0.5 text-xs ring-1 ${r.note ? "bg-green-50 text-green-800 ring-green-300" : "bg-yellow-50 text-yellow-800 ring-yellow-300"}`} data-testid="feedback-state">
              {r.note ? "已反馈" : "未反馈"}
            </span>
          </div>
          <ActionForm action={saveProgressNoteAction} submitLabel={r.note ? "更新反馈" : "提交反馈"} className="no-print mt-2 grid gap-2">
            <input type="hidden" name="workPointId" value={r.pointId} />
            <input type="hidden" name="period" value={period.key} />
            <label>
              <span className="label">{period.label}进展情况</span>
              <textarea name="text" className="input h-24" required minLength={2} maxLength={2000} defaultValue={r.note?.text ?? r.prefill} placeholder="本期工作进展、存在的问题和下一步安排" />
            </label>
          </ActionForm>
        </li>
      ))}
    </ol>
  );
}
