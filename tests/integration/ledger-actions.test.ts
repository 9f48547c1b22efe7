/**
 * The ledger's server actions through the same harness as tests/integration/security-matrix.test.ts:
 * every persona against every action (allowed ones succeed, the others get a refusal message and
 * change nothing), and arbitrary input never crashes an action nor writes anything when refused.
 * "Nothing" is checked on every table's content (tests/support/fingerprint.ts), not its row count,
 * so a refused update, transition or restore that changed a row in place would be caught.
 */
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { businessFingerprints, tableFingerprints } from "@/tests/support/fingerprint";
import { PERSONAS, createDisabledUser, sessionFor, REFUSAL_MESSAGES, type Persona } from "@/tests/security/personas";
import { fd, type MatrixContext } from "@/tests/security/action-cases";
import { LEDGER_ACTION_CASES, prepareLedgerMatrixFixtures } from "@/tests/security/ledger-cases";
import type { ActionState } from "@/lib/action-state";

let currentSession: unknown = null;
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => currentSession) };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

const ROOT = path.resolve(__dirname, "../..");
let t: TestDb;
let ctx: MatrixContext;


beforeAll(async () => {
  t = await createTestDb({ seed: true });
  process.env.DATABASE_URL = t.url;
  await createDisabledUser(t.db);
  let n = 0;
  ctx = { db: t.db, seq: () => ++n, ids: await prepareLedgerMatrixFixtures(t.db) };
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

async function run(name: string, input: Record<string, string>): Promise<ActionState> {
  const mod = await import(path.join(ROOT, "lib/ledger/actions.ts"));
  return (mod[name] as (prev: ActionState, form: FormData) => Promise<ActionState>)({ ok: false, message: "" }, fd(input));
}

describe("ledger action permission matrix", () => {
  it("covers every exported ledger action", async () => {
    const mod = await import(path.join(ROOT, "lib/ledger/actions.ts"));
    expect(Object.keys(mod).sort()).toEqual(LEDGER_ACTION_CASES.map((c) => c.name).sort());
  });

  const cells = LEDGER_ACTION_CASES.flatMap((c) => PERSONAS.map((persona) => [`${c.name} as ${persona}`, c, persona] as const));
  it.each(cells)("%s", async (_label, c, persona: Persona) => {
    const input = await c.input(ctx, persona);
    currentSession = await sessionFor(t.db, persona);
    const before = await businessFingerprints(t.db);
    const result = await run(c.name, input);
    if (c.allowed.includes(persona)) {
      expect(result.ok, `${c.name} as ${persona}: ${result.message}`).toBe(true);
    } else {
      expect(result.ok).toBe(false);
      expect(REFUSAL_MESSAGES).toContain(result.message);
      expect(await businessFingerprints(t.db)).toEqual(before);
    }
  });

  it("a forged status or office in the form is refused and writes nothing", async () => {
    currentSession = await sessionFor(t.db, "STAFF_OWNER");
    for (const c of LEDGER_ACTION_CASES.filter((x) => x.allowed.includes("STAFF_OWNER"))) {
      const input = await c.input(ctx, "STAFF_OWNER");
      const forgeries: Record<string, string>[] = [{ status: "APPROVED" }, { officeId: String(ctx.ids.ledgerOfficeId + 1) }, { createdById: "1" }];
      for (const forged of forgeries) {
        const before = await tableFingerprints(t.db);
        const result = await run(c.name, { ...input, ...forged });
        expect(result.ok, `${c.name} with ${JSON.stringify(forged)}`).toBe(false);
        expect(result.message).toContain("不接受的字段");
        expect(await tableFingerprints(t.db)).toEqual(before);
      }
    }
  });
});

describe("arbitrary input never crashes a ledger action and a refused input writes nothing", () => {
  it.each(LEDGER_ACTION_CASES.map((c) => [c.name, c] as const))("%s", async (_label, c) => {
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
        const before = await tableFingerprints(t.db);
        const result = await run(c.name, values);
        expect(typeof result.ok).toBe("boolean");
        expect(typeof result.message).toBe("string");
        if (!result.ok) expect(await tableFingerprints(t.db)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });
});

describe("four eyes through the actions (issue 15.5)", () => {
  it("a coordinator edits a staff draft, the staff submits, the coordinator's approval is refused in Chinese and writes nothing", async () => {
    const point = await t.db.workPoint.findFirstOrThrow({ where: { plan: { year: 2026 }, number: 1 } });
    const staff = await t.db.user.findUniqueOrThrow({ where: { username: "staff-zonghe" } });
    const entry = await t.db.ledgerEntry.create({
      data: { year: 2026, workPointId: point.id, officeId: staff.officeId!, date: new Date(Date.UTC(2026, 2, 12)), title: "四眼", form: "集中学习", status: "DRAFT", createdById: staff.id },
    });
    currentSession = await sessionFor(t.db, "COORDINATOR");
    const edited = await run("updateEntryAction", { id: String(entry.id), version: "1", date: "2026-03-12", title: "四眼（法治办改）", form: "集中学习", description: "", participants: "", category: "NORMAL" });
    expect(edited.ok, edited.message).toBe(true);
    currentSession = await sessionFor(t.db, "STAFF_OWNER");
    expect((await run("submitEntryAction", { id: String(entry.id), version: "2" })).ok).toBe(true);
    currentSession = await sessionFor(t.db, "COORDINATOR");
    const before = await tableFingerprints(t.db);
    const refused = await run("approveEntryAction", { id: String(entry.id), version: "3" });
    expect(refused).toEqual({ ok: false, message: "您参与了该记录的填报或修改，不能审核通过，请由其他审核人审核" });
    expect(await tableFingerprints(t.db)).toEqual(before);
    currentSession = await sessionFor(t.db, "LEADER");
    expect((await run("approveEntryAction", { id: String(entry.id), version: "3" })).ok).toBe(true);
  });
});
