/**
 * Who is on the other end of a request. Forwarding headers (X-Forwarded-For, X-Forwarded-Host)
 * are set by whoever sends the request, so they count only from proxies the operator declared:
 * TRUSTED_PROXY_HOPS (default 0) is the number of reverse proxies in front of the portal.
 *
 * The portal's HTTP server (scripts/server.mjs) writes the socket's remote address into
 * CLIENT_ADDRESS_HEADER after deleting any copy the client sent, so route handlers and next-auth
 * (which see only headers) get the real peer. With N trusted hops the client is the Nth address
 * from the right of X-Forwarded-For (each proxy appends the address it received the request from).
 */
export const CLIENT_ADDRESS_HEADER = "x-portal-peer";

export function trustedProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops > 0 && hops <= 10 ? hops : 0;
}

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  if (Array.isArray(value)) return value.join(",");
  return typeof value === "string" ? value : null;
}

/** The client's address: the socket peer, or with trusted proxies the address the nearest trusted proxy saw. */
export function clientAddress(headers: HeaderSource, hops = trustedProxyHops()): string {
  const peer = header(headers, CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
  if (hops === 0) return peer.slice(0, 64);
  const chain = (header(headers, "x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter((part) => part !== "");
  // The peer is the last proxy; X-Forwarded-For ends with what the trusted proxies appended.
  const index = chain.length - hops;
  return (index >= 0 ? (chain[index] as string) : (chain[0] ?? peer)).slice(0, 64);
}

/** The host the browser addressed: Host, or X-Forwarded-Host only behind a trusted proxy. */
export function requestHosts(headers: Headers, hops = trustedProxyHops()): string[] {
  const forwarded = hops > 0 ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return [forwarded, headers.get("host")].filter((h): h is string => Boolean(h));
}
