import Link from "next/link";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { parseListFilter } from "@/lib/ledger/schemas";
import { defaultYear, filterOptions, inferYear, listEntries, showsDeleted } from "@/lib/ledger/queries";
import { filterFormHtml } from "@/components/ledger/filter-form";
import { FilterFold } from "@/components/ledger/filter-fold";
import { Pagination } from "@/components/ledger/pagination";
import { entryListHtml } from "@/components/ledger/entry-list";
import { Markup } from "@/components/markup";
import { memoHtml } from "@/lib/html/memo";
import "@/components/ledger/entry-list.css";

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
        <Markup html={memoHtml([options], JSON.stringify([{ ...filter, page: 1 }, year, readAll, deleted]), () => filterFormHtml(filter, year, options, readAll, deleted))} />
      </FilterFold>

      <Markup html={entryListHtml(result.rows)} />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={params} />
    </div>
  );
}
