import Link from "next/link";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { REGULATION_STATUSES, STATUS_LABEL } from "@/lib/regulations/constants";
import { activeOffices, listRegulations, regulationCategories } from "@/lib/regulations/queries";
import { SearchResults } from "@/components/regulations/search-results";
import { pendingProposalCount } from "@/lib/regulations/proposal-queries";

export const metadata = { title: "制度库 - 法治建设工作台" };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v ?? "").slice(0, 100);

/** GET /regulations?q=&category=&status=&office=&year= — links to a search can be shared. */
export default async function RegulationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("regulation:read");
  const sp = await searchParams;
  const q = one(sp.q);
  const category = one(sp.category);
  const status = REGULATION_STATUSES.includes(one(sp.status) as never) ? one(sp.status) : "";
  const office = /^\d{1,9}$/.test(one(sp.office)) ? Number(one(sp.office)) : undefined;
  const year = /^(19|20)\d{2}$/.test(one(sp.year)) ? Number(one(sp.year)) : undefined;
  const manage = can(user.role, "regulation:manage");
  const [result, categories, offices, pendingCount] = await Promise.all([
    listRegulations(prisma, { q, category: category || undefined, status: status || undefined, officeId: office, year }),
    regulationCategories(prisma),
    activeOffices(prisma),
    manage ? pendingProposalCount(prisma) : Promise.resolve(0),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title mb-0">制度库</h1>
        <div className="flex gap-2">
          <Link href="/regulations/study" className="btn">学法清单</Link>
          {manage ? (
            <>
              <Link href="/regulations/cleanup" className="btn">年度制度清理{pendingCount > 0 ? `（待处理修订建议 ${pendingCount}）` : ""}</Link>
              <Link href="/regulations/new" className="btn-primary">
                录入制度
              </Link>
            </>
          ) : null}
        </div>
      </div>
      <form method="get" action="/regulations" className="card grid gap-3 sm:grid-cols-6" role="search">
        <div className="sm:col-span-6">
          <label className="label" htmlFor="reg-q">检索（名称、文号、全文）</label>
          <input id="reg-q" name="q" defaultValue={q} className="input" placeholder="如：合同、印章、公文处理" maxLength={100} />
        </div>
        <div className="sm:col-span-2">
          <label className="label" htmlFor="reg-category">类别</label>
          <select id="reg-category" name="category" defaultValue={category} className="input">
            <option value="">全部</option>
            {categories.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
        </div>
        <div>
          <label className="label" htmlFor="reg-status">状态</label>
          <select id="reg-status" name="status" defaultValue={status} className="input">
            <option value="">全部</option>
            {REGULATION_STATUSES.map((s) => (
              <option key={s} value={s}>{STATUS_LABEL[s]}</option>
            ))}
          </select>
        </div>
        <div className="sm:col-span-2">
          <label className="label" htmlFor="reg-office">责任科室</label>
          <select id="reg-office" name="office" defaultValue={office ? String(office) : ""} className="input">
            <option value="">全部</option>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>{o.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label className="label" htmlFor="reg-year">印发年份</label>
          <input id="reg-year" name="year" defaultValue={year ? String(year) : ""} className="input" inputMode="numeric" pattern="\d{4}" placeholder="如 2024" />
        </div>
        <div className="flex items-end gap-2 sm:col-span-6">
          <button type="submit" className="btn-primary">检索</button>
          <Link href="/regulations" className="btn">清除条件</Link>
          {result.searched ? <span className="text-sm text-slate-600">找到 {result.rows.length} 项{result.rows.length >= 100 ? "（仅显示前 100 项）" : ""}</span> : null}
        </div>
      </form>
      <SearchResults rows={result.rows} searched={result.searched || Boolean(category || status || office || year)} />
    </div>
  );
}
