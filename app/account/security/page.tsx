import Link from "next/link";
import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { isAdminRole, ROLE_LABEL } from "@/lib/auth/roles";
import { SECURITY_STEP_PAGE } from "@/lib/auth/security-gate";
import { createEnrolmentOffer, remainingRecoveryCodes } from "@/lib/auth/second-factor";
import { RECOVERY_CODE_COUNT } from "@/lib/auth/totp";
import { SignOutButton } from "@/components/sign-out-button";
import { TotpPanel } from "./totp-panel";

export const metadata = { title: "账户安全 - 法治建设工作台" };
export const dynamic = "force-dynamic";

/**
 * The account's second factor (等保 2.0). Outside the portal layout on purpose: an administrative
 * account without a factor is sent here by the security gate and may use nothing else until it has
 * enrolled. Each visit offers a fresh secret; nothing is stored until a code confirms it.
 */
export default async function AccountSecurityPage() {
  const user = await requirePageUser(undefined, { allowPendingStep: true });
  if (user.securityStep === "password") redirect(SECURITY_STEP_PAGE.password);
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  const remaining = row.totpEnabledAt ? await remainingRecoveryCodes(prisma, user.id) : 0;
  const offer = createEnrolmentOffer(user);
  const svg = await QRCode.toString(offer.uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  const qrDataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  const pending = user.securityStep === "totp";

  return (
    <div className="min-h-screen bg-slate-50">
      <header className="bg-brand text-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="text-lg font-semibold tracking-wide">法治建设工作台</span>
          <span className="flex-1 text-sm text-red-100">账户安全</span>
          <div className="flex items-center gap-3 text-sm">
            <span data-testid="current-user">
              {user.displayName}
              <span className="ml-1 text-red-100">（{ROLE_LABEL[user.role]}）</span>
            </span>
            {pending ? null : (
              <Link href="/dashboard" className="rounded px-2 py-1 hover:bg-white/15">返回工作台</Link>
            )}
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <h1 className="text-xl font-semibold">双因素认证（动态验证码）</h1>
        {pending ? (
          <p role="status" data-testid="totp-required-notice" className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            管理员账户须启用双因素认证：请先完成下面的绑定，之后才能使用系统的其他功能。
          </p>
        ) : null}
        <TotpPanel
          enabledAt={row.totpEnabledAt ? row.totpEnabledAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : null}
          canDisable={!isAdminRole(user.role)}
          remaining={remaining}
          total={RECOVERY_CODE_COUNT}
          offer={offer}
          qrDataUrl={qrDataUrl}
          afterSave={pending ? "/dashboard" : "/account/security"}
        />
      </main>
    </div>
  );
}
