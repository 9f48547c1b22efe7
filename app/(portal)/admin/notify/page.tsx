import Link from "next/link";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { OutboundSettingsForm } from "@/components/outbound/settings-form";
import { RecipientsTable } from "@/components/outbound/recipients-table";
import { listRecipients } from "@/lib/outbound/queries";

export const metadata = { title: "提醒设置 - 法治建设工作台" };

export default async function NotifySettingsPage() {
  await requirePageUser("admin:settings");
  const [row, users] = await Promise.all([prisma.outboundSettings.findUnique({ where: { id: 1 } }), listRecipients(prisma)]);
  const settings = {
    version: row?.version ?? 1,
    remindersEnabled: row?.remindersEnabled ?? false,
    reminderLeadDays: row?.reminderLeadDays ?? 7,
    overdueRepeatDays: row?.overdueRepeatDays ?? 7,
    smtpHost: row?.smtpHost ?? "",
    smtpPort: row?.smtpPort ?? 25,
    smtpSecurity: row?.smtpSecurity ?? "STARTTLS",
    smtpUser: row?.smtpUser ?? "",
    hasPassword: Boolean(row?.smtpPasswordSealed),
    smtpFrom: row?.smtpFrom ?? "",
    webhookUrl: row?.webhookUrl ?? "",
  };
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title mb-0">提醒设置</h1>
        <Link className="btn" href="/supervision/outbox">查看发送情况</Link>
      </div>
      <section className="card" aria-labelledby="notify-settings-title">
        <h2 id="notify-settings-title" className="mb-3 font-semibold">自动提醒与发送渠道</h2>
        <OutboundSettingsForm settings={settings} />
      </section>
      <section className="card" aria-labelledby="recipients-title">
        <h2 id="recipients-title" className="mb-3 font-semibold">人员邮箱</h2>
        <RecipientsTable users={users} />
      </section>
    </div>
  );
}
