/**
 * The reminder loop every server process starts (instrumentation-node.ts): once a minute it plans
 * the reminders that fall due (one instance per minute, by the "reminders.plan" lease) and sends
 * what is due in the outbox (every instance may; each row is claimed by one). All state is in the
 * database (outbox rows, their dedupe keys and retry times, the lease), so a restart loses nothing
 * and sends nothing twice. `REMINDER_SCHEDULER=off` keeps a process out of it.
 */

import crypto from "node:crypto";
import type { Db } from "@/lib/db";
import { acquireLease, recordLeaseResult } from "./lease";
import { deliverDue, type Senders } from "./outbox";
import { planReminders } from "./planner";
import { planFeedbackReminders } from "./feedback-reminders";
import { notifyDueRegulations } from "@/lib/regulations/review-notices";
import { runReportDeadlineNotices } from "@/lib/report-cycle/deadline-run";
import { calendarDayAt } from "@/lib/progress/dates";
import { loadOutboundConfig } from "./settings";
import { sendersFor } from "./senders";

export const TICK_MS = 60_000;
export const PLAN_LEASE = "reminders.plan";
/** The portal's own notices (rules due for review, the annual report's deadlines): one instance, hourly. */
export const NOTICES_LEASE = "notices.hourly";
export const NOTICES_PERIOD_MS = 3_600_000;
const OWNER = `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;

export interface TickResult {
  planned: { reminders: number; queued: number } | null;
  delivered: { sent: number; failed: number };
  /** Portal notices written this tick (null: another instance or another hour runs them). */
  notices: { regulations: number; report: number } | null;
}

/** One pass; `senders` replaces the configured channels (tests). */
export async function runTick(db: Db, now: Date, options: { senders?: Senders; owner?: string } = {}): Promise<TickResult> {
  const config = await loadOutboundConfig(db);
  const owner = options.owner ?? OWNER;
  let planned: TickResult["planned"] = null;
  if (config.remindersEnabled && (await acquireLease(db, PLAN_LEASE, owner, now, TICK_MS - 5_000))) {
    planned = await planReminders(db, now, config);
    // 进展反馈 still missing after its due day: one reminder per office and period.
    const feedback = await planFeedbackReminders(db, now, config);
    planned = { reminders: planned.reminders, queued: planned.queued + feedback };
    await recordLeaseResult(db, PLAN_LEASE, owner, JSON.stringify(planned));
  }
  let notices: TickResult["notices"] = null;
  // Not tied to automatic reminders being on: these are portal notifications the 法治办 relies on.
  if (await acquireLease(db, NOTICES_LEASE, owner, now, NOTICES_PERIOD_MS - 5_000)) {
    notices = await runPortalNotices(db, now);
    await recordLeaseResult(db, NOTICES_LEASE, owner, JSON.stringify(notices));
  }
  const delivered = await deliverDue(db, now, options.senders ?? sendersFor(config));
  return { planned, delivered, notices };
}

/** Each job on its own: one failing never keeps the other from running. */
async function runPortalNotices(db: Db, now: Date): Promise<{ regulations: number; report: number }> {
  const regulations = await notifyDueRegulations(db, calendarDayAt(now)).catch((error) => {
    console.error("regulation review notices failed", error);
    return 0;
  });
  const report = await runReportDeadlineNotices(db, now).then(
    (r) => r.sent.length,
    (error) => {
      console.error("report deadline notices failed", error);
      return 0;
    },
  );
  return { regulations, report };
}

export function startReminderScheduler(db: Db): void {
  if (process.env.REMINDER_SCHEDULER === "off") return;
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runTick(db, new Date())
      .then((result) => {
        if (result.planned?.queued || result.delivered.sent || result.delivered.failed || result.notices?.regulations || result.notices?.report) console.log(JSON.stringify({ event: "reminders.tick", ...result }));
      })
      .catch((error) => console.error("reminder scheduler tick failed", error))
      .finally(() => {
        running = false;
      });
  };
  setTimeout(tick, 15_000).unref();
  setInterval(tick, TICK_MS).unref();
}
