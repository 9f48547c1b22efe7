/**
 * A small in-process memo for the dashboard's heavy figures, keyed by a change stamp read from
 * the database on every request: the id of the newest audit row. Every change in the portal writes
 * its audit row in the same transaction (README, "Security model"), so any approval, edit or import
 * moves the stamp and the next request recomputes. The stamp is one indexed lookup
 * (ORDER BY id DESC LIMIT 1), and because it lives in the database, several app instances sharing
 * one database stay correct. Concurrent requests for the same key share one computation.
 *
 * figuresStamp narrows the stamp to the changes the figures can see.
 *
 * Set DASHBOARD_CACHE=0 to turn it off (the computation figure of `npm run bench` is measured without it).
 */
import type { Db } from "@/lib/db";
import { latestAuditId } from "@/lib/hot-path";

export async function changeStamp(db: Db): Promise<string> {
  return String(await latestAuditId(db, false));
}

/**
 * The newest audit row of a change that can move a dashboard figure or the plan's structure
 * (affectsFigures in lib/audit.ts): staff drafting entries or logging in do not invalidate the
 * leader's dashboard. One index seek on (affectsFigures, id).
 */
export async function figuresStamp(db: Db): Promise<string> {
  return String(await latestAuditId(db, true));
}

export function cacheEnabled(): boolean {
  return process.env.DASHBOARD_CACHE !== "0";
}

export class StampedMemo {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly limit = 64) {}

  /**
   * The value for key at stamp, computed once; entries of older stamps age out (LRU).
   * A key must always be loaded with the same type.
   */
  get<T>(key: string, stamp: string, load: () => Promise<T>): Promise<T> {
    const full = `${stamp}|${key}`;
    const hit = this.entries.get(full) as Promise<T> | undefined;
    if (hit) {
      this.entries.delete(full);
      this.entries.set(full, hit);
      return hit;
    }
    const value = load();
    this.entries.set(full, value);
    // A failed computation must not stay cached.
    value.catch(() => this.entries.delete(full));
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

const memosByClient = new WeakMap<object, StampedMemo>();

/**
 * One memo per database client (tests and scripts hold several clients whose audit ids coincide),
 * for the small per-user panels of the home page (待我处理, the report deadlines). Keyed by the
 * caller on the user and the calendar day, at changeStamp: every write that can change what waits on
 * someone writes its audit row, so the next request after it reads afresh.
 */
export function panelMemo(db: Db): StampedMemo {
  let memo = memosByClient.get(db);
  if (!memo) {
    memo = new StampedMemo(256);
    memosByClient.set(db, memo);
  }
  return memo;
}
