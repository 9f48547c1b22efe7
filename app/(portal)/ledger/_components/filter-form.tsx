import Link from "next/link";
import { CATEGORY_LABEL, ENTRY_CATEGORIES, ENTRY_STATUSES, LIST_SORTS, SORT_LABEL, STATUS_LABEL } from "@/lib/ledger/constants";
import type { ListFilter } from "@/lib/ledger/schemas";

interface Options {
  years: number[];
  sections: { id: number; ordinal: number; title: string }[];
  points: { id: number; number: number; title: string }[];
  targets: { id: number; subject: string; workPoint: { number: number } }[];
  offices: { id: number; name: string }[];
}

const CN_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** The list filters as a plain GET form: every value ends up in the URL (see parseListFilter). */
export function FilterForm({ filter, year, options, showOffice, showDeleted }: { filter: ListFilter; year: number; options: Options; showOffice: boolean; showDeleted: boolean }) {
  const years = options.years.includes(year) ? options.years : [year, ...options.years];
  return (
    <form method="get" action="/ledger" className="card mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6" role="search" aria-label="筛选台账">
      <label>
        <span className="label">年度</span>
        <select name="year" className="input" defaultValue={year}>
          {years.map((y) => <option key={y} value={y}>{`${y}年`}</option>)}
        </select>
      </label>
      <label>
        <span className="label">部分</span>
        <select name="sectionId" className="input" defaultValue={filter.sectionId ?? ""}>
          <option value="">全部</option>
          {options.sections.map((s) => <option key={s.id} value={s.id}>{`${CN_NUMERALS[s.ordinal - 1] ?? s.ordinal}、${s.title}`}</option>)}
        </select>
      </label>
      <label className="lg:col-span-2">
        <span className="label">工作要点</span>
        <select name="pointId" className="input" defaultValue={filter.pointId ?? ""}>
          <option value="">全部</option>
          {options.points.map((p) => <option key={p.id} value={p.id}>{`${p.number}. ${p.title}`}</option>)}
        </select>
      </label>
      {showOffice ? (
        <label>
          <span className="label">科室</span>
          <select name="officeId" className="input" defaultValue={filter.officeId ?? ""}>
            <option value="">全部</option>
            {options.offices.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </label>
      ) : null}
      <label>
        <span className="label">审核状态</span>
        <select name="status" className="input" defaultValue={filter.status ?? ""}>
          <option value="">全部</option>
          {ENTRY_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
        </select>
      </label>
      <label>
        <span className="label">类别</span>
        <select name="category" className="input" defaultValue={filter.category ?? ""}>
          <option value="">全部</option>
          {ENTRY_CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABEL[c]}</option>)}
        </select>
      </label>
      <label>
        <span className="label">量化指标</span>
        <select name="targetId" className="input" defaultValue={filter.targetId ?? ""}>
          <option value="">全部</option>
          {options.targets.map((t) => <option key={t.id} value={t.id}>{`${t.workPoint.number}. ${t.subject}`}</option>)}
        </select>
      </label>
      <label>
        <span className="label">起始日期</span>
        <input type="date" name="from" className="input" defaultValue={filter.from ?? ""} />
      </label>
      <label>
        <span className="label">截止日期</span>
        <input type="date" name="to" className="input" defaultValue={filter.to ?? ""} />
      </label>
      <label className="lg:col-span-2">
        <span className="label">关键词</span>
        <input type="search" name="q" className="input" defaultValue={filter.q ?? ""} placeholder="搜索具体工作或完成情况" maxLength={100} />
      </label>
      <label>
        <span className="label">排序</span>
        <select name="sort" className="input" defaultValue={filter.sort}>
          {LIST_SORTS.map((s) => <option key={s} value={s}>{SORT_LABEL[s]}</option>)}
        </select>
      </label>
      {showDeleted ? <input type="hidden" name="deleted" value="1" /> : null}
      <DrillDownScope filter={filter} offices={options.offices} />
      <div className="flex items-end gap-2">
        <button type="submit" className="btn-primary">筛选</button>
        <Link href={showDeleted ? `/ledger?year=${year}&deleted=1` : `/ledger?year=${year}`} className="btn">重置</Link>
      </div>
    </form>
  );
}

/**
 * A dashboard figure's scope (the points an office leads or cooperates on, a set of points, only
 * the counted entries) has no field of its own in the form: it rides along as hidden inputs, so
 * refining the list keeps it, and is named above the buttons so the user knows why rows are missing.
 */
function DrillDownScope({ filter, offices }: { filter: ListFilter; offices: Options["offices"] }) {
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
  return (
    <p className="text-sm text-slate-600 sm:col-span-3 lg:col-span-6" data-testid="drill-down-scope">
      {hidden.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      来自工作看板的范围：{labels.join("；")}。点“重置”可查看全部台账。
    </p>
  );
}
