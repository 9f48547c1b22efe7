/**
 * Memory back to the system when the server goes quiet (scripts/server.mjs, README "Memory").
 * After a burst of requests V8 keeps the pages it grew into: the young generation's semi-spaces and
 * freed old-space pages stay mapped, so an idle server sits at its busy size. V8's own memory
 * reducer gives them back only about eight seconds after its last check. Here, once no request has
 * been in flight for `delayMs` and the process has grown by at least `minGrowthBytes` since the last
 * trim, one full collection that also releases the pooled pages runs (on this machine about 85 ms
 * for the bench's heap, 270 → 205 MB). A request arriving before then cancels it; a trickle of
 * single requests that does not grow the process never causes one.
 */
export function createIdleTrim({ delayMs, minGrowthBytes, collect, rssBytes, setTimer = setTimeout, clearTimer = clearTimeout }) {
  let active = 0;
  let timer = null;
  let baseline = rssBytes();
  let trims = 0;
  const fire = () => {
    timer = null;
    if (active > 0 || rssBytes() - baseline < minGrowthBytes) return;
    collect();
    trims += 1;
    baseline = rssBytes();
  };
  const done = () => {
    active -= 1;
    if (active === 0 && timer === null) {
      timer = setTimer(fire, delayMs);
      timer?.unref?.();
    }
  };
  /** Counts `response` as in flight until it has finished or its connection closed. */
  const track = (response) => {
    active += 1;
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
    }
    let open = true;
    const leave = () => {
      if (!open) return;
      open = false;
      done();
    };
    response.once("finish", leave);
    response.once("close", leave);
  };
  track.stats = () => ({ active, pending: timer !== null, trims });
  return track;
}

/** PORTAL_IDLE_TRIM_MS: quiet time before the trim (default 2000 ms; 0 turns it off). */
export function idleTrimDelay(env = process.env) {
  const raw = env.PORTAL_IDLE_TRIM_MS;
  if (raw === undefined || raw.trim() === "") return 2000;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 3_600_000 ? n : 2000;
}
