import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/dal";
import { ssoConfig } from "@/lib/auth/sso-config";
import { LoginForm } from "./login-form";

export const metadata = { title: "登录 - 法治建设工作台" };

/** next-auth's error codes on a failed OIDC sign-in (pages.error is this page). */
const SSO_ERROR_MESSAGE: Record<string, string> = {
  OAuthSignin: "无法连接统一身份认证服务，请稍后再试；如持续出现请联系系统管理员",
  OAuthCallback: "统一身份认证登录未完成（认证结果无效或已过期），请重新登录",
  Callback: "统一身份认证登录未完成，请重新登录",
  AccessDenied: "统一身份认证登录被拒绝",
  OAuthAccountNotLinked: "统一身份认证登录未完成，请重新登录",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getCurrentUser()) redirect("/dashboard");
  const config = ssoConfig();
  const error = (await searchParams).error;
  const code = Array.isArray(error) ? error[0] : error;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-red-50 to-slate-100 p-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow">
        <h1 className="mb-1 text-center text-2xl font-semibold text-brand">法治建设工作台</h1>
        <p className="mb-6 text-center text-sm text-slate-500">机关法治建设工作要点 · 台账 · 督办 · 年度报告</p>
        <LoginForm
          oidcName={config.oidc?.name ?? null}
          directory={config.ldap !== null}
          localLogin={config.localLogin}
          initialError={code ? (SSO_ERROR_MESSAGE[code] ?? "登录未完成，请重新登录") : ""}
        />
      </div>
    </main>
  );
}
