import { NotFoundPage } from "@/components/not-found-page";

export const metadata = { title: "页面不存在 - 法治建设工作台" };

/** Unknown URLs anywhere (and notFound() outside the portal group): a Chinese page, never Next.js's English 404. */
export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <NotFoundPage />
    </main>
  );
}
