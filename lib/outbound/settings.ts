/**
 * The automatic reminders' settings (one row, OutboundSettings id 1), edited by the 系统管理员 on
 * /admin/notify. They live in the database, not in environment variables, so every instance uses
 * the same server and a change needs no restart. The SMTP password is sealed with AES-256-GCM
 * under a key derived by HKDF from the auth secret (as the TOTP secrets, lib/auth/totp.ts); it is
 * never shown again, and a changed auth secret makes it unreadable (enter it again).
 */

import type { Db, Tx } from "@/lib/db";
import { ensureAuthSecret } from "@/lib/config";
import { deriveKey, seal, unseal } from "@/lib/auth/totp";

export const SMTP_SECURITY = ["NONE", "STARTTLS", "TLS"] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];
export const SMTP_SECURITY_LABEL: Record<SmtpSecurity, string> = {
  NONE: "不加密（内网中继）",
  STARTTLS: "STARTTLS（通常端口 587/25）",
  TLS: "SSL/TLS（通常端口 465）",
};

export interface OutboundConfig {
  leadDays: number;
  repeatDays: number;
  remindersEnabled: boolean;
  smtp: SmtpConfig | null;
  webhookUrl: string;
}

export interface SmtpConfig {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  password: string;
  from: string;
}

export const DEFAULT_CONFIG: OutboundConfig = { leadDays: 7, repeatDays: 7, remindersEnabled: false, smtp: null, webhookUrl: "" };

const PASSWORD_CONTEXT = "smtp-password:settings:1";

function passwordKey(): Buffer {
  return deriveKey(ensureAuthSecret(), "smtp-password");
}

export function sealSmtpPassword(password: string): string {
  return password ? seal(passwordKey(), password, PASSWORD_CONTEXT) : "";
}

export function openSmtpPassword(sealed: string): string | null {
  return sealed ? unseal(passwordKey(), sealed, PASSWORD_CONTEXT) : "";
}

function isSecurity(value: string): value is SmtpSecurity {
  return (SMTP_SECURITY as readonly string[]).includes(value);
}

/** The settings in force; SMTP is off until host and sender address are set. */
export async function loadOutboundConfig(db: Db | Tx): Promise<OutboundConfig> {
  const row = await db.outboundSettings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_CONFIG;
  const password = openSmtpPassword(row.smtpPasswordSealed);
  const smtp: SmtpConfig | null =
    row.smtpHost && row.smtpFrom
      ? {
          host: row.smtpHost,
          port: row.smtpPort,
          security: isSecurity(row.smtpSecurity) ? row.smtpSecurity : "STARTTLS",
          user: row.smtpUser,
          // An unreadable password (auth secret changed) is sent as none; the server's refusal shows in lastError.
          password: password ?? "",
          from: row.smtpFrom,
        }
      : null;
  return {
    leadDays: row.reminderLeadDays,
    repeatDays: row.overdueRepeatDays,
    remindersEnabled: row.remindersEnabled,
    smtp,
    webhookUrl: row.webhookUrl,
  };
}
