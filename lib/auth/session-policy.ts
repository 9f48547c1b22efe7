/**
 * How long a session lives without activity (等保 2.0: 登录连接超时自动退出). SESSION_IDLE_MINUTES,
 * default 30, at most one day. next-auth's session maxAge is this limit: the JWT and its cookie
 * expire that long after they were last issued, and they are re-issued only when the browser asks
 * /api/auth/session, which components/session-keep-alive.tsx does on user activity. The client also
 * warns SESSION_WARNING_MINUTES before the end, and keeps the page (and what was typed into it)
 * when the session has ended.
 */
export const DEFAULT_SESSION_IDLE_MINUTES = 30;
export const MAX_SESSION_IDLE_MINUTES = 24 * 60;
/** The warning is shown this long before the idle limit (at most half the limit). */
export const SESSION_WARNING_MINUTES = 2;

/** SESSION_IDLE_MINUTES as whole minutes between 1 and 1440; unset or junk gives the default. */
export function sessionIdleMinutes(raw = process.env.SESSION_IDLE_MINUTES): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_SESSION_IDLE_MINUTES;
  const minutes = Number(raw);
  if (!Number.isInteger(minutes) || minutes < 1) return DEFAULT_SESSION_IDLE_MINUTES;
  return Math.min(minutes, MAX_SESSION_IDLE_MINUTES);
}

export type IdleState = { kind: "active" } | { kind: "warning"; minutesLeft: number } | { kind: "expired" };

/**
 * Where an idle session stands at `now`, given when the browser last renewed it and the limit.
 * Pure, for the client component and its test.
 */
export function idleState(now: number, expiresAt: number, idleMs: number, warningMs = SESSION_WARNING_MINUTES * 60_000): IdleState {
  const left = expiresAt - now;
  if (left <= 0) return { kind: "expired" };
  if (left <= Math.min(warningMs, idleMs / 2)) return { kind: "warning", minutesLeft: Math.max(1, Math.ceil(left / 60_000)) };
  return { kind: "active" };
}

/** How often activity renews the session at most: every few minutes, and several times within a short limit. */
export function renewInterval(idleMs: number): number {
  return Math.min(3 * 60_000, Math.max(5_000, Math.floor(idleMs / 5)));
}
