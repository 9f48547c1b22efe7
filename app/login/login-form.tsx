"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

export function LoginForm() {
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) {
      setError("请输入用户名和密码");
      return;
    }
    setPending(true);
    setError("");
    const result = await signIn("credentials", { username, password, redirect: false });
    setPending(false);
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

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
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
      <button type="submit" className="btn-primary w-full justify-center py-2" disabled={pending}>
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
