/**
 * The production HTTP server of one process: Next.js's request handler behind node:http, so the
 * socket's remote address can be passed on. The header lib/security/client-address.ts reads is
 * first deleted from the incoming request (a client cannot set it) and then set from the socket.
 * Used by `npm start` (scripts/server-command.ts) and by each worker of scripts/cluster.mjs.
 */
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { createIdleTrim, idleTrimDelay } from "./idle-trim.mjs";
import { createRenderGate, isPageRequest, renderConcurrency } from "./render-gate.mjs";

export const CLIENT_ADDRESS_HEADER = "x-portal-peer";

/** Registered by lib/auth/login-limiter.ts once the auth route is loaded. */
const LOGIN_SHEDDING_KEY = Symbol.for("portal.loginShedding");

/**
 * A login (next-auth's credentials callback) while the login limiter is full is answered 429 here,
 * before Next.js routes it, with the body the route handler would send (the login form reads `url`).
 */
function shedLogin(request, response) {
  if (request.method !== "POST" || !request.url?.startsWith("/api/auth/callback/")) return false;
  const shedding = globalThis[LOGIN_SHEDDING_KEY];
  if (!shedding?.isFull()) return false;
  const url = new URL("/api/auth/error", process.env.NEXTAUTH_URL || `http://${request.headers.host ?? "localhost"}`);
  url.searchParams.set("error", shedding.message);
  const body = JSON.stringify({ url: url.toString(), message: shedding.message });
  response.writeHead(429, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Retry-After": String(shedding.retryAfterSeconds),
    "Cache-Control": "no-store",
  });
  response.end(body);
  // The body is not needed: drop it rather than buffer it.
  request.resume();
  return true;
}

/**
 * Next.js is handed the configuration the build recorded (.next/required-server-files.json), as the
 * standalone server.js does, in the offline release (no next.config.ts beside it) and under
 * `npm start` alike: otherwise Next.js compiles next.config.ts at every start with its SWC binding,
 * which then stays mapped in the server (25 MB of RSS) for nothing. The recorded configuration is the
 * one the build was made with (headers and redirects live in the build's manifests either way).
 */
function useBuildConfig(dir) {
  const config = path.join(dir, process.env.NEXT_DIST_DIR || ".next", "required-server-files.json");
  if (!fs.existsSync(config)) return;
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(JSON.parse(fs.readFileSync(config, "utf8")).config);
}

/**
 * A full collection that also hands V8's pooled pages back (the "last resort" flavour of the gc
 * extension), without exposing gc() to the application: the flag is set for one new context only.
 */
function memoryReleasingCollector() {
  let gc = globalThis.gc;
  if (typeof gc !== "function") {
    v8.setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc");
    v8.setFlagsFromString("--no-expose-gc");
  }
  return () => gc({ type: "major", flavor: "last-resort" });
}

/**
 * How long an idle keep-alive connection stays open: longer than a reverse proxy keeps its idle
 * upstream connections (nginx's `keepalive_timeout` and most load balancers: 60 s). With Node's
 * default of 5 s the server could close a connection just as nginx reused it, and nginx answers a
 * POST on such a connection with 502 instead of retrying it (deploy/nginx-fazhi-portal.conf keeps
 * upstream connections alive). headersTimeout stays above it, as Node requires.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export async function startServer(port) {
  process.env.NODE_ENV = "production";
  useBuildConfig(process.cwd());
  const require = createRequire(import.meta.url);
  const next = require("next");
  const app = next({ dev: false, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const limit = renderConcurrency();
  const gate = limit > 0 ? createRenderGate(limit) : null;
  const trimDelay = idleTrimDelay();
  const trim =
    trimDelay > 0
      ? createIdleTrim({ delayMs: trimDelay, minGrowthBytes: 16 * 1024 * 1024, collect: memoryReleasingCollector(), rssBytes: () => process.memoryUsage.rss() })
      : null;
  const server = http.createServer((request, response) => {
    trim?.(response);
    if (shedLogin(request, response)) return;
    delete request.headers[CLIENT_ADDRESS_HEADER];
    request.headers[CLIENT_ADDRESS_HEADER] = (request.socket.remoteAddress ?? "unknown").replace(/^::ffff:/, "");
    if (gate && isPageRequest(request)) return gate(response, () => handle(request, response));
    return handle(request, response);
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  server.listen(port);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT || 3000);
  await startServer(port);
  console.log(`已在端口 ${port} 启动`);
}
