/**
 * HTTP helpers of `npm run test:instances` (scripts/two-instances.ts): logging in and out through
 * next-auth's endpoints, and calling a server action the way the browser's Next.js router does.
 */
import fs from "node:fs";
import path from "node:path";

/** next-auth's csrf token and the cookie that goes with it (optionally for a signed-in session). */
async function csrf(base: string, cookie = ""): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${base}/api/auth/csrf`, { headers: cookie ? { cookie } : {} });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const set = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  return { token: csrfToken, cookie: set };
}

/**
 * One credentials login; `error` is next-auth's error parameter (the Chinese message of
 * lib/auth/login.ts), `session` the session cookie on success. `forwardedFor` plays the address
 * nginx would pass on (the instances trust one proxy hop).
 */
export async function attemptLogin(base: string, username: string, password: string, forwardedFor?: string): Promise<{ status: number; error: string | null; session: string | null }> {
  const { token, cookie } = await csrf(base);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    body: new URLSearchParams({ csrfToken: token, username, password, json: "true" }),
  });
  const session = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).find((c) => c.includes("session-token")) ?? null;
  let error: string | null = null;
  try {
    const body = (await response.json()) as { url?: string };
    error = body.url ? new URL(body.url).searchParams.get("error") : null;
  } catch {
    /* not JSON */
  }
  return { status: response.status, error, session };
}

/** Signs the session out on `base` (next-auth's sign-out form: csrf token, then POST). */
export async function signOut(base: string, session: string): Promise<number> {
  const { token, cookie } = await csrf(base, session);
  const response = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [session, cookie].filter(Boolean).join("; "), origin: base },
    body: new URLSearchParams({ csrfToken: token, json: "true" }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** A page as the session sees it: status, redirect target and HTML. */
export async function page(base: string, pathname: string, cookie: string): Promise<{ status: number; location: string | null; html: string }> {
  const response = await fetch(`${base}${pathname}`, { redirect: "manual", headers: { cookie } });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

/** The id the build gave a server action (`.next/server/server-reference-manifest.json`). */
export function serverActionId(root: string, filename: string, exportedName: string): string {
  const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`server action ${filename}#${exportedName} not in the build's manifest`);
  return found[0];
}

/**
 * Calls a `(prevState, formData)` server action as the page's form does with JavaScript on: a POST
 * to a page that renders the form, with the Next-Action header and React's reply encoding (the
 * arguments as JSON in part "0", the FormData's fields as parts "_1_<name>"). Returns the action's
 * `{ ok, message }` from the RSC answer, or null when there is none.
 */
export async function callAction(
  base: string,
  pagePath: string,
  actionId: string,
  cookie: string,
  fields: Record<string, string | number>,
): Promise<{ status: number; result: { ok: boolean; message: string } | null; raw: string }> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, String(value));
  body.append("0", JSON.stringify(["$undefined", "$K1"]));
  const response = await fetch(`${base}${pagePath}`, {
    method: "POST",
    redirect: "manual",
    headers: { "next-action": actionId, accept: "text/x-component", cookie, origin: base },
    body,
  });
  const raw = await response.text();
  let result: { ok: boolean; message: string } | null = null;
  for (const line of raw.split("\n")) {
    const json = line.replace(/^[0-9a-f]+:/, "");
    if (!json.startsWith("{")) continue;
    try {
      const parsed = JSON.parse(json) as Record<string, unknown>;
      if (typeof parsed.ok === "boolean") {
        const fieldErrors = parsed.fieldErrors ? `（${JSON.stringify(parsed.fieldErrors)}）` : "";
        result = { ok: parsed.ok, message: `${String(parsed.message ?? "")}${fieldErrors}` };
      }
    } catch {
      /* another row of the payload */
    }
  }
  return { status: response.status, result, raw };
}
