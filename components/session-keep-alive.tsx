"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { idleState, renewInterval, type IdleState } from "@/lib/auth/session-policy";

/** Shared by the portal's tabs: a renewal in one tab keeps the others from warning or timing out. */
const STORAGE_KEY = "portal.session";

interface SharedRenewal {
  uid: number;
  renewedAt: number;
  expiresAt: number;
}

function readShared(uid: number): SharedRenewal | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "null") as SharedRenewal | null;
    return value && value.uid === uid && typeof value.expiresAt === "number" && typeof value.renewedAt === "number" ? value : null;
  } catch {
    return null;
  }
}

function writeShared(value: SharedRenewal) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Storage off (private mode, policy): each tab keeps its own count.
  }
}

type Check = "alive" | "ended" | "other-user" | "unknown";

/** Asks next-auth's session endpoint, which re-issues the JWT and its cookie with a fresh idle limit if the session lives. */
async function renewOnServer(uid: number): Promise<Check> {
  try {
    const response = await fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) return "unknown";
    const body = (await response.json()) as { uid?: unknown };
    if (typeof body?.uid !== "number") return "ended";
    return body.uid === uid ? "alive" : "other-user";
  } catch {
    return "unknown";
  }
}

/**
 * The idle timeout in the browser (lib/auth/session-policy.ts). The server ends a session
 * SESSION_IDLE_MINUTES after its JWT was last issued; page renders and server actions cannot
 * re-issue it, so this component renews it through /api/auth/session when the user is active (keys,
 * pointer), at most every few minutes. It counts the time in the browser's own clock from each
 * renewal (a wrong PC clock does not matter), shares renewals between tabs (localStorage), shows a
 * warning SESSION_WARNING_MINUTES before the end with 继续使用, and when the time is up it never
 * navigates away: a dialog offers a login in a new tab, form submissions are held back until the
 * user is signed in again, and whatever was typed stays in the page to be submitted afterwards.
 */
export function SessionKeepAlive({ idleMinutes, userId }: { idleMinutes: number; userId: number }) {
  const idleMs = idleMinutes * 60_000;
  const [state, setState] = useState<IdleState>({ kind: "active" });
  const [dialogOpen, setDialogOpen] = useState(true);
  const [note, setNote] = useState("");
  const expiresAt = useRef(0);
  const renewedAt = useRef(0);
  const stateRef = useRef<IdleState>(state);

  const show = useCallback((next: IdleState) => {
    const previous = stateRef.current;
    stateRef.current = next;
    if (next.kind === "expired" && previous.kind !== "expired") {
      setDialogOpen(true);
      setNote("");
    }
    setState((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
  }, []);

  const adopt = useCallback(
    (now: number) => {
      renewedAt.current = now;
      expiresAt.current = now + idleMs;
      writeShared({ uid: userId, renewedAt: now, expiresAt: expiresAt.current });
      show({ kind: "active" });
    },
    [idleMs, userId, show],
  );

  const renew = useCallback(async (): Promise<Check> => {
    const started = Date.now();
    renewedAt.current = started;
    const check = await renewOnServer(userId);
    if (check === "alive") adopt(started);
    else if (check === "ended" || check === "other-user") show({ kind: "expired" });
    return check;
  }, [userId, adopt, show]);

  const tick = useCallback(() => {
    const shared = readShared(userId);
    if (shared && shared.expiresAt > expiresAt.current) {
      expiresAt.current = shared.expiresAt;
      renewedAt.current = Math.max(renewedAt.current, shared.renewedAt);
      // Another tab renewed (or logged in again) after this one timed out: make sure with the server.
      if (stateRef.current.kind === "expired") {
        void renew();
        return;
      }
    }
    if (stateRef.current.kind === "expired") return;
    show(idleState(Date.now(), expiresAt.current, idleMs));
  }, [userId, idleMs, renew, show]);

  useEffect(() => {
    const shared = readShared(userId);
    const now = Date.now();
    if (shared && now - shared.renewedAt < renewInterval(idleMs) && shared.expiresAt > now) {
      expiresAt.current = shared.expiresAt;
      renewedAt.current = shared.renewedAt;
    } else {
      // Loading a page is activity; until the answer comes, count from now.
      expiresAt.current = now + idleMs;
      void renew();
    }

    const onActivity = () => {
      if (stateRef.current.kind === "expired") return;
      if (Date.now() - renewedAt.current < renewInterval(idleMs)) return;
      void renew();
    };
    // A session that has ended keeps the page: a submission would be refused and the form emptied.
    const onSubmit = (event: Event) => {
      if (stateRef.current.kind !== "expired") return;
      event.preventDefault();
      event.stopPropagation();
      setDialogOpen(true);
      setNote("登录已超时，请先重新登录，再提交本页内容。");
    };
    const timer = window.setInterval(tick, 5_000);
    window.addEventListener("pointerdown", onActivity, { capture: true, passive: true });
    window.addEventListener("keydown", onActivity, { capture: true, passive: true });
    window.addEventListener("submit", onSubmit, { capture: true });
    window.addEventListener("storage", tick);
    window.addEventListener("focus", tick);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("pointerdown", onActivity, { capture: true });
      window.removeEventListener("keydown", onActivity, { capture: true });
      window.removeEventListener("submit", onSubmit, { capture: true });
      window.removeEventListener("storage", tick);
      window.removeEventListener("focus", tick);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [userId, idleMs, renew, tick]);

  async function signedInAgain() {
    setNote("正在确认登录状态…");
    const check = await renewOnServer(userId);
    if (check === "alive") {
      adopt(Date.now());
      setNote("");
    } else if (check === "other-user") {
      setNote("新窗口中登录的是其他账户，请使用原账户重新登录后再继续。");
    } else if (check === "ended") {
      setNote("尚未重新登录：请先在新窗口中完成登录，再点“我已重新登录”。");
    } else {
      setNote("无法连接服务器，请稍后再试。");
    }
  }

  if (state.kind === "warning") {
    return (
      <div role="alertdialog" aria-labelledby="idle-warning-text" data-testid="idle-warning" className="no-print fixed bottom-4 right-4 z-50 max-w-sm rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm shadow-lg">
        <p id="idle-warning-text" className="mb-3 text-amber-900">
          您已较长时间未操作，{state.minutesLeft} 分钟后将自动退出
        </p>
        <button type="button" className="btn-primary" onClick={() => void renew()}>
          继续使用
        </button>
      </div>
    );
  }

  if (state.kind === "expired") {
    if (!dialogOpen) {
      return (
        <div role="status" className="no-print fixed bottom-4 right-4 z-50 rounded-lg border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-800 shadow">
          登录已超时，本页内容仍保留。
          <button type="button" className="ml-2 underline" onClick={() => setDialogOpen(true)}>
            重新登录
          </button>
        </div>
      );
    }
    return (
      <div className="no-print fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
        <div role="dialog" aria-modal="true" aria-labelledby="session-timeout-title" data-testid="session-timeout" className="w-full max-w-md rounded-lg bg-white p-6 shadow-xl">
          <h2 id="session-timeout-title" className="mb-2 text-lg font-semibold text-slate-900">
            登录已超时
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            为保护账户安全，长时间未操作后已自动退出。本页已填写的内容仍然保留：请在新窗口中重新登录，然后回到本页点“我已重新登录”，再继续操作或提交。
          </p>
          {note ? (
            <p role="alert" className="mb-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {note}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <a href="/login" target="_blank" rel="noopener" className="btn-primary">
              在新窗口中重新登录
            </a>
            <button type="button" className="btn" onClick={() => void signedInAgain()}>
              我已重新登录
            </button>
            <button type="button" className="btn" onClick={() => setDialogOpen(false)}>
              查看本页内容
            </button>
          </div>
        </div>
      </div>
    );
  }

  return null;
}
