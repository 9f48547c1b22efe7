import { requirePageUser } from "@/lib/auth/dal";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { navFor } from "@/components/nav";
import { SignOutButton } from "@/components/sign-out-button";
import { NotificationBell } from "@/components/notification-bell";
import { SessionKeepAlive } from "@/components/session-keep-alive";
import { SESSION_IDLE_SECONDS } from "@/lib/auth/options";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const items = navFor(user.role);
  return (
    <div className="min-h-screen">
      <header className="no-print bg-brand text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <a href="/dashboard" className="text-lg font-semibold tracking-wide">法治建设工作台</a>
          <nav aria-label="主导航" className="flex flex-1 flex-wrap gap-1">
            {items.map((item) => (
              <a key={item.href} href={item.href} className="rounded px-2 py-1 text-sm text-red-50 hover:bg-white/15">
                {item.label}
              </a>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <NotificationBell userId={user.id} />
            <span data-testid="current-user">
              {user.displayName}
              <span className="ml-1 text-red-100">（{ROLE_LABEL[user.role]}{user.officeName ? ` · ${user.officeName}` : ""}）</span>
            </span>
            <a href="/account/password" className="text-red-100 underline-offset-2 hover:underline">修改密码</a>
            <a href="/account/security" className="rounded px-2 py-1 text-red-50 hover:bg-white/15">账户安全</a>
            <SignOutButton />
          </div>
        </div>
      </header>
      <SessionKeepAlive idleMinutes={SESSION_IDLE_SECONDS / 60} userId={user.id} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
