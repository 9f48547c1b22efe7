import { CATEGORY_LABEL, STATUS_BADGE, STATUS_LABEL, isEntryStatus, type EntryStatus } from "@/lib/ledger/constants";

/** Shared with the list's markup (entry-list.ts). */
export const statusBadgeClass = (status: EntryStatus) => `inline-block whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium ${STATUS_BADGE[status]}`;
export const CATEGORY_BADGE_CLASS = "inline-block whitespace-nowrap rounded border border-purple-300 bg-purple-50 px-1.5 py-0.5 text-xs text-purple-800";

export function StatusBadge({ status }: { status: string }) {
  if (!isEntryStatus(status)) return <span>{status}</span>;
  return (
    <span data-testid="status-badge" className={statusBadgeClass(status)}>
      {STATUS_LABEL[status]}
    </span>
  );
}

export function CategoryBadge({ category }: { category: string }) {
  if (category !== "FIRST_RESPONSIBLE") return null;
  return <span className={CATEGORY_BADGE_CLASS}>{CATEGORY_LABEL.FIRST_RESPONSIBLE}</span>;
}
