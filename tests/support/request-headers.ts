/**
 * The headers `next/headers` hands to server actions under vitest (tests/support/vitest-setup.ts
 * mocks it for every test file). By default a same-origin browser request, as the portal's own
 * pages send; a test sets others to play a forged request and resets them afterwards.
 */
export const SAME_ORIGIN_HEADERS: Record<string, string> = { host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "x-portal-peer": "127.0.0.1" };

const KEY = "__portalTestRequestHeaders";

export function currentRequestHeaders(): Headers {
  const value = (globalThis as Record<string, unknown>)[KEY];
  return new Headers((value as Record<string, string> | undefined) ?? SAME_ORIGIN_HEADERS);
}

export function setRequestHeaders(headers: Record<string, string>): void {
  (globalThis as Record<string, unknown>)[KEY] = headers;
}

export function resetRequestHeaders(): void {
  delete (globalThis as Record<string, unknown>)[KEY];
}
