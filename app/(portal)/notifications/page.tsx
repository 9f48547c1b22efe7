import { requirePageUser } from "@/lib/auth/dal";
import { prisma } from "@/lib/db";
import { ActionForm } from "@/components/action-form";
import { formatChineseDate } from "@/lib/progress";
import { markAllReadAction, openNotificationAction } from "@/lib/reminders/actions";
import { listNotifications } from "@/lib/reminders/queries";

export const metadata = { title: "消息通知 - 法治建设工作台" };

function beijingTime(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3_600_000);
  return `${formatChineseDate(local)} ${local.toISOString().slice(11, 16)}`;
}

export default async function NotificationsPage() {
  const user = await requirePageUser("notification:read");
  const notifications = await listNotifications(prisma, user.id);
  const unread = notifications.filter((n) => n.readAt === null).length;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title mb-0">消息通知</h1>
        {unread > 0 ? <ActionForm action={markAllReadAction} submitLabel="全部标为已读" buttonClassName="btn" /> : null}
      </div>
      {notifications.length === 0 ? <p className="card text-sm text-slate-600">暂无消息。</p> : null}
      <ul className="space-y-2">
        {notifications.map((n) => (
          <li key={n.id} data-testid="notification" data-unread={n.readAt === null ? "true" : "false"} className={`card ${n.readAt === null ? "border-l-4 border-l-brand" : "opacity-80"}`}>
            <ActionForm action={openNotificationAction} submitLabel="查看" buttonClassName="btn" className="flex flex-wrap items-end justify-between gap-3">
              <input type="hidden" name="notificationId" value={n.id} />
              <div className="min-w-0 flex-1">
                <div className="font-medium">
                  {n.readAt === null ? <span className="mr-2 rounded bg-brand px-1.5 py-0.5 text-xs text-white">未读</span> : null}
                  {n.title}
                </div>
                {n.body ? <p className="mt-1 text-sm text-slate-700">{n.body}</p> : null}
                <div className="mt-1 text-xs text-slate-500">{beijingTime(n.createdAt)}</div>
              </div>
            </ActionForm>
          </li>
        ))}
      </ul>
    </div>
  );
}
