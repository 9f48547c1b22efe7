"use client";

import { useEffect } from "react";

const REFRESH_EVERY_MS = 5 * 60 * 1000;

/**
 * Sessions end after 8 hours without activity. Page renders cannot re-issue the session cookie, so
 * while the user is active (clicks, keys) this asks next-auth's session endpoint, at most every
 * five minutes, which re-issues the JWT with a fresh 8-hour expiry. The 7-day absolute limit is
 * enforced on the server regardless.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      if (Date.now() - last < REFRESH_EVERY_MS) return;
      last = Date.now();
      void fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" });
    };
    window.addEventListener("pointerdown", onActivity);
    window.addEventListener("keydown", onActivity);
    return () => {
      window.removeEventListener("pointerdown", onActivity);
      window.removeEventListener("keydown", onActivity);
    };
  }, []);
  return null;
}
