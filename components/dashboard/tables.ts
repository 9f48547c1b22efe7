/**
 * The dashboard's three tables (需关注, 30 天内到期, 科室排名) as escaped markup (lib/html/safe-html.ts):
 * they are most of the page, identical for every viewer of the same figures, and rendered through
 * React they were most of its cost. components/dashboard/blocks.tsx remembers them per figures.
 */
import type { DashboardData } from "@/lib/dashboard/data";
import { attentionRows, officeRanking, percent, STATUS_BADGE, upcomingDeadlines, type AttentionRow } from "@/lib/dashboard/view";
import { STATUS_LABEL, formatChineseDate, formatMonthDay, type ProgressStatus } from "@/lib/progress";
import type { ReminderView } from "@/lib/reminders/queries";
import { classAttr, href, html, type SafeHtml } from "@/lib/html/safe-html";

function badge(status: ProgressStatus): SafeHtml {
  return html`<span class="inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${STATUS_BADGE[status]}">${STATUS_LABEL[status]}</span>`;
}

/** On paper the 需关注 table lists the first rows (most urgent first) so the copy stays within two A4 pages. */
export const ATTENTION_PRINT_ROWS = 8;

function reminderCell(reminder: ReminderView | undefined, r: AttentionRow, maySend: boolean): SafeHtml {
  const state = reminder
    ? html`<div data-testid="reminder-state">已催办（${formatMonthDay(reminder.createdAt)}）${
        reminder.reply
          ? html`<div class="text-green-800">已反馈：${reminder.reply}${reminder.replyExpectedDate ? `（预计${formatChineseDate(reminder.replyExpectedDate)}完成）` : ""}</div>`
          : html`<div class="text-yellow-800">待反馈</div>`
      }</div>`
    : html`<div class="text-slate-500">未催办</div>`;
  const send = maySend ? html`<a href="${href(`${r.href}#send-reminder`)}" class="no-print mt-1 block text-brand hover:underline">催办</a>` : null;
  return html`<td class="min-w-40 text-xs">${state}${send}</td>`;
}

function attentionRow(r: AttentionRow, index: number, reminder: ReminderView | undefined, maySend: boolean): SafeHtml {
  const cells = [
    html`<td class="min-w-48"><a href="${href(r.href)}" class="dash-link-brand">${r.number}. ${r.title}</a></td>`,
    html`<td class="whitespace-nowrap">${r.leadOffice}</td>`,
    html`<td class="whitespace-nowrap">${r.deadline}${r.deadlineNote ? html`<div class="dash-sub" data-testid="deadline-note">${r.deadlineNote}</div>` : null}<div class="dash-sub">${r.daysLeft < 0 ? `已逾期 ${-r.daysLeft} 天` : `剩余 ${r.daysLeft} 天`}</div></td>`,
    html`<td>${badge(r.status)}</td>`,
    html`<td class="whitespace-nowrap"><a href="${href(r.actualHref)}" class="dash-link" data-testid="attention-actual">${r.actualVsTarget ?? "查看台账"}</a>${r.expected ? html`<div class="dash-sub">序时应完成 ${r.expected}</div>` : null}</td>`,
    html`<td class="min-w-56 text-xs">${r.projection ?? r.shortfall}</td>`,
    reminderCell(reminder, r, maySend),
  ];
  return html`<tr data-testid="attention-row-${r.number}"${classAttr(index >= ATTENTION_PRINT_ROWS && "print-hide")}>${cells}</tr>`;
}

/** 滞后 / 逾期 points with the figures behind their light and the state of their 督办. */
export function attentionTableHtml(dash: Pick<DashboardData, "data" | "officeNames" | "reminders">, maySend: boolean): SafeHtml {
  const rows = attentionRows(dash.data, dash.officeNames);
  const more =
    rows.length > ATTENTION_PRINT_ROWS
      ? html`<p class="hidden text-xs text-slate-600 print:block" data-testid="attention-print-more">另有 ${rows.length - ATTENTION_PRINT_ROWS} 项未列出（共 ${rows.length} 项），完整清单见工作台看板。</p>`
      : null;
  const body =
    rows.length === 0
      ? html`<p class="text-sm text-slate-500">没有滞后或逾期的工作要点。</p>`
      : html`<div class="overflow-x-auto"><table class="table"><thead><tr><th>工作要点</th><th>牵头科室</th><th>完成时限</th><th>状态</th><th>完成 / 目标</th><th>研判</th><th>督办</th></tr></thead><tbody>${rows.map((r, i) => attentionRow(r, i, dash.reminders.get(r.pointId), maySend))}</tbody></table>${more}</div>`;
  return html`<section class="card min-w-0" aria-labelledby="attention-title"><h2 id="attention-title" class="mb-2 font-semibold">需关注：滞后和逾期的工作要点（${rows.length} 项）</h2>${body}</section>`;
}

/** Open items due within 30 days. */
export function upcomingTableHtml(dash: Pick<DashboardData, "data" | "officeNames">): SafeHtml {
  const rows = upcomingDeadlines(dash.data, dash.officeNames, 30);
  const body =
    rows.length === 0
      ? html`<p class="text-sm text-slate-500">30 天内没有到期的未完成事项。</p>`
      : html`<table class="table"><thead><tr><th>工作要点</th><th>事项</th><th>到期</th><th>状态</th></tr></thead><tbody>${rows.map(
          (r) =>
            html`<tr><td><a href="${href(r.href)}" class="dash-link">${r.number}. ${r.title}</a><div class="dash-sub">${r.leadOffice}</div></td><td class="text-xs"><a href="${href(r.entriesHref)}" class="dash-link">${r.what}</a></td><td class="whitespace-nowrap">${r.deadline}${r.deadlineNote ? html`<div class="dash-sub" data-testid="deadline-note">${r.deadlineNote}</div>` : null}<div class="dash-sub">${r.daysLeft === 0 ? "今天" : `${r.daysLeft} 天后`}</div></td><td>${badge(r.status)}</td></tr>`,
        )}</tbody></table>`;
  return html`<section class="card min-w-0" aria-labelledby="upcoming-title"><h2 id="upcoming-title" class="mb-2 font-semibold">30 天内到期</h2>${body}</section>`;
}

/** 科室完成情况排名: what each office owes first, then its completion. */
export function officeRankingHtml(dash: Pick<DashboardData, "data" | "offices" | "year">): SafeHtml {
  const rows = officeRanking(dash.data.progress.offices, dash.offices, dash.year, dash.data.progress.asOf);
  const rate = (r: { pointCount: number; rate: number }) => (r.pointCount ? percent(r.rate) : "—");
  const link = (url: string, text: string | number, testId?: string) =>
    html`<a href="${href(url)}" class="dash-link"${testId ? html` data-testid="${testId}"` : null}>${text}</a>`;
  const tr = rows.map((r) => {
    const cells = [
      html`<td>${r.rank}</td>`,
      html`<td><a href="${href(r.href)}" class="dash-link-brand">${r.name}</a></td>`,
      html`<td>${r.lead.pointCount ? link(r.href, r.lead.pointCount) : 0}</td>`,
      html`<td class="${r.owes === "无" ? "text-slate-500" : "text-red-800"}" data-testid="office-owes">${r.owes}</td>`,
      html`<td>${r.lead.pointCount ? link(r.href, rate(r.lead), "office-lead-rate") : "—"}</td>`,
      html`<td>${r.lead.targetCount ? link(r.href, `${r.lead.targetsMet}/${r.lead.targetCount}`) : "—"}</td>`,
      html`<td>${r.support.pointCount ? link(r.supportHref, r.support.pointCount) : 0}</td>`,
      html`<td>${r.support.pointCount ? link(r.supportHref, rate(r.support), "office-support-rate") : "—"}</td>`,
    ];
    // Offices with no point in this plan add nothing to the paper copy.
    return html`<tr data-testid="office-row-${r.name}"${classAttr(r.lead.pointCount + r.support.pointCount === 0 && "print-hide")}>${cells}</tr>`;
  });
  return html`<section class="card min-w-0" aria-labelledby="ranking-title"><h2 id="ranking-title" class="mb-2 font-semibold">科室完成情况排名</h2><p class="mb-2 text-xs text-slate-500">先看牵头要点中逾期、滞后的项数（越少越靠前），再看牵头完成率、配合完成率。</p><div class="overflow-x-auto"><table class="table"><thead><tr><th>名次</th><th>科室</th><th>牵头要点</th><th>逾期 / 滞后</th><th>牵头完成率</th><th>指标完成</th><th>配合要点</th><th>配合完成率</th></tr></thead><tbody>${tr}</tbody></table></div></section>`;
}
