import { STATUS_LABEL, type RegulationStatus } from "@/lib/regulations/constants";
import { formatChineseDate } from "@/lib/progress";

const BADGE: Record<RegulationStatus, string> = {
  EFFECTIVE: "bg-green-100 text-green-800",
  TRIAL: "bg-amber-100 text-amber-800",
  REPEALED: "bg-slate-200 text-slate-600",
};

export function StatusBadge({ status }: { status: string }) {
  const key = (status in STATUS_LABEL ? status : "EFFECTIVE") as RegulationStatus;
  return <span className={`rounded px-1.5 py-0.5 text-xs ${BADGE[key]}`}>{STATUS_LABEL[key]}</span>;
}

export function day(date: Date | null | undefined): string {
  return date ? formatChineseDate(date) : "—";
}

export function isoDay(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
