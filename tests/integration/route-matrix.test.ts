import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { businessCounts, createTestDb, type TestDb } from "@/tests/support/test-db";
import { PERSONAS, createDisabledUser, sessionFor, type Persona } from "@/tests/security/personas";
import { EXCLUDED_ROUTES, ROUTE_CASES, prepareRouteContext, type RouteContext } from "@/tests/security/route-cases";

let currentSession: unknown = null;
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => currentSession) };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

const ROOT = path.resolve(__dirname, "../..");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
let t: TestDb;
let ctx: RouteContext;

/** "<route file> <METHOD>" for every method exported by every route.ts under app/. */
function discoverRouteMethods(dir = path.join(ROOT, "app"), out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) discoverRouteMethods(full, out);
    else if (entry.name === "route.ts") {
      const source = fs.readFileSync(full, "utf8");
      const rel = path.relative(ROOT, full);
      for (const method of HTTP_METHODS) {
        const exported = new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${method}\\b|\\bas\\s+${method}\\b`).test(source);
        if (exported) out.push(`${rel} ${method}`);
      }
    }
  }
  return out.sort();
}


beforeAll(async () => {
  t = await createTestDb({ seed: true });
  process.env.DATABASE_URL = t.url;
  await createDisabledUser(t.db);
  let n = 0;
  ctx = await prepareRouteContext(t.db, () => ++n);
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

describe("route handler permission matrix (called directly: no proxy in front)", () => {
  it("has a case for every exported route method", () => {
    const covered = [...ROUTE_CASES.map((c) => c.key), ...EXCLUDED_ROUTES].sort();
    expect(covered).toEqual(discoverRouteMethods());
  });

  const cells = ROUTE_CASES.flatMap((c) => PERSONAS.map((persona) => [`${c.key} as ${persona}`, c, persona] as const));
  it.each(cells)("%s", async (_label, c, persona: Persona) => {
    const [file, method] = c.key.split(" ");
    const mod = (await import(path.join(ROOT, file))) as Record<string, (request: NextRequest, context: unknown) => Promise<Response>>;
    const call = await c.call(ctx, persona);
    currentSession = await sessionFor(t.db, persona);
    const before = await businessCounts(t.db);
    const request = new NextRequest(call.url, { method, ...call.init } as ConstructorParameters<typeof NextRequest>[1]);
    const response = await mod[method](request, { params: Promise.resolve(call.params ?? {}) });
    if (c.allowed.includes(persona)) {
      expect(response.status, `${c.key} as ${persona}: ${await response.clone().text()}`).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(300);
      return;
    }
    const expected = c.refusedWith?.[persona];
    if (expected) expect(response.status, `${c.key} as ${persona}`).toBe(expected);
    else expect([401, 403, 404], `${c.key} as ${persona}`).toContain(response.status);
    expect(response.headers.get("content-type")).toMatch(/json/);
    expect(await businessCounts(t.db)).toEqual(before);
  });

  it("refuses a data-changing route from another origin even for an allowed user", async () => {
    currentSession = await sessionFor(t.db, "STAFF_OWNER");
    const { POST } = await import("@/app/api/v1/ledger-entries/route");
    const before = await businessCounts(t.db);
    const response = await POST(
      new NextRequest("http://localhost/api/v1/ledger-entries", {
        method: "POST",
        headers: { origin: "https://evil.example", host: "localhost", "content-type": "application/json" },
        body: JSON.stringify({ pointId: ctx.pointId, date: "2026-03-12", title: "跨站", form: "集中学习" }),
      }),
    );
    expect(response.status).toBe(403);
    expect(await businessCounts(t.db)).toEqual(before);
  });
});
