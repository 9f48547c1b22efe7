/**
 * Notifications for rules due for review: each active 法治办 (COORDINATOR) account is told once
 * per rule and reason within 30 days ("制度待评估复核：…"), by the scheduler's hourly notices run (one
 * instance at a time: lib/outbound/scheduler.ts). The rows and the check for recent ones are written in one transaction.
 */
import type { Db } from "@/lib/db";
import { regulationsDueForReview } from "./queries";
import { REVIEW_REASON_LABEL } from "./validity";

const WINDOW_DAYS = 30;

export async function notifyDueRegulations(db: Db, today: Date): Promise<number> {
  const due = await regulationsDueForReview(db, today);
  if (due.length === 0) return 0;
  return db.$transaction(async (tx) => {
    const coordinators = await tx.user.findMany({ where: { role: "COORDINATOR", active: true }, select: { id: true } });
    const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000);
    const recent = await tx.notification.findMany({
      where: { userId: { in: coordinators.map((c) => c.id) }, link: { startsWith: "/regulations/" }, createdAt: { gte: since } },
      select: { userId: true, link: true, title: true },
    });
    const seen = new Set(recent.map((n) => `${n.userId}|${n.link}|${n.title}`));
    const rows = [];
    for (const rule of due) {
      const title = `制度待评估复核：${rule.title}`;
      const link = `/regulations/${rule.id}`;
      for (const c of coordinators) {
        if (seen.has(`${c.id}|${link}|${title}`)) continue;
        rows.push({ userId: c.id, title, body: REVIEW_REASON_LABEL[rule.reason], link });
      }
    }
    if (rows.length) await tx.notification.createMany({ data: rows });
    return rows.length;
  });
}
