import Link from "next/link";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { ActionForm } from "@/components/action-form";
import { retryOutboundAction } from "@/lib/outbound/actions";
import { CHANNEL_LABEL, OUTBOUND_STATUS_LABEL } from "@/lib/outbound/outbox";
import { listOutbox, parseOutboxFilter, OUTBOX_FILTERS, type OutboxFilter } from "@/lib/outbound/queries";
import { formatReportTime } from "@/lib/report/workflow";

export const metadata = { title: "提醒发送情况 - 法治建设工作台" };

const FILTER_LABEL: Record<OutboxFilter, string> = { PENDING: "未发送", FAILED: "失败", SENT: "已发送", ALL: "全部" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  await requirePageUser("outbound:manage");
  const filter = parseOutboxFilter((await searchParams).status);
  const { rows, count, lastRunAt } = await listOutbox(prisma, filter);
  return (
    <div className="space-y-4">
      <h1 className="page-title">提醒发送情况</h1>
      <p className="text-sm text-slate-600">
        自动提醒的邮件和政务微信/钉钉推送。发送失败的会自动重试（间隔逐次加倍，最长 1 小时），不会丢失。
        {lastRunAt ? `上次检查到期事项：${formatReportTime(lastRunAt)}。` : "自动提醒尚未运行（请系统管理员在“提醒设置”中开启）。"}
      </p>
      <nav className="flex flex-wrap gap-2" aria-label="按状态筛选">
        {OUTBOX_FILTERS.map((f) => (
          <Link key={f} href={`/supervision/outbox?status=${f}`} className={f === filter ? "btn-primary" : "btn"} data-testid={`outbox-filter-${f}`}>
            {FILTER_LABEL[f]}
            {f !== "ALL" ? `（${count[f] ?? 0}）` : ""}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? <p className="card text-sm text-slate-600">没有{FILTER_LABEL[filter]}的消息。</p> : null}
      {rows.length > 0 ? (
        <table className="table">
          <thead>
            <tr><th>状态</th><th>渠道</th><th>收件人</th><th>标题</th><th>尝试</th><th>下次尝试 / 发送时间</th><th>错误</th><th></th></tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id} data-testid="outbox-row" data-status={m.status}>
                <td>{OUTBOUND_STATUS_LABEL[m.status] ?? m.status}</td>
                <td>{CHANNEL_LABEL[m.channel] ?? m.channel}</td>
                <td>{m.recipient === "webhook" ? "群机器人" : m.recipient}</td>
                <td>{m.subject}</td>
                <td>{m.attempts}</td>
                <td>{m.status === "SENT" ? (m.sentAt ? formatReportTime(m.sentAt) : "") : formatReportTime(m.nextAttemptAt)}</td>
                <td className="text-xs text-red-700">{m.lastError}</td>
                <td>
                  {m.status !== "SENT" ? (
                    <ActionForm action={retryOutboundAction} submitLabel="立即重试" buttonClassName="btn">
                      <input type="hidden" name="messageId" value={m.id} />
                    </ActionForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
