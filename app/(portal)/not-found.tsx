import { NotFoundPage } from "@/components/not-found-page";

export const metadata = { title: "页面不存在 - 法治建设工作台" };

/** notFound() in a portal page (/points/abc, /plans/abc, a draft year one may not see): inside the portal's header. */
export default function PortalNotFound() {
  return <NotFoundPage />;
}
