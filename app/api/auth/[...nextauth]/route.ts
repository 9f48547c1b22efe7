import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { LOGIN_BUSY_MESSAGE, LOGIN_RETRY_AFTER_SECONDS, loginLimiter } from "@/lib/auth/login-limiter";
import { authRequestContext, LOGOUT_FAILED_MESSAGE, type AuthRequestContext } from "@/lib/auth/revocation";
import { clientAddress } from "@/lib/security/client-address";
import { BodyTooLargeError, readBytesLimited, tooLargeResponse, withBody } from "@/lib/security/body";

const handler = NextAuth(authOptions);

/** A login, CSRF or sign-out form is a few hundred bytes; next-auth itself would read any body whole. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * GET runs with the client address at hand too: the OIDC callback (/api/auth/callback/oidc) is a
 * GET, and its sign-in is audited with the address (lib/auth/sso.ts).
 */
export async function GET(request: NextRequest, context: Context) {
  const store: AuthRequestContext = { ip: clientAddress(request.headers) };
  return authRequestContext.run(store, () => handler(request, context)) as Promise<Response>;
}

/**
 * The answer to a login beyond the limiter's slots and queue: 429 at once, without touching the
 * database or hashing anything. The body has the shape next-auth's signIn() reads (`url` with an
 * `error` parameter), so the login form shows the message.
 */
function busyResponse(request: NextRequest): Response {
  const url = new URL("/api/auth/error", request.url);
  url.searchParams.set("error", LOGIN_BUSY_MESSAGE);
  return Response.json(
    { url: url.toString(), message: LOGIN_BUSY_MESSAGE },
    { status: 429, headers: { "Retry-After": String(LOGIN_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}

/**
 * next-auth's POST endpoints get the body only after it has been read under the cap
 * (lib/security/body.ts). A login (the credentials callback, the only place a password is
 * verified) then takes a slot of the login limiter (lib/auth/login-limiter.ts) or is refused with
 * 429 — after the body is read, so a client trickling its body cannot hold a slot; it runs with the
 * client address at hand for the one-session takeover's audit row (lib/auth/single-session.ts). A sign-out runs
 * with the client address at hand for the audit row, and fails visibly when the session could not
 * be revoked (lib/auth/revocation.ts).
 */
export async function POST(request: NextRequest, context: Context) {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readBytesLimited(request, MAX_AUTH_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse();
    throw error;
  }
  const rebuilt = withBody(request, bytes, (url, init) => new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]));
  const action = (await context.params).nextauth?.[0];
  const store: AuthRequestContext = { ip: clientAddress(request.headers) };

  if (action === "callback") {
    const outcome = await loginLimiter.run(() => authRequestContext.run(store, () => handler(rebuilt, context) as Promise<Response>));
    return outcome.admitted ? outcome.value : busyResponse(request);
  }
  const response = (await authRequestContext.run(store, () => handler(rebuilt, context))) as Response;
  if (action === "signout" && store.signOutFailed) {
    return Response.json({ ok: false, message: LOGOUT_FAILED_MESSAGE }, { status: 500, headers: { "Cache-Control": "no-store" } });
  }
  return response;
}
