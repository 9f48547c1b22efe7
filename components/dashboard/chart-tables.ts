/**
 * What the dashboard's charts show, as text beside them (the section list, the month table): escaped
 * markup (lib/html/safe-html.ts), remembered per figures by components/dashboard/charts.tsx.
 */
import type { ActivityMonth } from "@/components/charts/dashboard-charts";
import { percent, type SectionBar } from "@/lib/dashboard/view";
import { href, html, type SafeHtml } from "@/lib/html/safe-html";

export function sectionListHtml(sections: readonly SectionBar[]): SafeHtml {
  return html`<ul class="mt-2 space-y-1 text-sm">${sections.map(
    (s) =>
      html`<li class="flex justify-between gap-2"><a href="${href(s.href)}" class="truncate hover:underline">${s.label}${s.title}</a><span class="shrink-0 text-slate-600">${s.pointCount} 项 · ${percent(s.rate)}${
        s.behind && s.behindHref ? html` · <a href="${href(s.behindHref)}" class="dash-link">滞后/逾期 ${s.behind}</a>` : null
      }</span></li>`,
  )}</ul>`;
}

/** Entries per month (each a link to them) and, when the plan counts 人次, the month's person-times. */
export function monthTableHtml(months: readonly ActivityMonth[], personTimes: readonly number[] | null): SafeHtml {
  const people = personTimes ? html`<tr><td>人次</td>${personTimes.map((n) => html`<td>${n}</td>`)}</tr>` : null;
  return html`<div class="mt-2 overflow-x-auto"><table class="table text-center text-xs"><thead><tr><th>月份</th>${months.map((m) => html`<th class="text-center">${m.label}</th>`)}</tr></thead><tbody><tr><td>台账（条）</td>${months.map(
    (m) => html`<td><a href="${href(m.href)}" class="dash-link" data-testid="month-entries">${m.entries}</a></td>`,
  )}</tr>${people}</tbody></table></div>`;
}
