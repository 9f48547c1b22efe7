import { CATEGORY_LABEL, STATUS_BADGE, STATUS_LABEL, isEntryStatus } from "@/lib/ledger/constants";

export function StatusBadge({ status }: { status: string }) {
  if (!isEntryStatus(status)) return <span>{status}</span>;
  return (
    <span data-testid="status-badge" className={`inline-block whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium ${STATUS_BADGE[status]}`}>
      {STATUS_LABEL[status]}
    </span>
  );
}

export function CategoryBadge({ category }: { category: string }) {
  if (category !== "FIRST_RESPONSIBLE") return null;
  return (
    <span className="inline-block whitespace-nowrap rounded border border-purple-300 bg-purple-50 px-1.5 py-0.5 text-xs text-purple-800">
      {CATEGORY_LABEL.FIRST_RESPONSIBLE}
    </span>
  );
}
