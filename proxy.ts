import { NextResponse, type NextRequest } from "next/server";
import { buildCsp } from "@/lib/security/csp";
import { hstsHeader } from "@/lib/security/transport";

/**
 * Only two jobs: a fresh CSP nonce per request (and HSTS on an https deployment), and sending
 * visitors without a session cookie to the login page. It never decides who may see data: every
 * page, action and route asks the data access layer (lib/auth/dal.ts), which holds even when this
 * proxy is bypassed.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = buildCsp(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const hsts = hstsHeader();
  const { pathname } = request.nextUrl;
  const hasSessionCookie = request.cookies.getAll().some((c) => c.name.includes("next-auth.session-token"));
  // /public/reports/<year>: the published annual report (its handler serves it only after the 保密审查).
  const isPublic = pathname === "/login" || pathname === "/login/unauthorized" || pathname === "/forbidden" || pathname.startsWith("/public/reports/");
  if (!hasSessionCookie && !isPublic) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    const redirect = NextResponse.redirect(url);
    if (hsts) redirect.headers.set("Strict-Transport-Security", hsts);
    return redirect;
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
