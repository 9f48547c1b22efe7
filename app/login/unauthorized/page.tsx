import Link from "next/link";
import { readUnauthorizedParams, type SsoRefusal } from "@/lib/auth/sso";

export const metadata = { title: "尚未授权 - 法治建设工作台" };
// Rendered per request (the CSP nonce, and the signed identity in the query).
export const dynamic = "force-dynamic";

const EXPLANATION: Record<SsoRefusal, string> = {
  unknown: "您已通过统一身份认证，但该身份在本系统中尚未开通账户。本系统不会自动创建账户，账户、角色和所属科室由系统管理员在本系统中开通和维护。",
  disabled: "您已通过统一身份认证，但本系统中对应的账户已停用。",
  locked: "您已通过统一身份认证，但本系统中对应的账户已被临时锁定。",
  "no-username": "统一身份认证未提供可用于匹配本系统账户的用户名，请联系系统管理员核对单点登录配置（OIDC_USERNAME_CLAIM）。",
};

/**
 * Where an SSO identity without an (active) portal account lands (lib/auth/sso.ts): says who was
 * recognised, that no account was created, and whom to ask. Public: the visitor has no session.
 */
export default async function UnauthorizedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { reason, identity } = readUnauthorizedParams(await searchParams);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-red-50 to-slate-100 p-4">
      <div className="card w-full max-w-md" data-testid="sso-unauthorized">
        <h1 className="mb-3 text-xl font-semibold text-red-700">尚未授权访问法治建设工作台</h1>
        {identity ? (
          <p className="mb-2 text-sm text-slate-700">
            统一身份认证账号：<strong data-testid="sso-identity">{identity}</strong>
          </p>
        ) : null}
        <p className="mb-2 text-sm text-slate-600">{EXPLANATION[reason]}</p>
        <p className="mb-4 text-sm text-slate-600">
          {reason === "unknown" ? "该账号尚未开通本系统权限，" : ""}请联系本系统的系统管理员开通
          {identity ? <>，并告知上述账号名</> : null}。开通后重新登录即可。
        </p>
        <Link href="/login" className="btn">返回登录页</Link>
      </div>
    </main>
  );
}
