/**
 * The ledger list as escaped markup (lib/html/safe-html.ts): one table, which a phone (below 640 px)
 * shows as a card per entry (entry-list.css), so each entry is written once. Built as a string
 * because twenty rows of React elements were most of the list page's cost (README "Performance");
 * the rows are plain links with no client behaviour.
 */
import { CATEGORY_LABEL, STATUS_LABEL, isEntryStatus, isoDay } from "@/lib/ledger/constants";
import { CATEGORY_BADGE_CLASS, statusBadgeClass } from "./status-badge";
import { describeQuantities, type LedgerListRow } from "@/lib/ledger/queries";
import { href, html, type SafeHtml } from "@/lib/html/safe-html";

export function statusBadgeHtml(status: string): SafeHtml {
  if (!isEntryStatus(status)) return html`<span>${status}</span>`;
  return html`<span data-testid="status-badge" class="${statusBadgeClass(status)}">${STATUS_LABEL[status]}</span>`;
}

function categoryBadgeHtml(category: string): SafeHtml | null {
  if (category !== "FIRST_RESPONSIBLE") return null;
  return html`<span class="${CATEGORY_BADGE_CLASS}">${CATEGORY_LABEL.FIRST_RESPONSIBLE}</span>`;
}

function rowHtml(e: LedgerListRow): SafeHtml {
  return html`<tr data-testid="ledger-row-${e.id}"><td class="ll-date">${isoDay(e.date)}</td><td class="ll-point">${e.workPoint.number}. ${e.workPoint.title}</td><td class="ll-title"><a href="${href(`/ledger/${e.id}`)}" class="text-brand hover:underline">${e.title}</a>${categoryBadgeHtml(e.category)}${e.linkedEntryId ? html`<span class="ll-muted">（协办）</span>` : null}</td><td class="ll-office">${e.office.name}</td><td class="ll-qty">${describeQuantities(e.quantities) || "—"}</td><td class="ll-files" data-label="佐证">${e._count.attachments || "—"}</td><td class="ll-status">${statusBadgeHtml(e.status)}</td></tr>`;
}

export function entryListHtml(rows: readonly LedgerListRow[]): SafeHtml {
  const empty = rows.length === 0 ? html`<tr class="ll-empty"><td colspan="7">没有符合条件的台账</td></tr>` : null;
  return html`<div class="ledger-list-frame card overflow-x-auto p-0"><table class="table ledger-list" data-testid="ledger-list"><thead><tr><th class="w-24">日期</th><th>工作要点</th><th>具体工作/活动</th><th class="w-24">科室</th><th>数量</th><th class="w-12">附件</th><th class="w-20">状态</th></tr></thead><tbody>${rows.map(rowHtml)}${empty}</tbody></table></div>`;
}
