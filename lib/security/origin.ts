/**
 * Requests that change data — route handlers and every server action (lib/run-action.ts) — are
 * accepted only from this site's own pages:
 * - Sec-Fetch-Site, when the browser sends it, must say same-origin;
 * - the Origin header (or, when a client omits it, the Referer) must name the host the request was
 *   sent to: Host, or X-Forwarded-Host only from a declared proxy (TRUSTED_PROXY_HOPS,
 *   lib/security/client-address.ts);
 * - with neither Origin nor Referer, only a browser's `Sec-Fetch-Site: same-origin` vouches for the
 *   request; a request carrying none of the three is refused.
 * Next.js compares Origin with Host for server actions only when an Origin is present, hence the
 * check of our own in runAction.
 */
import { requestHosts } from "./client-address";

export function isSameOrigin(request: Request | Headers): boolean {
  const headers = request instanceof Request ? request.headers : request;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const source = headers.get("origin") ?? headers.get("referer");
  if (!source) return site === "same-origin";
  let sourceHost: string;
  try {
    sourceHost = new URL(source).host;
  } catch {
    return false;
  }
  return requestHosts(headers).some((host) => host === sourceHost);
}

export const CROSS_ORIGIN_MESSAGE = "请求来源不受信任，已拒绝";

export function crossOriginResponse(): Response {
  return Response.json({ ok: false, message: CROSS_ORIGIN_MESSAGE }, { status: 403, headers: { "Cache-Control": "no-store" } });
}
