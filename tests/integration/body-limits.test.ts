/**
 * Issue 15.4: every route handler that reads a body enforces its cap while the body streams in.
 * A body declaring a Content-Length over the cap is refused (413) before a chunk is pulled; a
 * chunked body of many MB without Content-Length is refused after at most cap + one chunk, and the
 * rest is cancelled. Nothing is written either way.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { businessCounts, createTestDb, type TestDb } from "@/tests/support/test-db";
import { sessionFor } from "@/tests/security/personas";
import { countingStream } from "@/tests/support/streams";
import { MAX_JSON_BYTES } from "@/lib/ledger/api";
import { MAX_ATTACHMENT_BYTES } from "@/lib/ledger/constants";

let currentSession: unknown = null;
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => currentSession) };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

const ORIGIN = "http://localhost";
const CHUNK = 64 * 1024;
const MANY_CHUNKS = 1_600; // 100 MB if it were read whole
let t: TestDb;
let entryId: number;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  process.env.DATABASE_URL = t.url;
  const entry = await t.db.ledgerEntry.findFirstOrThrow({ where: { status: "DRAFT" } });
  entryId = entry.id;
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

function streamed(url: string, contentType: string, stream: ReadableStream<Uint8Array>, extra: Record<string, string> = {}) {
  return new NextRequest(url, {
    method: "POST",
    headers: { origin: ORIGIN, host: "localhost", "content-type": contentType, ...extra },
    body: stream,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
}

interface Target {
  name: string;
  cap: number;
  persona: Parameters<typeof sessionFor>[1];
  contentType: string;
  call: (request: NextRequest) => Promise<Response>;
}

const targets: Target[] = [
  {
    name: "POST /api/v1/ledger-entries",
    cap: MAX_JSON_BYTES,
    persona: "STAFF_OWNER",
    contentType: "application/json",
    call: async (request) => (await import("@/app/api/v1/ledger-entries/route")).POST(request),
  },
  {
    name: "PATCH /api/v1/ledger-entries/[id]",
    cap: MAX_JSON_BYTES,
    persona: "STAFF_OWNER",
    contentType: "application/json",
    call: async (request) =>
      (await import("@/app/api/v1/ledger-entries/[id]/route")).PATCH(new NextRequest(request.url, { method: "PATCH", headers: request.headers, body: request.body, duplex: "half" } as never), {
        params: Promise.resolve({ id: String(entryId) }),
      }),
  },
  {
    name: "POST /api/ledger/[id]/attachments",
    cap: MAX_ATTACHMENT_BYTES + 64 * 1024,
    persona: "STAFF_OWNER",
    contentType: "multipart/form-data; boundary=----x",
    call: async (request) => (await import("@/app/api/ledger/[id]/attachments/route")).POST(request, { params: Promise.resolve({ id: String(entryId) }) }),
  },
  {
    name: "POST /api/auth/callback/credentials (anonymous)",
    cap: 16 * 1024,
    persona: "ANONYMOUS",
    contentType: "application/x-www-form-urlencoded",
    call: async (request) => (await import("@/app/api/auth/[...nextauth]/route")).POST(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) }),
  },
];

describe.each(targets)("$name", (target) => {
  it("refuses a body declaring a Content-Length over the cap with 413 without reading a chunk", async () => {
    currentSession = await sessionFor(t.db, target.persona);
    const { stream, state } = countingStream(MANY_CHUNKS, CHUNK);
    const before = await businessCounts(t.db);
    const response = await target.call(streamed(`${ORIGIN}/x`, target.contentType, stream, { "content-length": String(300 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect((await response.json()).message).toMatch(/过大|超过/);
    expect(state.pulled).toBe(0);
    expect(await businessCounts(t.db)).toEqual(before);
  });

  it("refuses a 100 MB chunked body without Content-Length after reading at most cap + one chunk", async () => {
    currentSession = await sessionFor(t.db, target.persona);
    const { stream, state } = countingStream(MANY_CHUNKS, CHUNK);
    const before = await businessCounts(t.db);
    const response = await target.call(streamed(`${ORIGIN}/x`, target.contentType, stream));
    expect(response.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(Math.ceil(target.cap / CHUNK) + 1);
    expect(state.cancelled).toBe(true);
    expect(await businessCounts(t.db)).toEqual(before);
  });
});

it("a JSON body under the cap still creates the entry", async () => {
  currentSession = await sessionFor(t.db, "STAFF_OWNER");
  const point = await t.db.workPoint.findFirstOrThrow({ where: { plan: { year: 2026 }, number: 1 } });
  const { POST } = await import("@/app/api/v1/ledger-entries/route");
  const response = await POST(
    new NextRequest(`${ORIGIN}/api/v1/ledger-entries`, {
      method: "POST",
      headers: { origin: ORIGIN, host: "localhost", "content-type": "application/json" },
      body: JSON.stringify({ pointId: point.id, date: "2026-03-12", title: "上限以内", form: "集中学习", description: "", participants: "", category: "NORMAL", quantities: [] }),
    }),
  );
  expect(response.status, await response.clone().text()).toBe(201);
});
