/**
 * Every route handler method for the permission matrix (tests/integration/route-matrix.test.ts):
 * who may call it and a valid request built on fresh fixtures owned by 综合科 (the STAFF_OWNER
 * persona's office). Keys are "<route file> <METHOD>"; the matrix fails when a route method has
 * no case here. next-auth's own handler is the login itself and is covered by login.test.ts.
 */
import type { Db } from "@/lib/db";
import type { Persona } from "@/tests/security/personas";
import { PDF_BYTES } from "@/tests/support/ledger-helpers";
import { ASSESSMENT_ROUTE_CASES } from "@/tests/security/assessment-cases";
import { REGULATION_ROUTE_CASES } from "@/tests/security/regulation-cases";

export interface RouteContext {
  db: Db;
  seq: () => number;
  pointId: number;
  targetId: number;
  officeId: number;
  creatorId: number;
  leaderId: number;
}

export interface RouteCall {
  url: string;
  init?: RequestInit;
  params?: Record<string, string>;
}

export interface RouteCase {
  key: string;
  /** Personas that get a 2xx; everyone else must get 401/403/404 and change no row. */
  allowed: readonly Persona[];
  /** A refusal that is a business rule rather than a permission (its own status and message). */
  refusedWith?: Partial<Record<Persona, number>>;
  call: (c: RouteContext, persona: Persona) => Promise<RouteCall>;
}

export const EXCLUDED_ROUTES = ["app/api/auth/[...nextauth]/route.ts GET", "app/api/auth/[...nextauth]/route.ts POST"];

const ORIGIN = "http://localhost";
const sameOrigin = { origin: ORIGIN, host: "localhost" };
const READERS = ["LEADER", "COORDINATOR", "STAFF_OWNER", "VIEWER"] as const;
const WRITERS = ["COORDINATOR", "STAFF_OWNER"] as const;

export async function prepareRouteContext(db: Db, seq: () => number): Promise<RouteContext> {
  const point = await db.workPoint.findFirstOrThrow({ where: { plan: { year: 2026 }, number: 1 }, include: { targets: true } });
  const office = await db.office.findUniqueOrThrow({ where: { name: "综合科" } });
  const staff = await db.user.findUniqueOrThrow({ where: { username: "staff-zonghe" } });
  const leader = await db.user.findUniqueOrThrow({ where: { username: "leader" } });
  return { db, seq, pointId: point.id, targetId: point.targets[0].id, officeId: office.id, creatorId: staff.id, leaderId: leader.id };
}

async function draftEntry(c: RouteContext) {
  return c.db.ledgerEntry.create({
    data: { year: 2026, workPointId: c.pointId, officeId: c.officeId, date: new Date(Date.UTC(2026, 2, 12)), title: `路由矩阵${c.seq()}`, form: "集中学习", status: "DRAFT", createdById: c.creatorId },
  });
}

function entryJson(c: RouteContext) {
  return { date: "2026-03-12", title: `路由矩阵${c.seq()}`, form: "集中学习", description: "", participants: "", category: "NORMAL", quantities: [{ targetId: c.targetId, value: 1, completes: false }] };
}

function jsonInit(method: string, body: unknown): RequestInit {
  return { method, headers: { ...sameOrigin, "content-type": "application/json" }, body: JSON.stringify(body) };
}

export const ROUTE_CASES: RouteCase[] = [
  {
    key: "app/api/plans/parse/route.ts POST",
    allowed: ["ADMIN", "COORDINATOR"],
    call: async () => ({ url: `${ORIGIN}/api/plans/parse`, init: { method: "POST", headers: { ...sameOrigin, "content-type": "text/plain; charset=utf-8" }, body: "一、总体要求\n（一）组织学习。全年组织专题学习不少于4次。" } }),
  },
  {
    key: "app/api/v1/ledger-entries/route.ts POST",
    // STAFF_OTHER's office (研究室) neither leads nor cooperates on point 1: refused.
    allowed: WRITERS,
    refusedWith: { STAFF_OTHER: 422 },
    call: async (c, persona) => ({
      url: `${ORIGIN}/api/v1/ledger-entries`,
      init: jsonInit("POST", { pointId: c.pointId, ...(persona === "COORDINATOR" ? { officeId: c.officeId } : {}), ...entryJson(c) }),
    }),
  },
  {
    key: "app/api/v1/ledger-entries/[id]/route.ts GET",
    allowed: READERS,
    call: async (c) => {
      const entry = await draftEntry(c);
      return { url: `${ORIGIN}/api/v1/ledger-entries/${entry.id}`, params: { id: String(entry.id) } };
    },
  },
  {
    key: "app/api/v1/ledger-entries/[id]/route.ts PATCH",
    allowed: WRITERS,
    call: async (c) => {
      const entry = await draftEntry(c);
      return { url: `${ORIGIN}/api/v1/ledger-entries/${entry.id}`, params: { id: String(entry.id) }, init: jsonInit("PATCH", { version: entry.version, ...entryJson(c) }) };
    },
  },
  {
    key: "app/api/ledger/[id]/attachments/route.ts POST",
    allowed: WRITERS,
    call: async (c) => {
      const entry = await draftEntry(c);
      const form = new FormData();
      form.append("file", new File([new Uint8Array(PDF_BYTES)], "签到表.pdf", { type: "application/pdf" }));
      const request = new Request(`${ORIGIN}/api/ledger/${entry.id}/attachments`, { method: "POST", body: form });
      // Materialise the multipart body so the route can read it like a browser upload.
      const body = new Uint8Array(await request.arrayBuffer());
      return {
        url: request.url,
        params: { id: String(entry.id) },
        init: { method: "POST", headers: { ...sameOrigin, "content-type": request.headers.get("content-type")! }, body },
      };
    },
  },
  {
    key: "app/api/attachments/[id]/route.ts GET",
    allowed: READERS,
    call: async (c) => {
      const entry = await draftEntry(c);
      const attachment = await c.db.attachment.create({
        data: { entryId: entry.id, fileName: "签到表.pdf", mimeType: "application/pdf", size: PDF_BYTES.length, sha256: "0".repeat(64), data: new Uint8Array(PDF_BYTES), createdById: c.creatorId },
      });
      return { url: `${ORIGIN}/api/attachments/${attachment.id}`, params: { id: String(attachment.id) } };
    },
  },
  {
    key: "app/api/export/ledger/route.ts GET",
    // STAFF of any office may export: their own office's entries only (ledger-exports.test.ts).
    allowed: [...READERS, "STAFF_OTHER"],
    call: async () => ({ url: `${ORIGIN}/api/export/ledger?year=2025` }),
  },
  {
    key: "app/api/audit/export/route.ts GET",
    // Only the 安全审计员 exports the audit log (三员分立); leaders read it on the page.
    allowed: ["AUDITOR"],
    call: async () => ({ url: `${ORIGIN}/api/audit/export?action=login` }),
  },
  {
    key: "app/api/export/evidence/route.ts GET",
    allowed: [...READERS, "STAFF_OTHER"],
    call: async () => ({ url: `${ORIGIN}/api/export/evidence?year=2025` }),
  },
  {
    key: "app/api/export/report/route.ts GET",
    allowed: ["LEADER", "COORDINATOR", "VIEWER"],
    call: async (c) => {
      const { generateReport } = await import("@/lib/report/mutations");
      if (!(await c.db.annualReport.findUnique({ where: { year: 2025 } }))) {
        const coordinator = await c.db.user.findUniqueOrThrow({ where: { username: "coordinator" } });
        await generateReport(c.db, { id: coordinator.id, username: coordinator.username, role: coordinator.role }, { year: 2025 });
      }
      return { url: `${ORIGIN}/api/export/report?year=2025` };
    },
  },
  {
    key: "app/api/export/bulletin/route.ts GET",
    allowed: ["LEADER", "COORDINATOR", "VIEWER"],
    call: async (c) => {
      const bulletin = await c.db.bulletin.create({
        data: {
          year: 2026,
          number: 2000 + c.seq(),
          periodStart: new Date(Date.UTC(2026, 0, 1)),
          periodEnd: new Date(Date.UTC(2026, 2, 31)),
          title: "关于2026年度法治建设工作要点落实情况的通报（路由矩阵）",
          content: "一、总体进展\n路由矩阵测试。",
          createdById: c.leaderId,
        },
      });
      return { url: `${ORIGIN}/api/export/bulletin?id=${bulletin.id}` };
    },
  },
  {
    // A leader's 述法 material (issue 16), drafted from the 2025 ledger.
    key: "app/api/export/shufa/route.ts GET",
    allowed: ["LEADER", "COORDINATOR", "VIEWER"],
    call: async (c) => ({ url: `${ORIGIN}/api/export/shufa?year=2025&leader=${c.leaderId}` }),
  },
  {
    // The 公开 version (issue 16): public, no login, once the 2025 report is signed and its 保密审查 approved.
    key: "app/public/reports/[year]/route.ts GET",
    allowed: ["ADMIN", "SECURITY_ADMIN", "AUDITOR", "LEADER", "COORDINATOR", "STAFF_OWNER", "STAFF_OTHER", "VIEWER", "DISABLED", "ANONYMOUS"],
    call: async (c) => {
      const { publishReportForMatrix } = await import("@/tests/security/report-cycle-cases");
      await publishReportForMatrix(c.db);
      return { url: `${ORIGIN}/public/reports/2025`, params: { year: "2025" } };
    },
  },
  {
    key: "app/api/reminders/[id]/docx/route.ts GET",
    allowed: READERS,
    call: async (c) => {
      const reminder = await c.db.reminder.create({
        data: { workPointId: c.pointId, officeId: c.officeId, sentById: c.leaderId, message: `请抓紧推进${c.seq()}`, requestedBy: new Date(Date.UTC(2026, 11, 15)) },
      });
      return { url: `${ORIGIN}/api/reminders/${reminder.id}/docx`, params: { id: String(reminder.id) } };
    },
  },
  ...ASSESSMENT_ROUTE_CASES,
  ...REGULATION_ROUTE_CASES,
];
