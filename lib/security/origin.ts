/**
 * Route handlers that change data accept only same-origin requests: the browser's Sec-Fetch-Site
 * (when sent) must say same-origin, and the Origin header (or, when a client omits it, the Referer)
 * must name the host the request was sent to, directly or through a proxy (X-Forwarded-Host).
 * Server actions get the same check from Next.js itself.
 */
export function isSameOrigin(request: Request | Headers): boolean {
  const headers = request instanceof Headers ? request : request.headers;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const source = headers.get("origin") ?? headers.get("referer");
  if (!source) return false;
  let sourceHost: string;
  try {
    sourceHost = new URL(source).host;
  } catch {
    return false;
  }
  const hosts = [headers.get("x-forwarded-host"), headers.get("host")].filter((h): h is string => Boolean(h));
  return hosts.some((host) => host.split(",")[0].trim() === sourceHost);
}

export const CROSS_ORIGIN_MESSAGE = "请求来源不受信任，已拒绝";

export function crossOriginResponse(): Response {
  return Response.json({ ok: false, message: CROSS_ORIGIN_MESSAGE }, { status: 403, headers: { "Cache-Control": "no-store" } });
}
