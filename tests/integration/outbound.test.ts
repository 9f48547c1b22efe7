/**
 * Automatic reminders end to end against real servers: a real SMTP server (smtp-server) receives
 * the 到期催办 mail, a local HTTP server the 政务微信 robot message; the outbox never sends a row
 * twice with two claimers on the same database, and a message to an SMTP server that is down stays
 * 未发送, is retried with back-off and goes out once the server is up.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { actor, createTestDb, onPostgres, userByName, type TestDb } from "@/tests/support/test-db";
import { freePort } from "@/tests/support/free-port";
import { createPrismaClient, type Db } from "@/lib/db";
import { calendarDate } from "@/lib/progress";
import { updateOutboundSettingsSchema, updateUserEmailSchema } from "@/lib/outbound/schemas";
import { retryOutbound, updateOutboundSettings, updateUserEmail } from "@/lib/outbound/mutations";
import { deliverDue, enqueueOutbound, type ClaimedMessage } from "@/lib/outbound/outbox";
import { loadOutboundConfig } from "@/lib/outbound/settings";
import { runTick } from "@/lib/outbound/scheduler";
import { planReminders } from "@/lib/outbound/planner";

process.env.NEXTAUTH_SECRET ||= "outbound-test-secret-outbound-test-secret";

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

function startSmtp(port: number, mails: Mail[]): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

function stopSmtp(server: SMTPServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Subject (RFC 2047 encoded words, folded) and body (base64 or 8bit) of a received mail, decoded. */
function decodedMail(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/u);
  const headers = head.replace(/\r?\n[ \t]+/gu, " ").replace(/\?=\s+=\?/gu, "?==?");
  const decodedHeaders = headers.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/giu, (_m, enc: string, text: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQp(text.replace(/_/g, " ")),
  );
  const body = rest.join("\n\n");
  const decodedBody = /content-transfer-encoding:\s*base64/iu.test(headers)
    ? Buffer.from(body.replace(/\s+/gu, ""), "base64").toString("utf8")
    : /content-transfer-encoding:\s*quoted-printable/iu.test(headers)
      ? decodeQp(body.replace(/=\r?\n/gu, ""))
      : body;
  return `${decodedHeaders}\n\n${decodedBody}`;
}

function decodeQp(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/iu.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/**
 * A second "instance" on the same database. On PostgreSQL a second client (its own pool); on
 * SQLite the same client, because better-sqlite3 waits for a lock synchronously and two clients
 * in one process would block each other's event loop (separate processes are covered by
 * tests/integration/sqlite-processes.test.ts). Either way the two claimers interleave at every
 * await and both read the same candidate rows before claiming them.
 */
function secondInstance(): { db: Db; close: () => Promise<void> } {
  if (!onPostgres) return { db: t.db, close: async () => {} };
  const db = createPrismaClient(t.url);
  return { db, close: () => db.$disconnect() };
}

const NOW = new Date("2026-11-22T02:00:00Z"); // 10:00 Beijing
const SETTINGS_FORM = {
  version: "1",
  remindersEnabled: "on",
  reminderLeadDays: "7",
  overdueRepeatDays: "7",
  smtpHost: "127.0.0.1",
  smtpPort: "25",
  smtpSecurity: "NONE",
  smtpUser: "",
  smtpPassword: "",
  smtpFrom: "法治办 <fazhiban@example.gov.cn>",
  webhookUrl: "",
};

let t: TestDb;
let admin: ReturnType<typeof actor>;
let smtpPort = 0;
let webhookPort = 0;
let smtp: SMTPServer;
let webhook: http.Server;
const mails: Mail[] = [];
const hooks: unknown[] = [];
const ids = { point: 0, zongheStaff: 0, coordinator: 0 };

async function saveSettings(extra: Record<string, string> = {}) {
  const row = await t.db.outboundSettings.findUnique({ where: { id: 1 } });
  const input = updateOutboundSettingsSchema.parse({ ...SETTINGS_FORM, version: String(row?.version ?? 1), ...extra });
  return updateOutboundSettings(t.db, admin, input);
}

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: calendarDate(2026, 11, 22) });
  admin = actor(await userByName(t.db, "admin"));
  smtpPort = await freePort();
  webhookPort = await freePort();
  smtp = await startSmtp(smtpPort, mails);
  webhook = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hooks.push(JSON.parse(body));
      res.setHeader("content-type", "application/json");
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => webhook.listen(webhookPort, "127.0.0.1", () => resolve()));
  // One point of 综合科 we control: due 10 November, not done → 12 days overdue on 22 November.
  const plan = await t.db.plan.findUniqueOrThrow({ where: { year: 2026 }, include: { points: { orderBy: { number: "asc" } } } });
  const zonghe = await t.db.office.findUniqueOrThrow({ where: { name: "综合科" } });
  const point = plan.points.find((p) => p.leadOfficeId === zonghe.id && p.completedAt === null)!;
  await t.db.workPoint.update({ where: { id: point.id }, data: { deadline: calendarDate(2026, 11, 10) } });
  ids.point = point.id;
  ids.zongheStaff = (await userByName(t.db, "staff-zonghe")).id;
  ids.coordinator = (await userByName(t.db, "coordinator")).id;
  for (const [userId, email] of [[ids.zongheStaff, "zonghe@example.gov.cn"], [ids.coordinator, "fazhiban-li@example.gov.cn"]] as const) {
    await updateUserEmail(t.db, admin, updateUserEmailSchema.parse({ userId: String(userId), email }));
  }
}, 120_000);

afterAll(async () => {
  await stopSmtp(smtp);
  await new Promise<void>((resolve) => webhook.close(() => resolve()));
  await t.cleanup();
});

describe("settings", () => {
  it("stores the SMTP password sealed, never in clear, and keeps it when the field is left blank", async () => {
    await saveSettings({ smtpPort: String(smtpPort), smtpUser: "robot", smtpPassword: "S3cret-smtp!" });
    const row = await t.db.outboundSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(row.smtpPasswordSealed).toMatch(/^v1\./);
    expect(row.smtpPasswordSealed).not.toContain("S3cret");
    expect((await loadOutboundConfig(t.db)).smtp?.password).toBe("S3cret-smtp!");
    await saveSettings({ smtpPort: String(smtpPort), smtpUser: "robot" });
    expect((await loadOutboundConfig(t.db)).smtp?.password).toBe("S3cret-smtp!");
    const audits = await t.db.auditLog.findMany({ where: { entity: "OutboundSettings" } });
    expect(audits.length).toBe(2);
    expect(audits.map((a) => `${a.before}${a.after}`).join("")).not.toContain("S3cret");
    // Back to no authentication for the test server.
    await saveSettings({ smtpPort: String(smtpPort), clearSmtpPassword: "on", webhookUrl: `http://127.0.0.1:${webhookPort}/cgi-bin/webhook/send?key=test` });
    expect((await loadOutboundConfig(t.db)).smtp).toMatchObject({ user: "", password: "" });
  });

  it.each([
    [{ smtpPort: "70000" }, "smtpPort"],
    [{ smtpFrom: "" }, "smtpFrom"],
    [{ webhookUrl: "ftp://x" }, "webhookUrl"],
    [{ reminderLeadDays: "-1" }, "reminderLeadDays"],
    [{ smtpSecurity: "SSL3" }, "smtpSecurity"],
  ])("refuses %o", (extra, field) => {
    const parsed = updateOutboundSettingsSchema.safeParse({ ...SETTINGS_FORM, ...extra });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toContain(field);
  });
});

describe("到期催办 through the scheduler", () => {
  it("notifies the office and the 法治办 in the portal, e-mails them and posts the robot message", async () => {
    const result = await runTick(t.db, NOW);
    expect(result.planned?.reminders).toBeGreaterThan(0);
    const rows = await t.db.outboundMessage.findMany({ where: { dedupeKey: { startsWith: `due:${ids.point}:` } }, orderBy: { id: "asc" } });
    // Slots run weekly from the day after the deadline: 11 Nov, 18 Nov → the latest is 18 November.
    expect(rows.every((r) => r.dedupeKey.startsWith(`due:${ids.point}:2026-11-18:`))).toBe(true);
    const byChannel = (c: string) => rows.filter((r) => r.channel === c);
    expect(byChannel("PORTAL").map((r) => r.userId).sort()).toEqual([ids.zongheStaff, ids.coordinator].sort());
    expect(byChannel("EMAIL").map((r) => r.recipient).sort()).toEqual(["fazhiban-li@example.gov.cn", "zonghe@example.gov.cn"]);
    expect(byChannel("WEBHOOK")).toHaveLength(1);
    expect(rows.every((r) => r.status === "SENT")).toBe(true);

    const notes = await t.db.notification.findMany({ where: { link: `/points/${ids.point}`, title: { startsWith: "到期催办" } } });
    expect(notes.map((n) => n.userId).sort()).toEqual([ids.zongheStaff, ids.coordinator].sort());
    expect(notes[0].title).toContain("已逾期12天");

    // The office also owes last month's 进展反馈 (a reminder of its own); the 到期催办 is one mail.
    const received = mails.filter((m) => m.to.includes("zonghe@example.gov.cn") && decodedMail(m.raw).includes("到期催办"));
    expect(received).toHaveLength(1);
    expect(mails.filter((m) => m.to.includes("zonghe@example.gov.cn") && decodedMail(m.raw).includes("进展反馈提醒"))).toHaveLength(1);
    const text = decodedMail(received[0].raw);
    expect(text).toContain("到期催办");
    expect(text).toContain("已逾期12天");
    expect(text).toContain(`/points/${ids.point}`);
    expect(received[0].from).toBe("fazhiban@example.gov.cn");

    const robot = hooks.find((h) => JSON.stringify(h).includes(`/points/${ids.point}`)) as { msgtype: string; text: { content: string } };
    expect(robot.msgtype).toBe("text");
    expect(robot.text.content).toContain("到期催办");
  });

  it("sends nothing twice: a second tick, a restart (new lease owner) and a second instance add nothing", async () => {
    const before = { rows: await t.db.outboundMessage.count(), notes: await t.db.notification.count(), mails: mails.length, hooks: hooks.length };
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const { db: second, close } = secondInstance();
    try {
      const [a, b] = await Promise.all([runTick(t.db, later, { owner: "instance-a" }), runTick(second, later, { owner: "instance-b" })]);
      // One of the two took the planning lease.
      expect([a.planned, b.planned].filter(Boolean)).toHaveLength(1);
      // Even planning twice (no lease) adds nothing.
      const config = await loadOutboundConfig(t.db);
      await Promise.all([planReminders(t.db, later, config), planReminders(second, later, config)]);
    } finally {
      await close();
    }
    expect(await t.db.outboundMessage.count()).toBe(before.rows);
    expect(await t.db.notification.count()).toBe(before.notes);
    expect(mails.length).toBe(before.mails);
    expect(hooks.length).toBe(before.hooks);
  });

  it("the next weekly slot brings the next 催办", async () => {
    const nextWeek = new Date("2026-11-25T02:00:00Z");
    await runTick(t.db, nextWeek, { owner: "next-week" });
    const rows = await t.db.outboundMessage.findMany({ where: { dedupeKey: { startsWith: `due:${ids.point}:2026-11-25:` } } });
    expect(rows.filter((r) => r.channel === "EMAIL")).toHaveLength(2);
  });
});

describe("the outbox", () => {
  it("gives each row to exactly one of two concurrent claimers", async () => {
    const now = new Date("2026-11-23T02:00:00Z");
    for (let i = 0; i < 40; i += 1) {
      await enqueueOutbound(t.db, { channel: "EMAIL", recipient: `u${i}@example.gov.cn`, subject: "并发", body: "并发测试", dedupeKey: `concurrency:${i}`, now });
    }
    expect(await enqueueOutbound(t.db, { channel: "EMAIL", recipient: "u0@example.gov.cn", subject: "并发", body: "重复", dedupeKey: "concurrency:0", now })).toBe(false);
    const sentBy: Record<string, string[]> = { a: [], b: [] };
    const sender = (name: "a" | "b") => async (m: ClaimedMessage) => {
      sentBy[name].push(m.recipient);
      await new Promise((r) => setImmediate(r));
    };
    const { db: second, close } = secondInstance();
    try {
      await Promise.all([
        deliverDue(t.db, now, { EMAIL: sender("a") }, 100),
        deliverDue(second, now, { EMAIL: sender("b") }, 100),
      ]);
    } finally {
      await close();
    }
    const all = [...sentBy.a, ...sentBy.b].filter((r) => /^u\d+@/.test(r));
    expect(all).toHaveLength(40);
    expect(new Set(all).size).toBe(40);
    expect(await t.db.outboundMessage.count({ where: { dedupeKey: { startsWith: "concurrency:" }, status: "SENT" } })).toBe(40);
  });

  it("keeps a mail 未发送 while the SMTP server is down, backs off, and sends it when the server is up", async () => {
    const downPort = await freePort();
    await saveSettings({ smtpPort: String(downPort) });
    const config = await loadOutboundConfig(t.db);
    const { sendersFor } = await import("@/lib/outbound/senders");
    const t0 = new Date("2026-11-24T02:00:00Z");
    await enqueueOutbound(t.db, { channel: "EMAIL", recipient: "down@example.gov.cn", subject: "到期催办：测试", body: "服务器恢复后送达", dedupeKey: "down:1", now: t0 });
    const row = () => t.db.outboundMessage.findUniqueOrThrow({ where: { dedupeKey: "down:1" } });

    await deliverDue(t.db, t0, sendersFor(config));
    let r = await row();
    expect(r).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(r.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(r.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000);

    // Not due yet: nothing is tried.
    await deliverDue(t.db, new Date(t0.getTime() + 30_000), sendersFor(config));
    expect((await row()).attempts).toBe(1);

    const t1 = new Date(t0.getTime() + 60_000);
    await deliverDue(t.db, t1, sendersFor(config));
    r = await row();
    expect(r).toMatchObject({ status: "PENDING", attempts: 2 });
    expect(r.nextAttemptAt.getTime()).toBe(t1.getTime() + 120_000);

    const server = await startSmtp(downPort, mails);
    try {
      await deliverDue(t.db, new Date(t1.getTime() + 120_000), sendersFor(config));
    } finally {
      await stopSmtp(server);
    }
    r = await row();
    expect(r).toMatchObject({ status: "SENT", attempts: 3, lastError: "" });
    expect(mails.some((m) => m.to.includes("down@example.gov.cn"))).toBe(true);
  });

  it("marks a permanent refusal 失败, and a coordinator can queue it again", async () => {
    const now = new Date("2026-11-26T02:00:00Z");
    await enqueueOutbound(t.db, { channel: "EMAIL", recipient: "no-at-sign", subject: "x", body: "x", dedupeKey: "bad:1", now });
    const { sendersFor } = await import("@/lib/outbound/senders");
    await deliverDue(t.db, now, sendersFor(await loadOutboundConfig(t.db)));
    const failed = await t.db.outboundMessage.findUniqueOrThrow({ where: { dedupeKey: "bad:1" } });
    expect(failed.status).toBe("FAILED");
    const coordinator = actor(await userByName(t.db, "coordinator"));
    await retryOutbound(t.db, coordinator, failed.id, now);
    expect(await t.db.outboundMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "PENDING" });
    const sent = await t.db.outboundMessage.findFirstOrThrow({ where: { status: "SENT", channel: "EMAIL" } });
    await expect(retryOutbound(t.db, coordinator, sent.id, now)).rejects.toThrow("该消息已发送");
  });

  it("keeps a robot message 未发送 when the webhook answers an errcode or HTTP 500, and sends it once it answers ok", async () => {
    const answers = ['{"errcode":45009,"errmsg":"api freq out of limit"}', "HTTP500", '{"errcode":0,"errmsg":"ok"}'];
    const received: unknown[] = [];
    const port = await freePort();
    const robot = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push(JSON.parse(body));
        const answer = answers.shift()!;
        if (answer === "HTTP500") {
          res.statusCode = 500;
          res.end("error");
        } else res.end(answer);
      });
    });
    await new Promise<void>((resolve) => robot.listen(port, "127.0.0.1", () => resolve()));
    const { webhookSender } = await import("@/lib/outbound/senders");
    const send = { WEBHOOK: webhookSender(`http://127.0.0.1:${port}/send?key=k`, "https://fazhi.example.cn") };
    const t0 = new Date("2026-11-27T02:00:00Z");
    await enqueueOutbound(t.db, { channel: "WEBHOOK", recipient: "webhook", subject: "到期催办：第8项", body: "请抓紧办理", link: "/points/8", dedupeKey: "robot:1", now: t0 });
    const row = () => t.db.outboundMessage.findUniqueOrThrow({ where: { dedupeKey: "robot:1" } });
    try {
      await deliverDue(t.db, t0, send);
      expect(await row()).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringContaining("45009") });
      await deliverDue(t.db, new Date(t0.getTime() + 60_000), send);
      expect(await row()).toMatchObject({ status: "PENDING", attempts: 2, lastError: expect.stringContaining("HTTP 500") });
      await deliverDue(t.db, new Date(t0.getTime() + 180_000), send);
      expect(await row()).toMatchObject({ status: "SENT", attempts: 3 });
    } finally {
      await new Promise<void>((resolve) => robot.close(() => resolve()));
    }
    expect(received).toHaveLength(3);
    expect(received[2]).toEqual({ msgtype: "text", text: { content: "到期催办：第8项\n请抓紧办理\nhttps://fazhi.example.cn/points/8" } });
  });

  it("plans nothing when reminders are off", async () => {
    await saveSettings({ remindersEnabled: "" , smtpPort: String(smtpPort) });
    const count = await t.db.outboundMessage.count();
    const result = await runTick(t.db, new Date("2026-12-09T02:00:00Z"), { owner: "off" });
    expect(result.planned).toBeNull();
    expect(await t.db.outboundMessage.count()).toBe(count);
  });
});

