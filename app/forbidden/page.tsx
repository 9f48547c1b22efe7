import Link from "next/link";

export const metadata = { title: "无权访问 - 法治建设工作台" };
// Rendered per request so the page gets the CSP nonce like every other page.
export const dynamic = "force-dynamic";

export default function ForbiddenPage() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="card max-w-md text-center">
        <h1 className="mb-2 text-xl font-semibold text-red-700">无权访问</h1>
        <p className="mb-4 text-sm text-slate-600">您的账户没有访问该页面的权限。如需开通，请联系系统管理员。</p>
        <Link href="/dashboard" className="btn">返回工作看板</Link>
      </div>
    </main>
  );
}
