"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/**
 * Logging out revokes the session on the server (lib/auth/revocation.ts); when that fails the
 * server answers without a `url` and a message, and the user stays on the page and is told so
 * rather than being sent to a login page that would still see them logged in.
 */
export function SignOutButton() {
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    setError("");
    let data: { url?: string; message?: string } | undefined;
    try {
      data = (await signOut({ redirect: false, callbackUrl: "/login" })) as typeof data;
    } catch {
      data = undefined;
    }
    setPending(false);
    if (!data?.url) {
      setError(data?.message ?? "退出登录失败，请稍后重试");
      return;
    }
    window.location.assign("/login");
  }

  return (
    <span className="inline-flex items-center gap-2">
      {error ? (
        <span role="alert" className="text-xs text-yellow-100">{error}</span>
      ) : null}
      <button type="button" className="text-sm text-red-100 hover:text-white" onClick={onClick} disabled={pending}>
        退出登录
      </button>
    </span>
  );
}
