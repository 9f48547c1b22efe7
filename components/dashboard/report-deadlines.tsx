import Link from "next/link";
import { prisma } from "@/lib/db";
import { reportDeadlinePanel } from "@/lib/report-cycle/queries";
import type { StageState } from "@/lib/report-cycle/deadlines";
import { isReportStatus, REPORT_STATUS_LABEL } from "@/lib/report/workflow";

const STATE_CLASS: Record<StageState, string> = {
  done: "text-green-700",
  pending: "text-slate-700",
  "due-soon": "text-amber-700",
  overdue: "text-red-700",
};

/**
 * The annual report against its statutory deadlines (报送 by 1 March, 公开 by 1 April of the next
 * year): a small panel for the 法治办 and the leaders. Reads only; the reminders are written by the
 * scheduler (lib/report-cycle/deadline-run.ts), never by a page.
 */
export async function ReportDeadlinesPanel({ now }: { now?: Date } = {}) {
  const panel = await reportDeadlinePanel(prisma, now);
  const statusText = panel.status === null ? "尚未生成" : isReportStatus(panel.status) ? REPORT_STATUS_LABEL[panel.status] : panel.status;
  return (
    <section className="card print:hidden" aria-labelledby="report-deadlines-title" data-testid="report-deadlines">
      <h2 id="report-deadlines-title" className="mb-2 font-semibold">
        <Link href={`/reports/${panel.year}`} className="hover:underline">
          {panel.year}年度法治建设报告
        </Link>
        <span className="ml-2 text-sm font-normal text-slate-600">当前：{statusText}</span>
      </h2>
      <ul className="space-y-1 text-sm">
        {panel.stages.map((stage) => (
          <li key={stage.kind} className={STATE_CLASS[stage.state]} data-state={stage.state}>
            {stage.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
