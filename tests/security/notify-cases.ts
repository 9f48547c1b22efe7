/**
 * The automatic reminders' and 情况通报's server actions for the permission matrix
 * (tests/security/action-cases.ts): settings and e-mail addresses by the 系统管理员, the outbox's
 * 重新发送 by the 法治办 and the administrator, bulletins drafted by the 法治办 and decided by a
 * leader. Each allowed call gets a fresh row. Test-only.
 */
import type { Db } from "@/lib/db";
import type { ActionCase, MatrixContext } from "@/tests/security/action-cases";

const OUTBOUND = "lib/outbound/actions.ts";
const BULLETIN = "lib/bulletins/actions.ts";

async function freshBulletin(c: MatrixContext, status: "DRAFT" | "IN_REVIEW") {
  const coordinator = await c.db.user.findUniqueOrThrow({ where: { username: "coordinator" } });
  return c.db.bulletin.create({
    data: {
      year: 2026,
      number: 1000 + c.seq(),
      periodStart: new Date(Date.UTC(2026, 0, 1)),
      periodEnd: new Date(Date.UTC(2026, 2, 31)),
      title: "关于2026年度法治建设工作要点落实情况的通报（矩阵）",
      content: "一、总体进展\n矩阵测试。",
      status,
      createdById: coordinator.id,
    },
  });
}

async function freshFailedMessage(c: MatrixContext) {
  const n = c.seq();
  return c.db.outboundMessage.create({
    data: { channel: "EMAIL", recipient: `matrix${n}@example.gov.cn`, subject: "矩阵", body: "矩阵", dedupeKey: `matrix:${n}`, status: "FAILED", attempts: 1, lastError: "550" },
  });
}

async function settingsVersion(db: Db): Promise<string> {
  return String((await db.outboundSettings.findUnique({ where: { id: 1 } }))?.version ?? 1);
}

export const NOTIFY_ACTION_CASES: ActionCase[] = [
  {
    file: OUTBOUND,
    name: "updateOutboundSettingsAction",
    allowed: ["ADMIN"],
    input: async (c) => ({
      version: await settingsVersion(c.db),
      reminderLeadDays: "7",
      overdueRepeatDays: "7",
      smtpHost: "",
      smtpPort: "25",
      smtpSecurity: "STARTTLS",
      smtpUser: "",
      smtpPassword: "",
      smtpFrom: "",
      webhookUrl: "",
    }),
  },
  {
    file: OUTBOUND,
    name: "updateUserEmailAction",
    allowed: ["ADMIN"],
    input: async (c) => ({ userId: String((await c.db.user.findUniqueOrThrow({ where: { username: "staff-zonghe" } })).id), email: `zonghe${c.seq()}@example.gov.cn` }),
  },
  {
    file: OUTBOUND,
    name: "retryOutboundAction",
    allowed: ["ADMIN", "COORDINATOR"],
    input: async (c) => ({ messageId: String((await freshFailedMessage(c)).id) }),
  },
  {
    file: BULLETIN,
    name: "generateBulletinAction",
    allowed: ["COORDINATOR"],
    input: () => ({ year: "2026", periodStart: "2026-01-01", periodEnd: "2026-03-31", docNumber: "" }),
  },
  {
    file: BULLETIN,
    name: "saveBulletinAction",
    allowed: ["COORDINATOR"],
    input: async (c) => {
      const b = await freshBulletin(c, "DRAFT");
      return { id: String(b.id), version: String(b.version), title: b.title, docNumber: "", content: "一、总体进展\n矩阵测试，已修改。" };
    },
  },
  {
    file: BULLETIN,
    name: "submitBulletinAction",
    allowed: ["COORDINATOR"],
    input: async (c) => {
      const b = await freshBulletin(c, "DRAFT");
      return { id: String(b.id), version: String(b.version) };
    },
  },
  {
    file: BULLETIN,
    name: "approveBulletinAction",
    allowed: ["LEADER"],
    input: async (c) => {
      const b = await freshBulletin(c, "IN_REVIEW");
      return { id: String(b.id), version: String(b.version) };
    },
  },
  {
    file: BULLETIN,
    name: "returnBulletinAction",
    allowed: ["LEADER"],
    input: async (c) => {
      const b = await freshBulletin(c, "IN_REVIEW");
      return { id: String(b.id), version: String(b.version), comment: "请补充各科室整改措施。" };
    },
  },
];
