/**
 * The ledger's filters as a plain GET form (every value ends up in the URL, see parseListFilter),
 * built as escaped markup (lib/html/safe-html.ts) and remembered per filter options and values by
 * the list page: with some hundred <option>s it was a large part of the page's React rendering.
 */
import { CATEGORY_LABEL, ENTRY_CATEGORIES, ENTRY_STATUSES, LIST_SORTS, SORT_LABEL, STATUS_LABEL } from "@/lib/ledger/constants";
import type { ListFilter } from "@/lib/ledger/schemas";
import { href, html, type SafeHtml } from "@/lib/html/safe-html";

export interface FilterOptionsView {
  years: number[];
  sections: { id: number; ordinal: number; title: string }[];
  points: { id: number; number: number; title: string }[];
  targets: { id: number; subject: string; workPoint: { number: number } }[];
  offices: { id: number; name: string }[];
}

const CN_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** `<option>`s with the current value selected; the first is "全部" (value ""), unless `all` is null. */
function options(choices: readonly (readonly [string | number, string])[], current: string | number | undefined, all: string | null = "全部"): SafeHtml {
  const selected = current === undefined ? "" : String(current);
  const first = all === null ? null : html`<option value=""${selected === "" ? html` selected` : null}>${all}</option>`;
  return html`${first}${choices.map(([value, label]) => html`<option value="${value}"${String(value) === selected ? html` selected` : null}>${label}</option>`)}`;
}

function select(label: string, name: string, body: SafeHtml, extra: { wide?: boolean; disabled?: boolean } = {}): SafeHtml {
  return html`<label${extra.wide ? html` class="lg:col-span-2"` : null}><span class="label">${label}</span><select name="${name}" class="input"${extra.disabled ? html` disabled` : null}>${body}</select></label>`;
}

function dateInput(label: string, name: string, value: string | undefined): SafeHtml {
  return html`<label><span class="label">${label}</span><input type="date" name="${name}" class="input" value="${value ?? ""}"/></label>`;
}

/**
 * The 量化指标 choices: the chosen point's targets. A plan has some 150 targets, too many for one list,
 * so without a point only a target already in the URL (a dashboard drill-down) is offered.
 */
export function targetChoices(options: Pick<FilterOptionsView, "points" | "targets">, filter: Pick<ListFilter, "pointId" | "targetId">): FilterOptionsView["targets"] {
  const number = filter.pointId ? options.points.find((p) => p.id === filter.pointId)?.number : undefined;
  if (number !== undefined) return options.targets.filter((t) => t.workPoint.number === number || t.id === filter.targetId);
  return options.targets.filter((t) => t.id === filter.targetId);
}

export function filterFormHtml(filter: ListFilter, year: number, choices: FilterOptionsView, showOffice: boolean, showDeleted: boolean): SafeHtml {
  const years = choices.years.includes(year) ? choices.years : [year, ...choices.years];
  const targets = targetChoices(choices, filter);
  const targetLabel = targets.length ? "全部" : filter.pointId ? "该要点没有量化指标" : "请先选择工作要点";
  const fields = [
    select("年度", "year", options(years.map((y) => [y, `${y}年`] as const), year, null)),
    select("部分", "sectionId", options(choices.sections.map((s) => [s.id, `${CN_NUMERALS[s.ordinal - 1] ?? s.ordinal}、${s.title}`] as const), filter.sectionId)),
    select("工作要点", "pointId", options(choices.points.map((p) => [p.id, `${p.number}. ${p.title}`] as const), filter.pointId), { wide: true }),
    showOffice ? select("科室", "officeId", options(choices.offices.map((o) => [o.id, o.name] as const), filter.officeId)) : null,
    select("审核状态", "status", options(ENTRY_STATUSES.map((s) => [s, STATUS_LABEL[s]] as const), filter.status)),
    select("类别", "category", options(ENTRY_CATEGORIES.map((c) => [c, CATEGORY_LABEL[c]] as const), filter.category)),
    select("量化指标", "targetId", options(targets.map((t) => [t.id, `${t.workPoint.number}. ${t.subject}`] as const), filter.targetId, targetLabel), { disabled: targets.length === 0 }),
    dateInput("起始日期", "from", filter.from),
    dateInput("截止日期", "to", filter.to),
    html`<label class="lg:col-span-2"><span class="label">关键词</span><input type="search" name="q" class="input" value="${filter.q ?? ""}" placeholder="搜索具体工作或完成情况" maxlength="100"/></label>`,
    select("排序", "sort", options(LIST_SORTS.map((s) => [s, SORT_LABEL[s]] as const), filter.sort, null)),
    showDeleted ? html`<input type="hidden" name="deleted" value="1"/>` : null,
    drillDownScope(filter, choices.offices),
    html`<div class="flex items-end gap-2"><button type="submit" class="btn-primary">筛选</button><a href="${href(showDeleted ? `/ledger?year=${year}&deleted=1` : `/ledger?year=${year}`)}" class="btn">重置</a></div>`,
  ];
  return html`<form method="get" action="/ledger" class="card mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6" role="search" aria-label="筛选台账">${fields}</form>`;
}

/**
 * A dashboard figure's scope (the points an office leads or cooperates on, a set of points, only
 * the counted entries) has no field of its own in the form: it rides along as hidden inputs, so
 * refining the list keeps it, and is named above the buttons so the user knows why rows are missing.
 */
function drillDownScope(filter: ListFilter, offices: FilterOptionsView["offices"]): SafeHtml | null {
  const officeName = (id: number | undefined) => offices.find((o) => o.id === id)?.name ?? `科室${id}`;
  const hidden: [string, string][] = [];
  const labels: string[] = [];
  if (filter.pointOfficeId) {
    hidden.push(["pointOfficeId", String(filter.pointOfficeId)]);
    labels.push(`${officeName(filter.pointOfficeId)}牵头或配合的工作要点`);
  }
  if (filter.leadOfficeId) {
    hidden.push(["leadOfficeId", String(filter.leadOfficeId)]);
    labels.push(`${officeName(filter.leadOfficeId)}牵头的工作要点`);
  }
  if (filter.supportOfficeId) {
    hidden.push(["supportOfficeId", String(filter.supportOfficeId)]);
    labels.push(`${officeName(filter.supportOfficeId)}配合的工作要点`);
  }
  if (filter.pointIds?.length) {
    hidden.push(["pointIds", filter.pointIds.join(",")]);
    labels.push(`看板所列的 ${filter.pointIds.length} 项工作要点`);
  }
  if (filter.counted) {
    hidden.push(["counted", "1"]);
    labels.push("计入完成情况的台账（已审核通过，不含协办记录）");
  }
  if (hidden.length === 0) return null;
  return html`<p class="text-sm text-slate-600 sm:col-span-3 lg:col-span-6" data-testid="drill-down-scope">${hidden.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}"/>`)}来自工作看板的范围：${labels.join("；")}。点“重置”可查看全部台账。</p>`;
}
