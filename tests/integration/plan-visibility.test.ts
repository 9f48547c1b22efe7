/**
 * Drafts stay drafts (issue 20): a plan in 草稿 is seen by the 法治办 and the 系统管理员 only, at
 * every read path other roles reach — lists, year pages, the dashboard, the ledger, reports,
 * exports, entry creation and 催办 — and a draft year is answered exactly like a missing year.
 * After 发布 everyone sees it.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { PERSONA_USERNAME, sessionFor, type Persona } from "@/tests/security/personas";
import { ledgerUser } from "@/tests/support/ledger-helpers";
import type { LedgerUser } from "@/lib/ledger/access";
import type { Role } from "@/lib/auth/roles";
import { getPlanByYear, listPlans } from "@/lib/plan/queries";
import { findVisiblePlan, hidesDraftYear, visiblePlanYears } from "@/lib/plan/visibility";
import { publishPlan } from "@/lib/plan/mutations";
import { loadDashboard } from "@/lib/dashboard/data";
import { defaultYear, filterOptions, getPointForRecording, inferYear } from "@/lib/ledger/queries";
import { loadLedgerExport } from "@/lib/ledger/export-xlsx";
import * as m from "@/lib/ledger/mutations";
import { listReportYears } from "@/lib/report/queries";
import { sendReminder } from "@/lib/reminders/mutations";
import { calendarDate } from "@/lib/progress/dates";

let currentSession: unknown = null;
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: vi.fn(async () => currentSession) };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

const DRAFT_YEAR = 2038;
const MISSING_YEAR = 2039;
const TODAY = calendarDate(2026, 11, 22);

let t: TestDb;
let planId: number;
let pointId: number;
let targetId: number;
let sectionId: number;
const users = new Map<string, LedgerUser>();

/** [persona, role, sees drafts] — the business roles and the 系统管理员. */
const READERS: [Persona, Role, boolean][] = [
  ["STAFF_OWNER", "STAFF", false],
  ["STAFF_OTHER", "STAFF", false],
  ["LEADER", "LEADER", false],
  ["VIEWER", "VIEWER", false],
  ["COORDINATOR", "COORDINATOR", true],
  ["ADMIN", "ADMIN", true],
];
const user = (persona: Persona) => users.get(persona)!;

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: TODAY });
  process.env.DATABASE_URL = t.url;
  for (const [persona] of READERS) users.set(persona, await ledgerUser(t.db, PERSONA_USERNAME[persona as Exclude<Persona, "ANONYMOUS">]));
  const zonghe = await t.db.office.findUniqueOrThrow({ where: { name: "综合科" } });
  // A draft for a year nobody else uses, led by 综合科 (STAFF_OWNER's office), due within the year.
  const plan = await t.db.plan.create({ data: { year: DRAFT_YEAR, title: `${DRAFT_YEAR}年机关法治建设工作要点`, unitName: "XX市政协办公室", status: "DRAFT" } });
  const section = await t.db.section.create({ data: { planId: plan.id, ordinal: 1, title: "一、草稿部分" } });
  const point = await t.db.workPoint.create({
    data: { planId: plan.id, sectionId: section.id, number: 1, title: "草稿要点", leadOfficeId: zonghe.id, deadline: calendarDate(DRAFT_YEAR, 6, 30), deadlineText: "6月底前" },
  });
  const target = await t.db.target.create({
    data: { planId: plan.id, workPointId: point.id, sourceText: "开展专题学习不少于4次", subject: "专题学习", comparator: ">=", value: 4, unit: "次", kind: "COUNT" },
  });
  [planId, pointId, targetId, sectionId] = [plan.id, point.id, target.id, section.id];
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await t.cleanup();
});

/** Every read path, as seen by one reader: true where the draft year shows. */
async function readPaths(persona: Persona, role: Role) {
  const u = user(persona);
  const dash = await loadDashboard(t.db, { role, officeId: u.officeId }, { year: DRAFT_YEAR, today: TODAY, cache: false });
  const options = await filterOptions(t.db, DRAFT_YEAR, role);
  return {
    planList: (await listPlans(t.db, role)).some((p) => p.year === DRAFT_YEAR),
    planYear: (await getPlanByYear(t.db, DRAFT_YEAR, role)) !== null,
    visibleYears: (await visiblePlanYears(t.db, role)).some((p) => p.year === DRAFT_YEAR),
    findPlan: (await findVisiblePlan(t.db, role, DRAFT_YEAR)) !== null,
    dashboardSwitcher: dash?.years.some((y) => y.year === DRAFT_YEAR) ?? false,
    dashboardYear: dash?.year === DRAFT_YEAR,
    ledgerDefaultYear: (await defaultYear(t.db, role, new Date(`${DRAFT_YEAR}-05-01T00:00:00Z`))) === DRAFT_YEAR,
    ledgerYears: options.years.includes(DRAFT_YEAR),
    ledgerPoints: options.points.length > 0,
    ledgerInferYear: (await inferYear(t.db, role, { pointId, targetId: undefined, sectionId: undefined })) === DRAFT_YEAR,
    ledgerInferFromSection: (await inferYear(t.db, role, { pointId: undefined, targetId: undefined, sectionId })) === DRAFT_YEAR,
    recordPoint: (await getPointForRecording(t.db, role, pointId)) !== null,
    ledgerExport: (await loadLedgerExport(t.db, u, DRAFT_YEAR)) !== null,
    reportList: (await listReportYears(t.db, role)).some((r) => r.year === DRAFT_YEAR),
    reportYear: !(await hidesDraftYear(t.db, role, DRAFT_YEAR)),
  };
}

describe("a draft plan, before 发布", () => {
  it.each(READERS)("%s (%s) sees the draft on every read path: %s", async (persona, role, sees) => {
    const paths = await readPaths(persona, role);
    for (const [path, shown] of Object.entries(paths)) expect(shown, `${persona}: ${path}`).toBe(sees);
  });

  it("a missing year is never hidden as a draft (hidesDraftYear is about drafts only)", async () => {
    expect(await hidesDraftYear(t.db, "STAFF", MISSING_YEAR)).toBe(false);
    expect(await hidesDraftYear(t.db, "STAFF", 2025)).toBe(false);
  });

  it("refuses STAFF an entry on the draft's point as if the point did not exist; the 法治办 is told it is unpublished", async () => {
    const input = { pointId, date: new Date(`${DRAFT_YEAR}-03-01T00:00:00Z`), title: "草稿年度的记录", form: "集中学习" as const, description: "", participants: "", category: "NORMAL" as const, linkedEntryId: null, quantities: [] };
    await expect(m.createEntry(t.db, user("STAFF_OWNER"), input)).rejects.toThrow("工作要点不存在");
    await expect(m.createEntry(t.db, user("STAFF_OWNER"), { ...input, pointId: 999_999 })).rejects.toThrow("工作要点不存在");
    await expect(m.createEntry(t.db, user("COORDINATOR"), { ...input, officeId: user("STAFF_OWNER").officeId! })).rejects.toThrow("尚未发布");
    expect(await t.db.ledgerEntry.count({ where: { workPointId: pointId } })).toBe(0);
  });

  it("refuses a 催办 on the draft's point: not found for the leader, unpublished for the 法治办", async () => {
    const leader = user("LEADER");
    const input = { workPointId: pointId, message: "请抓紧推进这项工作", requestedBy: calendarDate(2026, 12, 1) };
    await expect(sendReminder(t.db, leader, input, { today: TODAY })).rejects.toThrow("工作要点不存在");
    await expect(sendReminder(t.db, user("COORDINATOR"), input, { today: TODAY })).rejects.toThrow("尚未发布");
    expect(await t.db.reminder.count({ where: { workPointId: pointId } })).toBe(0);
  });

  // Route handlers: a draft year gets the same status and message as a year without any plan.
  const routeCases: [string, string, Persona, number][] = [
    ["ledger .xlsx", "/api/export/ledger", "STAFF_OWNER", 404],
    ["ledger .xlsx", "/api/export/ledger", "LEADER", 404],
    ["ledger .xlsx", "/api/export/ledger", "VIEWER", 404],
    ["evidence .zip", "/api/export/evidence", "STAFF_OWNER", 404],
    ["evidence .zip", "/api/export/evidence", "LEADER", 404],
    ["report .docx", "/api/export/report", "LEADER", 400],
    ["report .docx", "/api/export/report", "VIEWER", 400],
  ];
  it.each(routeCases)("%s (%s) as %s: the draft year is answered like a missing year (%i)", async (_label, route, persona, status) => {
    const mod = (await import(`@/app${route}/route`)) as { GET: (r: NextRequest) => Promise<Response> };
    currentSession = await sessionFor(t.db, persona);
    const draft = await mod.GET(new NextRequest(`http://localhost${route}?year=${DRAFT_YEAR}`));
    const missing = await mod.GET(new NextRequest(`http://localhost${route}?year=${MISSING_YEAR}`));
    expect(draft.status).toBe(status);
    expect(missing.status).toBe(status);
    expect((await draft.json()).message.replace(String(DRAFT_YEAR), "YEAR")).toBe((await missing.json()).message.replace(String(MISSING_YEAR), "YEAR"));
  });

  it("the 法治办 exports the draft year's (empty) ledger", async () => {
    const { GET } = await import("@/app/api/export/ledger/route");
    currentSession = await sessionFor(t.db, "COORDINATOR");
    expect((await GET(new NextRequest(`http://localhost/api/export/ledger?year=${DRAFT_YEAR}`))).status).toBe(200);
  });

  // Pages: notFound() for those who may not see drafts, the page for the 法治办.
  const pageCases: [string, Persona, boolean][] = [
    ["plans/[year]", "STAFF_OWNER", false],
    ["plans/[year]", "LEADER", false],
    ["plans/[year]", "VIEWER", false],
    ["plans/[year]", "COORDINATOR", true],
    ["plans/[year]", "ADMIN", true],
    ["points/[id]", "STAFF_OWNER", false],
    ["points/[id]", "LEADER", false],
    ["points/[id]", "VIEWER", false],
    ["points/[id]", "COORDINATOR", true],
  ];
  it.each(pageCases)("/%s as %s renders: %s", async (page, persona, renders) => {
    currentSession = await sessionFor(t.db, persona);
    const params = Promise.resolve(page === "plans/[year]" ? { year: String(DRAFT_YEAR) } : { id: String(pointId) });
    const mod = (await import(`@/app/(portal)/${page}/page`)) as { default: (props: unknown) => Promise<unknown> };
    const rendering = mod.default({ params, searchParams: Promise.resolve({}) });
    if (renders) await expect(rendering).resolves.toBeTruthy();
    else await expect(rendering).rejects.toMatchObject({ digest: expect.stringMatching(/404/) });
  });
});

describe("after 发布", () => {
  beforeAll(async () => {
    const coordinator = user("COORDINATOR");
    const plan = await t.db.plan.findUniqueOrThrow({ where: { id: planId } });
    await publishPlan(t.db, { id: coordinator.id, username: coordinator.username, role: coordinator.role }, { id: plan.id, version: plan.version });
  });

  it.each(READERS)("%s (%s) sees the plan on every read path", async (persona, role) => {
    const paths = await readPaths(persona, role);
    for (const [path, shown] of Object.entries(paths)) {
      // STAFF_OTHER's office is not involved in the point: inferring the year from it still works for everyone.
      expect(shown, `${persona}: ${path}`).toBe(true);
    }
  });

  it("STAFF of the lead office may now record on the point", async () => {
    const entry = await m.createEntry(t.db, user("STAFF_OWNER"), {
      pointId, date: new Date(`${DRAFT_YEAR}-03-01T00:00:00Z`), title: "发布后的记录", form: "集中学习", description: "", participants: "", category: "NORMAL", linkedEntryId: null, quantities: [],
    });
    expect(entry.id).toBeGreaterThan(0);
  });
});
