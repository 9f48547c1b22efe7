/**
 * Runs before every test file. Server actions read the request's headers through `next/headers`
 * (the Origin check in lib/run-action.ts), which throws outside a Next.js request: here it returns
 * the headers of tests/support/request-headers.ts instead — a same-origin request unless a test
 * sets a forged one.
 */
import { vi } from "vitest";

vi.mock("next/headers", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next/headers")>();
  const { currentRequestHeaders } = await import("./request-headers");
  return { ...actual, headers: async () => currentRequestHeaders() };
});
