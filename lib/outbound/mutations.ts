/** Writes of the reminders' settings, users' e-mail addresses and the outbox (retry), audited. */

import type { Db } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { ConflictError, UserFacingError } from "@/lib/action-state";
import { isAdminRole, isRole } from "@/lib/auth/roles";
import { sealSmtpPassword } from "./settings";
import type { UpdateOutboundSettingsInput, UpdateUserEmailInput } from "./schemas";

/** The audited view of the settings: never the sealed password, only whether one is stored. */
function auditView(row: { smtpPasswordSealed: string } & Record<string, unknown>) {
  const { smtpPasswordSealed, ...rest } = row;
  return { ...rest, smtpPassword: smtpPasswordSealed ? "（已设置）" : "" };
}

export async function updateOutboundSettings(db: Db, actor: AuditActor, input: UpdateOutboundSettingsInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.outboundSettings.findUnique({ where: { id: 1 } });
    const sealed = input.clearSmtpPassword ? "" : input.smtpPassword ? sealSmtpPassword(input.smtpPassword) : (before?.smtpPasswordSealed ?? "");
    const data = {
      remindersEnabled: input.remindersEnabled,
      reminderLeadDays: input.reminderLeadDays,
      overdueRepeatDays: input.overdueRepeatDays,
      smtpHost: input.smtpHost,
      smtpPort: input.smtpPort,
      smtpSecurity: input.smtpSecurity,
      smtpUser: input.smtpUser,
      smtpPasswordSealed: sealed,
      smtpFrom: input.smtpFrom,
      webhookUrl: input.webhookUrl,
    };
    if (!before) {
      const created = await tx.outboundSettings.create({ data: { id: 1, ...data } });
      await writeAudit(tx, actor, { entity: "OutboundSettings", entityId: 1, action: "create", after: auditView(created) });
      return created;
    }
    const { count } = await tx.outboundSettings.updateMany({ where: { id: 1, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError();
    const after = await tx.outboundSettings.findUniqueOrThrow({ where: { id: 1 } });
    await writeAudit(tx, actor, { entity: "OutboundSettings", entityId: 1, action: "update", before: auditView(before), after: auditView(after) });
    return after;
  });
}

/** The 系统管理员 sets a business account's e-mail address (administrative accounts get no reminders). */
export async function updateUserEmail(db: Db, actor: AuditActor, input: UpdateUserEmailInput) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true, email: true } });
    if (!user || !isRole(user.role) || isAdminRole(user.role)) throw new UserFacingError("用户不存在或不接收提醒");
    if (user.email === input.email) return user;
    await tx.user.update({ where: { id: user.id }, data: { email: input.email } });
    await writeAudit(tx, actor, { entity: "User", entityId: user.id, action: "update.email", before: { email: user.email }, after: { email: input.email } });
    return { ...user, email: input.email };
  });
}

/** Queues a 未发送 or 失败 message again for now (the coordinator's "重新发送"). */
export async function retryOutbound(db: Db, actor: AuditActor, messageId: number, now = new Date()) {
  return db.$transaction(async (tx) => {
    const message = await tx.outboundMessage.findUnique({ where: { id: messageId }, select: { id: true, status: true, channel: true, version: true } });
    if (!message || message.channel === "PORTAL") throw new UserFacingError("消息不存在");
    if (message.status === "SENT") throw new UserFacingError("该消息已发送，无需重新发送");
    const { count } = await tx.outboundMessage.updateMany({
      where: { id: message.id, version: message.version, status: { in: ["PENDING", "FAILED"] }, claimToken: "" },
      data: { status: "PENDING", nextAttemptAt: now, claimToken: "", version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, actor, { entity: "OutboundMessage", entityId: message.id, action: "retry", before: { status: message.status } });
  });
}
