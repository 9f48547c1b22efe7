import type { RevisionView } from "@/lib/report/queries";
import { formatReportTime } from "@/lib/report/workflow";

/** 修订记录 of one part: every saved version, newest first, with its full text on demand. */
export function ReportRevisions({ revisions, total }: { revisions: RevisionView[]; total: number }) {
  if (revisions.length === 0) return null;
  return (
    <details className="mt-3 text-sm" data-testid="report-revisions">
      <summary className="cursor-pointer text-slate-600 hover:text-slate-900">修订记录（{total}）</summary>
      <ol className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3">
        {revisions.map((revision) => (
          <li key={revision.id}>
            <details>
              <summary className="cursor-pointer text-slate-700">
                第{revision.version}版 · {revision.savedByName} · {formatReportTime(revision.savedAt)}
              </summary>
              <div className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 font-serif text-slate-800">{revision.content}</div>
            </details>
          </li>
        ))}
      </ol>
      {total > revisions.length ? <p className="mt-1 text-xs text-slate-500">仅显示最近 {revisions.length} 版。</p> : null}
    </details>
  );
}
