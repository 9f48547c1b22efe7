/**
 * Issue 15.8: stored files are served as downloads under their own policy, never the site's:
 * `Content-Security-Policy: default-src 'none'; sandbox`, nosniff, `Content-Disposition: attachment`
 * (inline only for an asked-for preview of a PDF, PNG or JPEG). The handler's headers are checked
 * directly, and so is next.config.ts: Next.js keeps a next.config header over the handler's header
 * of the same name, which is how the page baseline once replaced the sandbox policy on downloads.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildCustomRoute } from "next/dist/lib/build-custom-route";
import nextConfig from "@/next.config";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { sessionFor } from "@/tests/security/personas";
import { BASELINE_CSP, DOWNLOAD_CSP } from "@/lib/security/csp";
import * as m from "@/lib/ledger/mutations";
import { bytesOf, ledgerUser, makeDocx, pointOf } from "@/tests/support/ledger-helpers";

let currentSession: unknown = null;
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => currentSession) };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

/** A file that is a valid PDF to the upload check and an HTML page with script to a sniffing browser. */
const POLYGLOT = Buffer.from("%PDF-1.4\n<html><body><script>fetch('/api/v1/ledger-entries',{method:'POST'})</script></body></html>\n%%EOF\n");

let t: TestDb;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestDb({ seed: true });
  process.env.DATABASE_URL = t.url;
  const zonghe = await ledgerUser(t.db, "staff-zonghe");
  const point = await pointOf(t.db, 2026, 1);
  const entry = await m.createEntry(t.db, zonghe, {
    pointId: point.id, date: new Date("2026-03-12T00:00:00Z"), title: "下载头", form: "集中学习", description: "", participants: "", category: "NORMAL", linkedEntryId: null, quantities: [],
  });
  ids.polyglot = (await m.addAttachment(t.db, zonghe, { entryId: entry.id, fileName: "签到表.pdf", bytes: bytesOf(POLYGLOT) })).id;
  ids.docx = (await m.addAttachment(t.db, zonghe, { entryId: entry.id, fileName: "纪要.docx", bytes: bytesOf(await makeDocx()) })).id;
  // A row whose stored type is not one the upload check produces (an old import, a restored backup).
  ids.html = (await t.db.attachment.create({ data: { entryId: entry.id, fileName: "页面.html", mimeType: "text/html", size: 20, sha256: "0".repeat(64), data: new Uint8Array(Buffer.from("<script>alert(1)</script>")), createdById: zonghe.id } })).id;
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

async function download(id: number, query = "") {
  currentSession = await sessionFor(t.db, "STAFF_OWNER");
  const { GET } = await import("@/app/api/attachments/[id]/route");
  return GET(new NextRequest(`http://localhost/api/attachments/${id}${query}`), { params: Promise.resolve({ id: String(id) }) });
}

describe("GET /api/attachments/[id] headers", () => {
  it("serves a PDF/HTML polyglot as a sandboxed, unsniffed download", async () => {
    const response = await download(ids.polyglot);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
    expect(response.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("previews only a PDF or image inline, still sandboxed", async () => {
    const pdf = await download(ids.polyglot, "?preview=1");
    expect(pdf.headers.get("content-disposition")).toMatch(/^inline; filename=/);
    expect(pdf.headers.get("content-security-policy")).toBe(DOWNLOAD_CSP);
    const docx = await download(ids.docx, "?preview=1");
    expect(docx.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
  });

  it("a stored type the upload check never produces is served as opaque bytes, never inline", async () => {
    const response = await download(ids.html, "?preview=1");
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(response.headers.get("content-security-policy")).toBe(DOWNLOAD_CSP);
  });
});

/** The headers next.config.ts sets on a path, the later rule winning per key (as Next.js applies them). */
async function configHeaders(pathname: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rule of (await nextConfig.headers!()) ?? []) {
    const { regex } = buildCustomRoute("header", rule as never) as { regex: string };
    if (!new RegExp(regex).test(pathname)) continue;
    for (const h of rule.headers) out[h.key.toLowerCase()] = h.value;
  }
  return out;
}

describe("next.config.ts headers, which win over a route handler's", () => {
  it.each(["/api/attachments/1", "/api/export/ledger", "/api/export/evidence", "/api/reminders/3/docx", "/api/v1/ledger-entries/1"])(
    "%s gets the sandbox policy, not the page baseline",
    async (pathname) => {
      const headers = await configHeaders(pathname);
      expect(headers["content-security-policy"]).toBe(DOWNLOAD_CSP);
      expect(headers["x-content-type-options"]).toBe("nosniff");
    },
  );

  it.each(["/", "/login", "/ledger/1", "/dashboard"])("page %s keeps the baseline (the proxy adds the nonce policy)", async (pathname) => {
    expect((await configHeaders(pathname))["content-security-policy"]).toBe(BASELINE_CSP);
  });
});
