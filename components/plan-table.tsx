import Link from "next/link";
import { formatChineseCounting } from "@/lib/plan/numerals";
import type { PlanDocument as Plan } from "@/lib/plan/queries";
import { TargetChip } from "@/components/plan-labels";
import { deadlineLabel, officeNames } from "@/components/plan-document";

/** The plan as a 任务分解表: one row per work point. */
export function PlanTableView({ plan }: { plan: Plan }) {
  return (
    <div className="card overflow-x-auto p-0">
      <table className="table" aria-label="任务分解表">
        <thead>
          <tr><th>编号</th><th>工作要点</th><th>牵头科室</th><th>配合科室</th><th>完成时限</th><th>量化指标</th><th>台账</th></tr>
        </thead>
        {plan.sections.map((section) => (
          <tbody key={section.id}>
            <tr><td colSpan={7} className="bg-slate-50 font-medium">{formatChineseCounting(section.ordinal)}、{section.title}</td></tr>
            {section.points.map((point) => {
              const names = officeNames(point);
              return (
                <tr key={point.id}>
                  <td>{point.number}</td>
                  <td className="min-w-64">
                    {point.title}
                    {point.carriedOver ? <span className="ml-1 text-xs text-amber-700">（结转）</span> : null}
                    {point.completedAt ? <span className="ml-1 text-xs text-green-700">（已完成）</span> : null}
                  </td>
                  <td>{names.lead || "—"}</td>
                  <td>{names.support || "—"}</td>
                  <td>{deadlineLabel(point)}</td>
                  <td><div className="flex flex-wrap gap-1">{point.targets.length ? point.targets.map((t) => <TargetChip key={t.id} target={t} />) : "—"}</div></td>
                  <td className="whitespace-nowrap"><Link href={`/ledger?year=${plan.year}&pointId=${point.id}`} className="text-brand hover:underline">查看</Link></td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
