"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** What the server answers when the password is right and the account's second factor is needed (lib/auth/login.ts). */
const TOTP_REQUIRED = "TOTP_REQUIRED";

/** "directory": the LDAP / AD password (when configured); "local": the portal's own password. */
type Mode = "directory" | "local";

export interface LoginFormProps {
  /** The OIDC button's label, or null when OIDC is not configured. */
  oidcName: string | null;
  /** LDAP / AD is configured: the password form checks the directory. */
  directory: boolean;
  /** LOCAL_LOGIN: off leaves the local password only as the administrators' emergency login. */
  localLogin: boolean;
  /** A message from a failed OIDC sign-in (next-auth's ?error=). */
  initialError?: string;
}

export function LoginForm({ oidcName = null, directory = false, localLogin = true, initialError = "" }: Partial<LoginFormProps>) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  // Without LDAP and with local login off, the password form is only the emergency login, opened on request.
  const [mode, setMode] = useState<Mode | null>(directory ? "directory" : localLogin ? "local" : null);
  const emergency = mode === "local" && !localLogin;
  // Second step: the username and password are kept here and sent again with the code.
  const [credentials, setCredentials] = useState<{ username: string; password: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = credentials?.username ?? String(form.get("username") ?? "").trim();
    const password = credentials?.password ?? String(form.get("password") ?? "");
    const otp = credentials ? String(form.get("otp") ?? "").trim() : "";
    if (!username || !password) {
      setError("请输入用户名和密码");
      return;
    }
    if (credentials && !otp) {
      setError("请输入动态验证码或恢复码");
      return;
    }
    setPending(true);
    setError("");
    const result = await signIn("credentials", { username, password, otp, mode: mode === "local" ? "local" : "directory", redirect: false });
    setPending(false);
    if (result?.error === TOTP_REQUIRED) {
      setCredentials({ username, password });
      return;
    }
    if (result?.status === 429) {
      // The server's login limiter is full (an anonymous flood): nothing was checked or counted.
      setError("登录请求过多，请稍后再试");
      return;
    }
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "用户名或密码错误");
      return;
    }
    // A full navigation so every server component re-reads the new session.
    window.location.assign("/dashboard");
  }

  async function onOidc() {
    setPending(true);
    setError("");
    // Leaves for the IdP; on return next-auth lands on /dashboard (or /login/unauthorized).
    await signIn("oidc", { callbackUrl: "/dashboard" });
  }

  const switchTo = (next: Mode | null) => {
    setMode(next);
    setError("");
  };

  if (credentials) {
    return (
      <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="otp-step">
        <p className="text-sm text-slate-600">
          账户 <strong>{credentials.username}</strong> 已启用双因素认证，请输入验证器（身份验证器 App）当前显示的 6 位动态验证码，或一个未使用的恢复码。
        </p>
        <div>
          <label className="label" htmlFor="otp">动态验证码</label>
          <input
            id="otp"
            name="otp"
            autoComplete="one-time-code"
            inputMode="text"
            className="input tracking-widest"
            autoFocus
            required
            maxLength={32}
          />
        </div>
        {error ? (
          <p role="alert" data-testid="login-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>
        ) : null}
        <button type="submit" className="btn-primary w-full justify-center py-2" disabled={pending}>
          {pending ? "正在验证…" : "验证并登录"}
        </button>
        <button
          type="button"
          className="w-full text-center text-sm text-slate-500 hover:underline"
          onClick={() => {
            setCredentials(null);
            setError("");
          }}
        >
          返回，重新输入用户名和密码
        </button>
      </form>
    );
  }

  return (
    <div className="space-y-4">
      {oidcName ? (
        <button type="button" data-testid="sso-login" className="btn-primary w-full justify-center py-2" onClick={onOidc} disabled={pending}>
          {oidcName}
        </button>
      ) : null}
      {oidcName && mode ? <p className="text-center text-xs text-slate-400">或</p> : null}
      {mode ? (
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {mode === "directory" ? <p className="text-xs text-slate-500">使用统一身份认证（域）账号和密码登录</p> : null}
          {emergency ? (
            <p className="rounded bg-amber-50 px-3 py-2 text-xs text-amber-800" data-testid="emergency-note">
              管理员应急登录：本地密码登录已关闭，仅系统管理员、安全保密管理员和安全审计员可在统一身份认证不可用时使用本系统密码登录。
            </p>
          ) : null}
          <div>
            <label className="label" htmlFor="username">用户名</label>
            <input id="username" name="username" autoComplete="username" className="input" required />
          </div>
          <div>
            <label className="label" htmlFor="password">密码</label>
            <input id="password" name="password" type="password" autoComplete="current-password" className="input" required />
          </div>
          {error ? (
            <p role="alert" data-testid="login-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>
          ) : null}
          <button type="submit" className={`${oidcName ? "btn" : "btn-primary"} w-full justify-center py-2`} disabled={pending}>
            {pending ? "正在登录…" : "登录"}
          </button>
        </form>
      ) : error ? (
        <p role="alert" data-testid="login-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>
      ) : null}
      <div className="text-center text-xs">
        {directory && mode === "directory" && localLogin ? (
          <button type="button" className="text-slate-500 underline" onClick={() => switchTo("local")}>使用本系统账号密码登录</button>
        ) : null}
        {directory && mode === "local" ? (
          <button type="button" className="text-slate-500 underline" onClick={() => switchTo("directory")}>使用统一身份认证（域）账号登录</button>
        ) : null}
        {!localLogin && mode !== "local" ? (
          <button type="button" data-testid="emergency-login" className="text-slate-400 underline" onClick={() => switchTo("local")}>管理员应急登录</button>
        ) : null}
        {!directory && !localLogin && mode === "local" ? (
          <button type="button" className="text-slate-500 underline" onClick={() => switchTo(null)}>返回</button>
        ) : null}
      </div>
    </div>
  );
}
