import Link from "next/link";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { passwordChangeReason, PASSWORD_RULES_TEXT } from "@/lib/auth/password-policy";
import { passwordMaxAgeDays } from "@/lib/auth/security-gate";
import { DEMO_USERNAMES, isDemoMode } from "@/lib/seed/demo-accounts";
import { PasswordForm } from "./password-form";

export const metadata = { title: "修改密码 - 法治建设工作台" };

export default async function ChangePasswordPage() {
  const user = await requirePageUser(undefined, { allowPendingStep: true });
  const account = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { mustChangePassword: true, passwordChangedAt: true } });
  const maxAgeDays = passwordMaxAgeDays();
  const reason = passwordChangeReason(account, { now: new Date(), passwordMaxAgeDays: maxAgeDays, exempt: isDemoMode() && DEMO_USERNAMES.has(user.username) });
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-xl font-semibold text-slate-900">修改密码</h1>
      {reason === "initial" ? (
        <p role="note" data-testid="password-reason" className="mb-4 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          您正在使用管理员设置的初始密码或重置后的密码。为保障账户安全，请先设置您自己的新密码，然后才能使用系统。
        </p>
      ) : reason === "expired" ? (
        <p role="note" data-testid="password-reason" className="mb-4 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          您的密码已使用超过 {maxAgeDays} 天，按照安全规定须定期更换。请设置新密码后继续使用系统。
        </p>
      ) : null}
      <div className="mb-6 text-sm text-slate-600">
        <p className="mb-1 font-medium text-slate-700">新密码须符合以下要求：</p>
        <ul className="list-disc pl-5">
          {PASSWORD_RULES_TEXT.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
          {maxAgeDays > 0 ? <li>密码有效期为 {maxAgeDays} 天，到期后须更换</li> : null}
        </ul>
      </div>
      <PasswordForm username={user.username} />
      {reason === null && !user.securityStep ? (
        <p className="mt-6 text-sm">
          <Link href="/dashboard" className="text-brand underline-offset-2 hover:underline">返回工作台</Link>
        </p>
      ) : null}
    </div>
  );
}
