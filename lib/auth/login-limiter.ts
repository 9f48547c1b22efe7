import os from "node:os";

/**
 * A counting semaphore with a bounded queue and no timers: `tryAcquire()` hands out a slot at once
 * while fewer than `concurrency` are held, queues the caller while fewer than `queueSize` wait, and
 * otherwise answers null immediately, so the caller can refuse the request (HTTP 429) instead of
 * piling it up. A released slot passes straight to the oldest waiter.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Array<(release: () => void) => void> = [];

  constructor(
    readonly concurrency: number,
    readonly queueSize: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error("concurrency must be a positive integer");
    if (!Number.isInteger(queueSize) || queueSize < 0) throw new Error("queueSize must be a non-negative integer");
  }

  /** A promise of the release function, or null when every slot is taken and the queue is full. */
  tryAcquire(): Promise<() => void> | null {
    if (this.active < this.concurrency) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queueSize) return null;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Runs `task` in a slot; `{ admitted: false }` at once when the limiter is full. */
  async run<T>(task: () => Promise<T>): Promise<{ admitted: true; value: T } | { admitted: false }> {
    const acquired = this.tryAcquire();
    if (!acquired) return { admitted: false };
    const release = await acquired;
    try {
      return { admitted: true, value: await task() };
    } finally {
      release();
    }
  }

  /** Every slot taken and the queue full: a new request would be refused. */
  get full(): boolean {
    return this.active >= this.concurrency && this.waiting.length >= this.queueSize;
  }

  get stats(): { active: number; queued: number } {
    return { active: this.active, queued: this.waiting.length };
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes on without being freed, so a newcomer cannot overtake the queue.
      if (next) next(this.releaser());
      else this.active -= 1;
    };
  }
}

/**
 * Logins verify an argon2id hash (19 MiB, t=2): tens of milliseconds of a core each, on libuv's
 * thread pool. Half the cores (2 to 4) may verify at once and 16 more logins may wait; beyond that
 * a login is answered 429 at once, so an anonymous flood cannot occupy every core and stall the
 * signed-in users' pages (measured by `npm run test:load`).
 */
export const LOGIN_CONCURRENCY = Math.max(2, Math.min(4, Math.floor(os.availableParallelism() / 2)));
export const LOGIN_QUEUE_SIZE = 16;
/** Seconds a refused client is asked to wait (the Retry-After header). */
export const LOGIN_RETRY_AFTER_SECONDS = 5;
export const LOGIN_BUSY_MESSAGE = "登录请求过多，请稍后再试";

export const loginLimiter = new ConcurrencyLimiter(LOGIN_CONCURRENCY, LOGIN_QUEUE_SIZE);

/**
 * The portal's HTTP server (scripts/server.mjs) looks the limiter up under this key to refuse a
 * login with 429 before Next.js routes it while the limiter is full: under a flood the refusals
 * then cost a fraction of a millisecond each instead of a trip through the router. The route
 * handler stays the authority (it still takes the slot or refuses); the server only sheds load
 * while a refusal is certain.
 */
export const LOGIN_SHEDDING_KEY = Symbol.for("portal.loginShedding");

export interface LoginShedding {
  isFull: () => boolean;
  retryAfterSeconds: number;
  message: string;
}

(globalThis as Record<symbol, LoginShedding>)[LOGIN_SHEDDING_KEY] = {
  isFull: () => loginLimiter.full,
  retryAfterSeconds: LOGIN_RETRY_AFTER_SECONDS,
  message: LOGIN_BUSY_MESSAGE,
};
