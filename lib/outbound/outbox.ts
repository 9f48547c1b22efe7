/**
 * The outbox (OutboundMessage). Producers call `enqueueOutbound(tx, …)` inside their own
 * transaction; a message whose dedupeKey exists already is not added again (INSERT … ON CONFLICT
 * DO NOTHING, the same on SQLite and PostgreSQL), so a reminder computed twice is one row.
 *
 * Delivery claims due rows one by one with a conditional UPDATE on the version it read: of two
 * instances claiming the same row only one update matches. The claim pushes nextAttemptAt a lease
 * ahead, so a row whose sender died is claimed again after the lease (at-least-once for a crash in
 * the middle of a send; never twice otherwise). Failures are retried with back-off (backoff.ts).
 */

import crypto from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import { CLAIM_LEASE_MS, isPermanentSmtpError, nextAttemptAt } from "./backoff";

export const OUTBOUND_CHANNELS = ["EMAIL", "WEBHOOK", "PORTAL"] as const;
export type OutboundChannel = (typeof OUTBOUND_CHANNELS)[number];
export const OUTBOUND_STATUS_LABEL: Record<string, string> = { PENDING: "未发送", SENT: "已发送", FAILED: "失败" };
export const CHANNEL_LABEL: Record<string, string> = { EMAIL: "邮件", WEBHOOK: "政务微信/钉钉", PORTAL: "站内通知" };

export interface OutboundInput {
  channel: OutboundChannel;
  recipient: string;
  userId?: number | null;
  subject: string;
  body: string;
  link?: string;
  dedupeKey: string;
  /** PORTAL messages are delivered by the caller in the same transaction: stored as SENT. */
  status?: "PENDING" | "SENT";
  now?: Date;
}

/** Adds a message unless its dedupeKey exists; true when it was added. */
export async function enqueueOutbound(tx: Tx | Db, input: OutboundInput): Promise<boolean> {
  const now = input.now ?? new Date();
  const status = input.status ?? "PENDING";
  const count = await tx.$executeRaw`
    INSERT INTO "OutboundMessage" ("channel", "recipient", "userId", "subject", "body", "link", "dedupeKey", "status",
      "attempts", "nextAttemptAt", "lastError", "claimToken", "sentAt", "version", "createdAt")
    VALUES (${input.channel}, ${input.recipient}, ${input.userId ?? null}, ${input.subject}, ${input.body}, ${input.link ?? ""},
      ${input.dedupeKey}, ${status}, 0, ${now}, '', '', ${status === "SENT" ? now : null}, 1, ${now})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return count > 0;
}

export interface ClaimedMessage {
  id: number;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  link: string;
  attempts: number;
  claimToken: string;
}

/** Claims up to `limit` due PENDING messages for this caller; each row goes to one claimer only. */
export async function claimDue(db: Db, now: Date, limit = 20): Promise<ClaimedMessage[]> {
  const candidates = await db.outboundMessage.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now }, channel: { in: ["EMAIL", "WEBHOOK"] } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, version: true },
  });
  const claimed: ClaimedMessage[] = [];
  for (const candidate of candidates) {
    const claimToken = crypto.randomBytes(12).toString("base64url");
    const { count } = await db.outboundMessage.updateMany({
      where: { id: candidate.id, version: candidate.version, status: "PENDING", nextAttemptAt: { lte: now } },
      data: { claimToken, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS), attempts: { increment: 1 }, version: { increment: 1 } },
    });
    if (count === 0) continue;
    const row = await db.outboundMessage.findUniqueOrThrow({
      where: { id: candidate.id },
      select: { id: true, channel: true, recipient: true, subject: true, body: true, link: true, attempts: true, claimToken: true },
    });
    if (row.claimToken === claimToken) claimed.push(row);
  }
  return claimed;
}

export async function markSent(db: Db, message: ClaimedMessage, now: Date): Promise<void> {
  await db.outboundMessage.updateMany({
    where: { id: message.id, claimToken: message.claimToken, status: "PENDING" },
    data: { status: "SENT", sentAt: now, lastError: "", claimToken: "", version: { increment: 1 } },
  });
}

export async function markFailed(db: Db, message: ClaimedMessage, now: Date, error: unknown): Promise<void> {
  const permanent = isPermanentSmtpError(error);
  await db.outboundMessage.updateMany({
    where: { id: message.id, claimToken: message.claimToken, status: "PENDING" },
    data: {
      status: permanent ? "FAILED" : "PENDING",
      nextAttemptAt: nextAttemptAt(now, message.attempts),
      lastError: describeError(error).slice(0, 500),
      claimToken: "",
      version: { increment: 1 },
    },
  });
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

export type Sender = (message: ClaimedMessage) => Promise<void>;
export type Senders = Partial<Record<OutboundChannel, Sender>>;

/**
 * Sends what is due: claim, send, record. A channel without a sender (SMTP not configured)
 * counts as a failure that can pass, so its messages wait, visible as 未发送.
 */
export async function deliverDue(db: Db, now: Date, senders: Senders, limit = 20): Promise<{ sent: number; failed: number }> {
  const claimed = await claimDue(db, now, limit);
  let sent = 0;
  let failed = 0;
  for (const message of claimed) {
    const send = senders[message.channel as OutboundChannel];
    try {
      if (!send) throw new Error(message.channel === "EMAIL" ? "未配置邮件服务器" : "未配置推送地址");
      await send(message);
      await markSent(db, message, now);
      sent += 1;
    } catch (error) {
      await markFailed(db, message, now, error);
      failed += 1;
    }
  }
  return { sent, failed };
}

export interface Recipient {
  id: number;
  email: string | null;
}

/**
 * One message to a set of users, in one transaction: an in-portal notification for each (recorded as
 * a PORTAL message, SENT), an e-mail for each with an address when SMTP is configured, and one webhook
 * post when a webhook is. Each is deduplicated on `${key}:<channel>[:<user>]`, so the scheduler can run
 * again, or on another instance, without repeating a notice. Returns how many messages were added.
 */
export async function enqueueForRecipients(
  db: Db,
  message: { key: string; subject: string; body: string; link: string; now: Date },
  recipients: Recipient[],
  config: { smtp: unknown; webhookUrl: string | null | undefined },
): Promise<number> {
  const { key, subject, body, link, now } = message;
  return db.$transaction(async (tx) => {
    let added = 0;
    for (const user of recipients) {
      if (await enqueueOutbound(tx, { channel: "PORTAL", recipient: `user:${user.id}`, userId: user.id, subject, body, link, dedupeKey: `${key}:portal:${user.id}`, status: "SENT", now })) {
        added += 1;
        await tx.notification.create({ data: { userId: user.id, title: subject, body, link } });
      }
      if (config.smtp && user.email && (await enqueueOutbound(tx, { channel: "EMAIL", recipient: user.email, userId: user.id, subject, body, link, dedupeKey: `${key}:email:${user.id}`, now }))) added += 1;
    }
    if (config.webhookUrl && (await enqueueOutbound(tx, { channel: "WEBHOOK", recipient: "webhook", subject, body, link, dedupeKey: `${key}:webhook`, now }))) added += 1;
    return added;
  });
}
