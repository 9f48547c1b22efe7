/**
 * At most `limit` page renders at once in this process; further page requests wait their turn in
 * arrival order (scripts/server.mjs). With ten readers on one core, Next.js otherwise interleaves
 * all ten renders: each takes ten times as long, all their garbage is alive at once, and the
 * latency spreads (README "Performance"). A request leaves the gate when its response has finished
 * or its connection closed, also while still waiting. Routes under /api and /_next, and every
 * non-GET request (logins, server actions, uploads), never wait here.
 */
export function createRenderGate(limit) {
  let active = 0;
  const waiting = new Set();
  const next = () => {
    const first = waiting.values().next();
    if (first.done) {
      active -= 1;
      return;
    }
    waiting.delete(first.value);
    first.value();
  };
  const gate = (response, run) => {
    let state = "waiting";
    const start = () => {
      state = "running";
      run();
    };
    const leave = () => {
      if (state === "waiting") waiting.delete(start);
      else if (state === "running") next();
      state = "done";
    };
    response.once("finish", leave);
    response.once("close", leave);
    if (active < limit) {
      active += 1;
      start();
    } else waiting.add(start);
  };
  gate.stats = () => ({ active, waiting: waiting.size });
  return gate;
}

/** Only GET/HEAD page requests are gated. */
export function isPageRequest(request) {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const url = request.url ?? "/";
  return !url.startsWith("/_next/") && !url.startsWith("/api/") && url !== "/favicon.ico";
}

/** PORTAL_RENDER_CONCURRENCY: renders at once per process (default 2; 0 turns the gate off). */
export function renderConcurrency(env = process.env) {
  const raw = env.PORTAL_RENDER_CONCURRENCY;
  if (raw === undefined || raw.trim() === "") return 2;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 64 ? n : 2;
}
