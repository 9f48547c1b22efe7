import Link from "next/link";

/**
 * The Chinese "页面不存在" page: for unknown URLs (app/not-found.tsx), for notFound() inside the
 * portal (app/(portal)/not-found.tsx, drawn inside the portal's header) and for records that do not
 * exist or are not the user's to see (same answer either way: no existence leak).
 */
export function NotFoundPage({ detail, back }: { detail?: string; back?: { href: string; label: string } }) {
  return (
    <div className="card mx-auto max-w-md text-center" data-testid="page-not-found">
      <h1 className="mb-2 text-xl font-semibold text-red-700">页面不存在</h1>
      <p className="mb-1 text-sm text-slate-600">您访问的页面不存在，或已被移除，或您无权查看。</p>
      {detail ? <p role="alert" data-testid="not-found" className="mb-1 text-sm text-red-700">{detail}</p> : null}
      <p className="mb-4 text-sm text-slate-600">请检查地址，或从首页重新进入。</p>
      <div className="flex flex-wrap justify-center gap-2">
        <Link href="/" className="btn-primary" data-testid="not-found-home">返回首页</Link>
        {back ? <Link href={back.href} className="btn">{back.label}</Link> : null}
      </div>
    </div>
  );
}
