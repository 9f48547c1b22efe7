/**
 * The channels' senders: e-mail through the unit's SMTP server (nodemailer) and the 政务微信 /
 * 钉钉 group robot webhook (POST JSON). Each throws on failure; DeliveryError(permanent) marks a
 * message 失败, anything else is retried with back-off.
 */

import nodemailer from "nodemailer";
import { DeliveryError } from "./backoff";
import { emailText, webhookPayload } from "./messages";
import type { ClaimedMessage, Senders } from "./outbox";
import type { OutboundConfig, SmtpConfig } from "./settings";

const TIMEOUT_MS = 15_000;

export function smtpTransport(config: SmtpConfig) {
  return nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === "TLS",
    requireTLS: config.security === "STARTTLS",
    ignoreTLS: config.security === "NONE",
    auth: config.user ? { user: config.user, pass: config.password } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
}

export function emailSender(config: SmtpConfig, portalUrl: string) {
  const transport = smtpTransport(config);
  return async (message: ClaimedMessage) => {
    if (!message.recipient.includes("@")) throw new DeliveryError("收件地址无效", true);
    await transport.sendMail({
      from: config.from,
      to: message.recipient,
      subject: message.subject,
      text: emailText(message.body, message.link ? absoluteLink(portalUrl, message.link) : ""),
    });
  };
}

export function webhookSender(url: string, portalUrl: string) {
  return async (message: ClaimedMessage) => {
    const payload = webhookPayload(message.subject, message.body, message.link ? absoluteLink(portalUrl, message.link) : "");
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
    const text = await response.text();
    if (!response.ok) throw new DeliveryError(`推送地址返回 HTTP ${response.status}`, response.status >= 400 && response.status < 500 && response.status !== 429);
    // 企业微信 / 钉钉 answer 200 with {"errcode":0,"errmsg":"ok"}; another errcode is a refusal.
    let errcode: unknown = 0;
    try {
      errcode = (JSON.parse(text) as { errcode?: unknown }).errcode ?? 0;
    } catch {
      errcode = 0;
    }
    if (errcode !== 0) throw new DeliveryError(`推送地址返回错误：${text.slice(0, 200)}`, false);
  };
}

function absoluteLink(portalUrl: string, link: string): string {
  return portalUrl ? `${portalUrl.replace(/\/+$/, "")}${link}` : link;
}

/** The public URL links in messages point at (NEXTAUTH_URL, else localhost and PORT). */
export function portalUrl(): string {
  return process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || 3000}`;
}

export function sendersFor(config: OutboundConfig, url = portalUrl()): Senders {
  return {
    ...(config.smtp ? { EMAIL: emailSender(config.smtp, url) } : {}),
    ...(config.webhookUrl ? { WEBHOOK: webhookSender(config.webhookUrl, url) } : {}),
  };
}
