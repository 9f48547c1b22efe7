/** Prev/next and a few page numbers, keeping every other query parameter (plain links: no prefetch of every page). */
export function Pagination({ page, pageCount, total, params }: { page: number; pageCount: number; total: number; params: URLSearchParams }) {
  const href = (p: number) => {
    const next = new URLSearchParams(params);
    if (p <= 1) next.delete("page");
    else next.set("page", String(p));
    const qs = next.toString();
    return qs ? `/ledger?${qs}` : "/ledger";
  };
  const first = Math.max(1, Math.min(page - 2, pageCount - 4));
  const pages = Array.from({ length: Math.min(5, pageCount) }, (_, i) => first + i);
  return (
    <nav aria-label="分页" className="mt-3 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600" data-testid="ledger-total">共 {total} 条，第 {page} / {pageCount} 页</span>
      {page > 1 ? <a className="btn" href={href(page - 1)} rel="prev">上一页</a> : <span className="btn opacity-50" aria-disabled="true">上一页</span>}
      {pages.map((p) =>
        p === page ? (
          <span key={p} aria-current="page" className="rounded bg-brand px-2 py-1 text-white">{p}</span>
        ) : (
          <a key={p} className="rounded px-2 py-1 hover:bg-slate-100" href={href(p)}>{p}</a>
        ),
      )}
      {page < pageCount ? <a className="btn" href={href(page + 1)} rel="next">下一页</a> : <span className="btn opacity-50" aria-disabled="true">下一页</span>}
    </nav>
  );
}
