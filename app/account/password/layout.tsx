import Link from "next/link";
import { requirePageUser } from "@/lib/auth/dal";
import { SESSION_IDLE_SECONDS } from "@/lib/auth/options";
import { SignOutButton } from "@/components/sign-out-button";
import { SessionKeepAlive } from "@/components/session-keep-alive";

/**
 * Outside the (portal) group on purpose: the portal layout sends an account with a pending
 * password change here, so this layout admits it ({ allowPendingStep: true }).
 */
export default async function AccountPasswordLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser(undefined, { allowPendingStep: true });
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="no-print bg-brand text-white">
        <div className="mx-auto flex max-w-3xl items-center gap-4 px-4 py-3">
          {user.securityStep ? (
            <span className="text-lg font-semibold tracking-wide">法治建设工作台</span>
          ) : (
            <Link href="/dashboard" className="text-lg font-semibold tracking-wide">法治建设工作台</Link>
          )}
          <span className="flex-1" />
          <span className="text-sm" data-testid="current-user">{user.displayName}</span>
          <SignOutButton />
        </div>
      </header>
      <SessionKeepAlive idleMinutes={SESSION_IDLE_SECONDS / 60} userId={user.id} />
      <main className="mx-auto max-w-3xl px-4 py-8">{children}</main>
    </div>
  );
}
