import { describe, expect, it } from "vitest";
import { ConcurrencyLimiter, LOGIN_CONCURRENCY, LOGIN_QUEUE_SIZE, loginLimiter } from "./login-limiter";

/** Resolvable from outside, so the tests decide when each task ends (no timers). */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Lets every already-resolved promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("ConcurrencyLimiter", () => {
  it("runs at most `concurrency` tasks at once, queues `queueSize` more and refuses the rest at once", async () => {
    const limiter = new ConcurrencyLimiter(2, 3);
    const gates = Array.from({ length: 8 }, gate);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const outcomes = gates.map((g, i) =>
      limiter.run(async () => {
        started.push(i);
        running += 1;
        peak = Math.max(peak, running);
        await g.opened;
        running -= 1;
        return i;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    expect(limiter.stats).toEqual({ active: 2, queued: 3 });
    // 2 running + 3 queued: the 6th, 7th and 8th were refused without waiting for anything.
    for (const refused of outcomes.slice(5)) expect(await refused).toEqual({ admitted: false });

    gates[0].open();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(outcomes.slice(0, 5))).toEqual([0, 1, 2, 3, 4].map((value) => ({ admitted: true, value })));
    expect(peak).toBe(2);
    expect(limiter.stats).toEqual({ active: 0, queued: 0 });
  });

  it("serves the queue in arrival order and a released slot is not taken by a newcomer", async () => {
    const limiter = new ConcurrencyLimiter(1, 2);
    const first = await limiter.tryAcquire()!;
    const order: string[] = [];
    const a = limiter.tryAcquire()!.then((release) => (order.push("a"), release));
    const b = limiter.tryAcquire()!.then((release) => (order.push("b"), release));
    first();
    // The slot went to a, so a newcomer now queues (queue has b) rather than running.
    const c = limiter.tryAcquire();
    expect(c).not.toBeNull();
    expect(limiter.stats).toEqual({ active: 1, queued: 2 });
    (await a)();
    (await b)();
    (await c!)();
    expect(order).toEqual(["a", "b"]);
    expect(limiter.stats).toEqual({ active: 0, queued: 0 });
  });

  it("frees the slot when a task throws, and releasing twice frees it only once", async () => {
    const limiter = new ConcurrencyLimiter(1, 0);
    await expect(limiter.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(limiter.stats).toEqual({ active: 0, queued: 0 });
    const release = await limiter.tryAcquire()!;
    release();
    release();
    expect(limiter.stats).toEqual({ active: 0, queued: 0 });
    const again = await limiter.tryAcquire()!;
    expect(limiter.tryAcquire()).toBeNull();
    again();
  });

  it("the login limiter allows 2 to 4 verifications at once and a queue of 16", () => {
    expect(LOGIN_CONCURRENCY).toBeGreaterThanOrEqual(2);
    expect(LOGIN_CONCURRENCY).toBeLessThanOrEqual(4);
    expect(LOGIN_QUEUE_SIZE).toBe(16);
    expect(loginLimiter.concurrency).toBe(LOGIN_CONCURRENCY);
  });
});
