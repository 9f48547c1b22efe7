import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createIdleTrim, idleTrimDelay } from "./idle-trim.mjs";

const MB = 1024 * 1024;

/** A trim with a hand-driven clock and a process size the test sets. */
function harness(startMb = 200) {
  let rss = startMb * MB;
  let now = 0;
  const timers = new Map<number, { at: number; fire: () => void }>();
  let nextId = 1;
  const collected: number[] = [];
  const trim = createIdleTrim({
    delayMs: 2000,
    minGrowthBytes: 16 * MB,
    collect: () => {
      collected.push(now);
      rss = startMb * MB; // the collection gives the growth back
    },
    rssBytes: () => rss,
    setTimer: (fire, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fire });
      return id;
    },
    clearTimer: (id: never) => void timers.delete(id as unknown as number),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > now) continue;
      timers.delete(id);
      t.fire();
    }
  };
  const request = () => {
    const response = new EventEmitter();
    trim(response);
    return response;
  };
  return { trim, collected, advance, request, grow: (mb: number) => void (rss += mb * MB), pendingTimers: () => timers.size };
}

describe("createIdleTrim", () => {
  it("collects once, delayMs after the last response, when the process grew", () => {
    const h = harness();
    const a = h.request();
    const b = h.request();
    h.grow(70);
    a.emit("finish");
    h.advance(5000);
    expect(h.collected).toEqual([]); // b still in flight
    b.emit("finish");
    h.advance(1999);
    expect(h.collected).toEqual([]);
    h.advance(1);
    expect(h.collected).toEqual([7000]);
    h.advance(60_000);
    expect(h.collected).toHaveLength(1);
    expect(h.trim.stats()).toEqual({ active: 0, pending: false, trims: 1 });
  });

  it("a request before the delay is over cancels the collection; the next quiet period runs it", () => {
    const h = harness();
    h.grow(40);
    h.request().emit("finish");
    h.advance(1500);
    const late = h.request();
    h.advance(1000);
    expect(h.collected).toEqual([]);
    expect(h.pendingTimers()).toBe(0);
    late.emit("close");
    h.advance(2000);
    expect(h.collected).toEqual([4500]);
  });

  it.each([
    { grewMb: 0, collects: false },
    { grewMb: 15, collects: false },
    { grewMb: 16, collects: true },
    { grewMb: 120, collects: true },
  ])("grown by $grewMb MB: collects $collects", ({ grewMb, collects }) => {
    const h = harness();
    h.grow(grewMb);
    h.request().emit("finish");
    h.advance(2000);
    expect(h.collected.length).toBe(collects ? 1 : 0);
  });

  it("a response that finishes and then closes counts once; an aborted one leaves on close", () => {
    const h = harness();
    const a = h.request();
    const b = h.request();
    h.grow(50);
    a.emit("finish");
    a.emit("close");
    h.advance(3000);
    expect(h.collected).toEqual([]); // b is in flight: a's double event did not take it to zero
    expect(h.trim.stats().active).toBe(1);
    b.emit("close");
    h.advance(2000);
    expect(h.collected).toHaveLength(1);
  });

  it("single requests that do not grow the process never collect", () => {
    const h = harness();
    for (let i = 0; i < 50; i++) {
      h.request().emit("finish");
      h.advance(3000);
    }
    expect(h.collected).toEqual([]);
  });
});

describe("idleTrimDelay", () => {
  it.each([
    [undefined, 2000],
    ["", 2000],
    ["0", 0],
    ["500", 500],
    ["-1", 2000],
    ["1.5", 2000],
    ["abc", 2000],
  ])("PORTAL_IDLE_TRIM_MS=%s → %i", (raw, expected) => {
    expect(idleTrimDelay(raw === undefined ? {} : { PORTAL_IDLE_TRIM_MS: raw })).toBe(expected);
  });
});
