/** Shared labels and small display pieces of the plan pages (server and client safe). */

export const PLAN_STATUS_LABEL: Record<string, string> = { DRAFT: "草稿", PUBLISHED: "已发布", ARCHIVED: "已归档" };

const STATUS_CLASS: Record<string, string> = {
  DRAFT: "border-amber-300 bg-amber-50 text-amber-800",
  PUBLISHED: "border-green-300 bg-green-50 text-green-800",
  ARCHIVED: "border-slate-300 bg-slate-100 text-slate-600",
};

export const COMPARATOR_LABEL: Record<string, string> = { ">=": "不少于", "<=": "不超过", "=": "达到" };
export const COMPARATOR_SIGN: Record<string, string> = { ">=": "≥", "<=": "≤", "=": "=" };
export const KIND_LABEL: Record<string, string> = { COUNT: "计次", SUM: "累计数", PERCENT: "比率", BOOLEAN: "完成与否" };

export function PlanStatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs ${STATUS_CLASS[status] ?? STATUS_CLASS.ARCHIVED}`} data-testid="plan-status">
      {PLAN_STATUS_LABEL[status] ?? status}
    </span>
  );
}

/** yyyy-mm-dd of a stored UTC day, "" when absent. */
export function isoDay(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

/** 2025年6月30日 */
export function chineseDay(date: Date | null | undefined): string {
  if (!date) return "";
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

export function targetText(t: { subject: string; comparator: string; value: number; unit: string; kind: string }): string {
  if (t.kind === "BOOLEAN") return `${t.subject}（完成）`;
  return `${t.subject} ${COMPARATOR_SIGN[t.comparator] ?? t.comparator}${t.value}${t.unit}`;
}

export function TargetChip({ target }: { target: { subject: string; comparator: string; value: number; unit: string; kind: string } }) {
  return (
    <span className="inline-block rounded-full border border-red-200 bg-red-50 px-2 py-0.5 text-xs text-red-800" data-testid="target-chip">
      {targetText(target)}
    </span>
  );
}
