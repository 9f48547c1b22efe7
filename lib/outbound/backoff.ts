/**
 * Retry timing of the outbox: exponential back-off from one minute, doubling per failed attempt,
 * capped at an hour. A message that fails for a reason that can pass (server down, timeout, 4xx)
 * stays 未发送 and is tried again for as long as it takes; only a refusal that cannot pass (5xx
 * for the recipient, no address) marks it 失败, and a coordinator can queue it again.
 */

export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_MAX_MS = 60 * 60_000;
/** How long a claimed row is reserved for the instance sending it; after that it may be claimed again. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** Delay before the next try after `attempts` failed tries (1 → 1 min, 2 → 2 min, 3 → 4 min, … ≤ 60 min). */
export function backoffDelayMs(attempts: number): number {
  if (!Number.isFinite(attempts) || attempts < 1) return BACKOFF_BASE_MS;
  const exponent = Math.min(Math.floor(attempts) - 1, 30);
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** exponent);
}

export function nextAttemptAt(now: Date, attempts: number): Date {
  return new Date(now.getTime() + backoffDelayMs(attempts));
}

/** A send error: `permanent` ones mark the message 失败 instead of retrying. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** SMTP reply codes 5xx are permanent refusals, 4xx and connection errors pass. */
export function isPermanentSmtpError(error: unknown): boolean {
  if (error instanceof DeliveryError) return error.permanent;
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
