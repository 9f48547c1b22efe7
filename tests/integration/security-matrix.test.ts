import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { businessCounts, createTestDb, tableCounts, type TestDb } from "@/tests/support/test-db";
import { PERSONAS, createDisabledUser, sessionFor, REFUSAL_MESSAGES, type Persona } from "@/tests/security/personas";
import { ACTION_CASES, fd, prepareMatrixFixtures, type MatrixContext } from "@/tests/security/action-cases";
import type { ActionState } from "@/lib/action-state";
import { CROSS_ORIGIN_MESSAGE } from "@/lib/security/origin";
import { resetRequestHeaders, setRequestHeaders } from "@/tests/support/request-headers";
import { tableFingerprints } from "@/tests/support/fingerprint";

let currentSession: unknown = null;
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => currentSession) };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

const ROOT = path.resolve(__dirname, "../..");
let t: TestDb;
let ctx: MatrixContext;

function findUseServerFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findUseServerFiles(full, out);
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts")) {
      const head = fs.readFileSync(full, "utf8").slice(0, 200);
      if (/^\s*["']use server["']/m.test(head)) out.push(path.relative(ROOT, full));
    }
  }
  return out;
}


/** Calls an action; a redirect after success (plan import, copy) counts as success. */
async function callAction(action: (prev: ActionState, form: FormData) => Promise<ActionState>, form: FormData): Promise<ActionState> {
  try {
    return await action({ ok: false, message: "" }, form);
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { ok: true, message: "redirect" };
    throw error;
  }
}

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  process.env.DATABASE_URL = t.url;
  await createDisabledUser(t.db);
  let n = 0;
  ctx = { db: t.db, seq: () => ++n, ids: await prepareMatrixFixtures(t.db) };
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

describe("server action permission matrix", () => {
  it("covers every exported server action", async () => {
    const files = [...findUseServerFiles(path.join(ROOT, "lib")), ...findUseServerFiles(path.join(ROOT, "app"))];
    const missing: string[] = [];
    for (const file of files) {
      const mod = await import(path.join(ROOT, file));
      for (const name of Object.keys(mod)) {
        if (!ACTION_CASES.some((c) => c.file === file && c.name === name)) missing.push(`${file}#${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  const cells = ACTION_CASES.flatMap((c) => PERSONAS.map((persona) => ({ c, persona })));
  it.each(cells.map(({ c, persona }) => [`${c.name} as ${persona}`, c, persona] as const))("%s", async (_label, c, persona: Persona) => {
    const mod = await import(path.join(ROOT, c.file));
    const action = mod[c.name] as (prev: ActionState, form: FormData) => Promise<ActionState>;
    const input = await c.input(ctx, persona);
    currentSession = await sessionFor(t.db, persona);
    const before = await businessCounts(t.db);
    const result = await callAction(action, fd(input));
    if (c.allowed.includes(persona)) {
      expect(REFUSAL_MESSAGES, `${c.name} refused ${persona}: ${result.message}`).not.toContain(result.message);
      expect(result.ok, `${c.name} as ${persona}: ${result.message}`).toBe(true);
    } else {
      expect(result.ok).toBe(false);
      expect(REFUSAL_MESSAGES).toContain(result.message);
      expect(await businessCounts(t.db)).toEqual(before);
    }
  });
});

describe("arbitrary input never crashes an action and a refused input writes nothing", () => {
  it.each(ACTION_CASES.map((c) => [`${c.name}`, c] as const))("%s", async (_label, c) => {
    const mod = await import(path.join(ROOT, c.file));
    const action = mod[c.name] as (prev: ActionState, form: FormData) => Promise<ActionState>;
    const persona = c.allowed[0];
    const fieldNames = Object.keys(await c.input(ctx, persona));
    const key = fc.oneof(fc.constantFrom(...fieldNames, "officeId", "status", "createdById", "role", "version"), fc.string({ maxLength: 12 }));
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.constantFrom("", "-1", "0", "1e309", "NaN", "on", "9007199254740993", "2025-02-30", "../../etc/passwd", "<script>alert(1)</script>", "\u0000"),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, value, { maxKeys: 8 }), async (values) => {
        currentSession = await sessionFor(t.db, persona);
        const before = await tableCounts(t.db);
        const result = await callAction(action, fd(values));
        expect(typeof result.ok).toBe("boolean");
        expect(typeof result.message).toBe("string");
        if (!result.ok) expect(await tableCounts(t.db)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });
});

describe("every server action refuses a request that does not come from the portal's own pages (issue 15.9)", () => {
  // Next.js checks Origin against Host only when an Origin is sent; lib/run-action.ts refuses the rest.
  const forgeries: [string, Record<string, string>][] = [
    ["no Origin, no Referer, no Sec-Fetch-Site", { host: "localhost:3000" }],
    ["a cross-site Sec-Fetch-Site without Origin", { host: "localhost:3000", "sec-fetch-site": "cross-site" }],
    ["another site's Origin", { host: "localhost:3000", origin: "https://evil.example" }],
    ["Origin null (sandboxed frame)", { host: "localhost:3000", origin: "null" }],
  ];
  const cells = ACTION_CASES.flatMap((c) => forgeries.map(([label, headers]) => [`${c.name}: ${label}`, c, headers] as const));
  it.each(cells)("%s", async (_label, c, headers) => {
    const mod = await import(path.join(ROOT, c.file));
    const action = mod[c.name] as (prev: ActionState, form: FormData) => Promise<ActionState>;
    const persona = c.allowed[0];
    const input = await c.input(ctx, persona);
    currentSession = await sessionFor(t.db, persona);
    const before = await tableFingerprints(t.db);
    setRequestHeaders(headers);
    try {
      const result = await callAction(action, fd(input));
      expect(result).toEqual({ ok: false, message: CROSS_ORIGIN_MESSAGE });
    } finally {
      resetRequestHeaders();
    }
    // Nothing at all, not even an audit row.
    expect(await tableFingerprints(t.db)).toEqual(before);
  });

  it("a browser's Sec-Fetch-Site: same-origin without Origin is accepted", async () => {
    const c = ACTION_CASES.find((x) => x.name === "markAllReadAction")!;
    const mod = await import(path.join(ROOT, c.file));
    currentSession = await sessionFor(t.db, c.allowed[0]);
    setRequestHeaders({ host: "localhost:3000", "sec-fetch-site": "same-origin" });
    try {
      expect((await callAction(mod[c.name], fd(await c.input(ctx, c.allowed[0])))).ok).toBe(true);
    } finally {
      resetRequestHeaders();
    }
  });
});
