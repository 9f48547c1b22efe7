import Link from "next/link";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { isoDay } from "@/lib/ledger/constants";
import { parseListFilter } from "@/lib/ledger/schemas";
import { defaultYear, describeQuantities, filterOptions, inferYear, listEntries, showsDeleted } from "@/lib/ledger/queries";
import { FilterForm } from "./_components/filter-form";
import { FilterFold } from "@/components/ledger/filter-fold";
import { Pagination } from "./_components/pagination";
import { CategoryBadge, StatusBadge } from "./_components/status-badge";

export const metadata = { title: "工作台账 - 法治建设工作台" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Query parameters: year, sectionId, pointId, pointIds, officeId, leadOfficeId, supportOfficeId,
 * pointOfficeId, status, from, to, q, sort, page, targetId, category, counted=1, deleted=1.
 */
export default async function LedgerPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("ledger:read");
  const raw = await searchParams;
  const filter = parseListFilter(raw);
  const year = filter.year ?? (await inferYear(prisma, user.role, filter)) ?? (await defaultYear(prisma, user.role));
  const deleted = showsDeleted(user, filter);
  const [options, result] = await Promise.all([filterOptions(prisma, year, user.role), listEntries(prisma, user, filter, year)]);
  const readAll = can(user.role, "ledger:readAll");

  // The URL of this exact view, for pagination links (normalised: only parsed values survive).
  const params = new URLSearchParams();
  params.set("year", String(year));
  for (const key of ["sectionId", "pointId", "pointIds", "officeId", "leadOfficeId", "supportOfficeId", "pointOfficeId", "targetId", "status", "category", "from", "to", "q"] as const) {
    const value = filter[key];
    if (value !== undefined && value !== "") params.set(key, String(value)); // pointIds: "3,7,12"
  }
  if (filter.counted) params.set("counted", "1");
  if (filter.sort !== "date_desc") params.set("sort", filter.sort);
  if (deleted) params.set("deleted", "1");

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="page-title mb-0">工作台账{deleted ? "（已删除）" : ""}</h1>
        <span className="text-sm text-slate-500">{readAll ? "全部科室" : user.officeName ?? "本科室"} · {year}年</span>
        <div className="ml-auto flex flex-wrap gap-2">
          {can(user.role, "ledger:write") && !deleted ? <Link className="btn-primary" href={`/ledger/new?year=${year}`}>新增台账</Link> : null}
          {can(user.role, "ledger:export") ? (
            <>
              <a className="btn" href={`/api/export/ledger?year=${year}`} download title="仅含审核通过的台账">导出台账（Excel）</a>
              <a className="btn" href={`/api/export/ledger?year=${year}&include=all`} download title="含待审核、已退回和本科室草稿">导出（含未审核）</a>
              <a className="btn" href={`/api/export/evidence?year=${year}`} download>导出佐证材料（ZIP）</a>
            </>
          ) : null}
          {can(user.role, "ledger:restore") ? (
            <Link className="btn" href={deleted ? `/ledger?year=${year}` : `/ledger?year=${year}&deleted=1`}>{deleted ? "返回台账" : "查看已删除"}</Link>
          ) : null}
        </div>
      </div>
      {raw.removed === "1" ? <p role="status" className="mb-3 rounded bg-green-50 px-3 py-2 text-sm text-green-800">台账已删除。</p> : null}

      <FilterFold active={params.size - (params.has("year") ? 1 : 0)}>
        <FilterForm filter={filter} year={year} options={options} showOffice={readAll} showDeleted={deleted} />
      </FilterFold>

      {/* On a phone each entry is a card; from 640 px up, the table. */}
      <ul className="space-y-2 sm:hidden" data-testid="ledger-cards">
        {result.rows.map((e) => (
          <li key={e.id} className="card p-3" data-testid={`ledger-card-${e.id}`}>
            <div className="flex items-start justify-between gap-2">
              <Link href={`/ledger/${e.id}`} className="font-medium text-brand hover:underline">{e.title}</Link>
              <StatusBadge status={e.status} />
            </div>
            <p className="mt-1 text-xs text-slate-600">{isoDay(e.date)} · {e.office.name} · 第{e.workPoint.number}项{e.linkedEntryId ? " · 协办" : ""}</p>
            <p className="mt-1 text-xs text-slate-600">{describeQuantities(e.quantities) || "无计入数量"} · 佐证 {e._count.attachments} 份</p>
          </li>
        ))}
        {result.rows.length === 0 ? <li className="card py-6 text-center text-slate-500">没有符合条件的台账</li> : null}
      </ul>

      <div className="card hidden overflow-x-auto p-0 sm:block">
        <table className="table">
          <thead>
            <tr>
              <th className="w-24">日期</th><th>工作要点</th><th>具体工作/活动</th><th className="w-24">科室</th><th>数量</th><th className="w-12">附件</th><th className="w-20">状态</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((e) => (
              <tr key={e.id} data-testid={`ledger-row-${e.id}`}>
                <td className="whitespace-nowrap">{isoDay(e.date)}</td>
                <td>{`${e.workPoint.number}. ${e.workPoint.title}`}</td>
                <td>
                  <Link href={`/ledger/${e.id}`} className="text-brand hover:underline">{e.title}</Link>
                  <span className="ml-1"><CategoryBadge category={e.category} /></span>
                  {e.linkedEntryId ? <span className="ml-1 text-xs text-slate-500">（协办）</span> : null}
                </td>
                <td>{e.office.name}</td>
                <td className="text-xs">{describeQuantities(e.quantities) || "—"}</td>
                <td className="text-center">{e._count.attachments || "—"}</td>
                <td><StatusBadge status={e.status} /></td>
              </tr>
            ))}
            {result.rows.length === 0 ? (
              <tr><td colSpan={7} className="py-6 text-center text-slate-500">没有符合条件的台账</td></tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={params} />
    </div>
  );
}
