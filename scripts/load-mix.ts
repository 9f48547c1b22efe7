/**
 * The write/read traffic mix of `npm run test:load` (scripts/load-test.ts), shared with
 * `npm run test:instances` (scripts/two-instances.ts), which sends it through nginx to two instances.
 * Writers create ledger entries and edit them (every tenth edit races a second, conflicting edit of
 * the same version); readers load the dashboard until the writers are done. Every acknowledged
 * write is remembered (`expectedTitles`) so the caller can check it in the database afterwards.
 */

export interface Recorder {
  latencies: number[];
  latenciesByKind: { write: number[]; dashboard: number[] };
  counters: { requests: number; errors: number; fivexx: number; conflictsRefused: number };
  /** fetch, timed and counted; null on a connection error (counted as an error). */
  timed(url: string, init: RequestInit): Promise<Response | null>;
}

/** onResponse sees every answered request (two-instances.ts counts which instance served it). */
export function createRecorder(onResponse?: (response: Response) => void): Recorder {
  const recorder: Recorder = {
    latencies: [],
    latenciesByKind: { write: [], dashboard: [] },
    counters: { requests: 0, errors: 0, fivexx: 0, conflictsRefused: 0 },
    async timed(url, init) {
      const started = performance.now();
      recorder.counters.requests += 1;
      try {
        const response = await fetch(url, init);
        const elapsed = performance.now() - started;
        recorder.latencies.push(elapsed);
        recorder.latenciesByKind[init.method && init.method !== "GET" ? "write" : "dashboard"].push(elapsed);
        if (response.status >= 500) {
          recorder.counters.fivexx += 1;
          // Which request failed, and how long it took, for the failure report (the body is left unread).
          if (recorder.counters.fivexx <= 5) console.error(`5xx: ${init.method ?? "GET"} ${url} → HTTP ${response.status} after ${Math.round(elapsed)} ms`);
        }
        onResponse?.(response);
        return response;
      } catch {
        recorder.counters.errors += 1;
        return null;
      }
    },
  };
  return recorder;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10 : 0;
}

/**
 * The summary line both load tests print: counts, the acknowledged writes missing from or changed in
 * the database (`stored`: entry id → title as read back), throughput and latencies.
 */
export function summariseMix(recorder: Recorder, run: { expectedTitles: ReadonlyMap<number, string>; seconds: number }, stored: ReadonlyMap<number, string>) {
  const { counters, latencies, latenciesByKind } = recorder;
  return {
    requests: counters.requests,
    errors: counters.errors,
    "5xx": counters.fivexx,
    lost_writes: [...run.expectedTitles].filter(([id, title]) => stored.get(id) !== title).length,
    conflicts_refused: counters.conflictsRefused,
    entries_created: run.expectedTitles.size,
    seconds: Math.round(run.seconds),
    requests_per_second: run.seconds > 0 ? Math.round(counters.requests / run.seconds) : 0,
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    write_p99_ms: percentile(latenciesByKind.write, 99),
    dashboard_p99_ms: percentile(latenciesByKind.dashboard, 99),
  };
}

export interface MixOptions {
  /** Where requests go (one server, or the load balancer); also the Origin of the writes. */
  base: string;
  writerCookies: string[];
  readerCookies: string[];
  /** Work points the writers' office leads (entries are spread over them). */
  pointIds: number[];
  year: number;
  /** Entries to create in all (split between the writers); the deadline may stop them earlier. */
  entries: number;
  /** Date.now() after which writers and readers stop. */
  deadline: number;
}

/** Runs the mix; returns the acknowledged titles by entry id and the seconds it took. */
export async function runWriteMix(recorder: Recorder, options: MixOptions): Promise<{ expectedTitles: Map<number, string>; seconds: number }> {
  const { base, writerCookies, readerCookies, pointIds, year, entries, deadline } = options;
  const { timed, counters } = recorder;
  const expectedTitles = new Map<number, string>();
  let writersDone = false;

  const json = (cookie: string, method: string, body: unknown): RequestInit => ({
    method,
    headers: { "content-type": "application/json", cookie, origin: base },
    body: JSON.stringify(body),
  });

  async function writer(n: number) {
    const cookie = writerCookies[n];
    const share = Math.ceil(entries / writerCookies.length);
    for (let i = 0; i < share && Date.now() < deadline; i += 1) {
      const title = `压测-${n}-${i}`;
      const body = { pointId: pointIds[i % pointIds.length], date: `${year}-01-${String((i % 28) + 1).padStart(2, "0")}`, title, form: "其他", description: "load" };
      const created = await timed(`${base}/api/v1/ledger-entries`, json(cookie, "POST", body));
      if (!created || created.status !== 201) {
        if (created && created.status < 500) counters.errors += 1;
        continue;
      }
      const { id, version } = (await created.json()) as { id: number; version: number };
      expectedTitles.set(id, title);
      const edit = (suffix: string) => timed(`${base}/api/v1/ledger-entries/${id}`, json(cookie, "PATCH", { ...body, pointId: undefined, title: `${title}-${suffix}`, version }));
      const attempts = i % 10 === 0 ? [edit("a"), edit("b")] : [edit("a")];
      const results = await Promise.all(attempts);
      results.forEach((response, k) => {
        if (!response) return;
        if (response.status === 200) expectedTitles.set(id, `${title}-${k === 0 ? "a" : "b"}`);
        else if (response.status === 409) counters.conflictsRefused += 1;
        else if (response.status < 500) counters.errors += 1;
      });
    }
  }

  async function reader(n: number) {
    while (!writersDone && Date.now() < deadline) {
      const response = await timed(`${base}/dashboard`, { headers: { cookie: readerCookies[n] } });
      if (response) {
        await response.arrayBuffer();
        if (!response.ok) counters.errors += 1;
      }
    }
  }

  const started = performance.now();
  const readers = readerCookies.map((_, n) => reader(n));
  await Promise.all(writerCookies.map((_, n) => writer(n)));
  writersDone = true;
  await Promise.all(readers);
  return { expectedTitles, seconds: (performance.now() - started) / 1000 };
}
