import { prisma } from "@/lib/db";
import { unreadNotificationCount } from "@/lib/reminders/queries";

/** The header's bell: unread notifications (督办提醒, 反馈) of the signed-in user. */
export async function NotificationBell({ userId }: { userId: number }) {
  const unread = await unreadNotificationCount(prisma, userId);
  return (
    <a href="/notifications" className="relative rounded px-2 py-1 hover:bg-white/15" aria-label={`消息通知，${unread} 条未读`}>
      <svg aria-hidden viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" className="inline-block">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span data-testid="unread-count" className="absolute -right-1 -top-1 rounded-full bg-yellow-400 px-1.5 text-xs font-semibold text-slate-900">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </a>
  );
}
