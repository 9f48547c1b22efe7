import type { Db } from "@/lib/db";
import { BUSINESS_ROLES } from "@/lib/auth/roles";
import { PLAN_LEASE } from "./scheduler";

export const OUTBOX_PAGE_SIZE = 100;
export const OUTBOX_FILTERS = ["PENDING", "FAILED", "SENT", "ALL"] as const;
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number];

export function parseOutboxFilter(value: string | undefined): OutboxFilter {
  return (OUTBOX_FILTERS as readonly string[]).includes(value ?? "") ? (value as OutboxFilter) : "PENDING";
}

/** E-mail and webhook messages (portal notifications are in each user's 消息通知), newest first. */
export async function listOutbox(db: Db, filter: OutboxFilter) {
  const where = { channel: { in: ["EMAIL", "WEBHOOK"] }, ...(filter === "ALL" ? {} : { status: filter }) };
  const [rows, counts, lease] = await Promise.all([
    db.outboundMessage.findMany({ where, orderBy: { id: "desc" }, take: OUTBOX_PAGE_SIZE }),
    db.outboundMessage.groupBy({ by: ["status"], where: { channel: { in: ["EMAIL", "WEBHOOK"] } }, _count: { _all: true } }),
    db.schedulerLease.findUnique({ where: { name: PLAN_LEASE } }),
  ]);
  const count = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>;
  return { rows, count, lastRunAt: lease?.lastRunAt ?? null };
}

/** Business accounts and their e-mail addresses (administrative accounts get no reminders). */
export async function listRecipients(db: Db) {
  return db.user.findMany({
    where: { role: { in: [...BUSINESS_ROLES] } },
    orderBy: [{ officeId: "asc" }, { id: "asc" }],
    select: { id: true, username: true, displayName: true, role: true, email: true, active: true, office: { select: { name: true } } },
  });
}
