import Link from "next/link";
import { STATUS_BADGE } from "@/lib/dashboard/view";
import type { OfficeWorkRow } from "@/lib/dashboard/office-work";

/** "本科室的工作": the staff member's office's points, what each still needs, and 记录台账. */
export function OfficeWorkPanel({ officeName, rows, canRecord }: { officeName: string; rows: OfficeWorkRow[]; canRecord: boolean }) {
  return (
    <section className="card no-print" aria-labelledby="office-work-title" data-testid="office-work">
      <h2 id="office-work-title" className="mb-2 font-semibold">本科室的工作（{officeName}）</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">本年度工作要点中没有本科室牵头或配合的事项。</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {rows.map((r) => (
            <li key={r.pointId} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm" data-testid="office-work-row">
              <span className={`rounded px-1.5 py-0.5 text-xs ring-1 ${STATUS_BADGE[r.status]}`}>{r.statusLabel}</span>
              <Link href={r.href} className="font-medium text-brand hover:underline">{r.number}. {r.title}</Link>
              <span className="text-xs text-slate-500">{r.part} · 时限 {r.deadline}{r.deadlineNote ? `（${r.deadlineNote}）` : ""}{r.daysLeft < 0 ? `（已逾期 ${-r.daysLeft} 天）` : ""}</span>
              <span className="basis-full text-xs text-slate-700 sm:basis-auto">{r.needs}</span>
              {canRecord && r.status !== "DONE" ? (
                <Link href={r.recordHref} className="btn ml-auto no-print">记录台账</Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
