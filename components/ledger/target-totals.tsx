import { formatNumber } from "@/lib/ledger/constants";

export interface TargetTotalRow {
  id: number;
  subject: string;
  unit: string;
  goal: string;
  approved: number;
  pending: number;
  pendingEntries: number;
}

/** 指标完成情况 of one work point: approved totals count, pending ones are shown as 待审核. */
export function TargetTotals({ rows }: { rows: TargetTotalRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">该工作要点没有量化指标。</p>;
  return (
    <table className="table" aria-label="量化指标进度">
      <thead>
        <tr><th>指标</th><th>目标</th><th>已通过合计</th><th>待审核</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.subject}</td>
            <td>{r.goal}</td>
            <td data-testid={`approved-total-${r.subject}`}>{formatNumber(r.approved)}{r.unit}</td>
            <td className="text-amber-700">{r.pendingEntries > 0 ? `${formatNumber(r.pending)}${r.unit}（${r.pendingEntries} 条）` : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
