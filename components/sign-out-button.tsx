"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" className="text-sm text-red-100 hover:text-white" onClick={() => signOut({ callbackUrl: "/login" })}>
      退出登录
    </button>
  );
}
