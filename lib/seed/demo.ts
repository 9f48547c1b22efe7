import { seedSupervisionDemo } from "./supervision";
import plan2025 from "@/prisma/seed/plan-2025.json";
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { affectsFigures } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { calendarDayAt, dateFromDayIndex, dayIndex, yearEndDay } from "@/lib/progress/dates";

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { seedAssessment } from "./assessment";
import { seedRegulations } from "./regulations";
import { seedRegulationAssessments } from "./regulation-assessments";
import { seedStudyList } from "./study";
import { providerOf } from "@/lib/db";
import { seedReportCycle } from "./report-cycle";

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

const OFFICES = [
  ["综合科", "综合"],
  ["研究室", "研究"],
  ["人事科", "人事"],
  ["机关党委", "党委"],
  ["提案委", "提案"],
  ["社会法制委", "社法"],
  ["法治办", "法治"],
] as const;

/** Who leads, who cooperates and by when, per point number (the plan text leaves this to the 任务分解表). */
const ASSIGNMENTS: Record<number, { lead: string; support: string[]; deadline: [number, number] | null; deadlineText: string }> = {
  1: { lead: "综合科", support: ["机关党委", "人事科"], deadline: null, deadlineText: "年底前" },
  2: { lead: "研究室", support: ["提案委", "社会法制委"], deadline: null, deadlineText: "全年" },
  3: { lead: "综合科", support: ["研究室"], deadline: null, deadlineText: "全年" },
  4: { lead: "人事科", support: ["综合科", "机关党委"], deadline: [10, 31], deadlineText: "10月底前" },
  5: { lead: "研究室", support: ["提案委"], deadline: null, deadlineText: "年底前" },
  6: { lead: "综合科", support: ["人事科"], deadline: null, deadlineText: "年底前" },
  7: { lead: "法治办", support: ["综合科"], deadline: [6, 30], deadlineText: "6月底前" },
  8: { lead: "综合科", support: ["法治办"], deadline: [9, 30], deadlineText: "第三季度" },
  9: { lead: "研究室", support: [], deadline: null, deadlineText: "全年" },
  10: { lead: "社会法制委", support: ["研究室"], deadline: null, deadlineText: "全年" },
  11: { lead: "提案委", support: ["研究室"], deadline: null, deadlineText: "全年" },
  12: { lead: "社会法制委", support: ["法治办"], deadline: null, deadlineText: "全年" },
};

/** The three quantitative targets of the 2025 plan text. */
const TARGETS = [
  { point: 1, sourceText: "全年组织专题学习不少于4次，确保学习全覆盖、无死角。", subject: "专题学习", comparator: ">=", value: 4, unit: "次", kind: "COUNT" },
  { point: 4, sourceText: "每年举办专题培训班不少于1期，培训人数不少于200人次。", subject: "专题培训班", comparator: ">=", value: 1, unit: "期", kind: "COUNT" },
  { point: 4, sourceText: "每年举办专题培训班不少于1期，培训人数不少于200人次。", subject: "培训人数", comparator: ">=", value: 200, unit: "人次", kind: "SUM" },
] as const;

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

type OfficeIds = Map<string, number>;

/**
 * The seed's own audit rows: every seeded row gets its "create" row, as if it had been entered
 * through the portal, so the history of each (and what the four-eyes check reads from it,
 * lib/ledger/contributors.ts) starts at its creation. Collected and written at the end of the seed
 * transaction with one INSERT.
 */
class SeedAudit {
  readonly rows: Prisma.AuditLogCreateManyInput[] = [];
  constructor(private readonly users: Map<string, { id: number; username: string; role: string }> = new Map()) {}
  setUsers(users: Map<string, { id: number; username: string; role: string }>) {
    for (const [k, v] of users) this.users.set(k, v);
  }
  create(entity: string, entityId: number, after: object, by?: string) {
    const actor = by ? this.users.get(by) : undefined;
    this.rows.push({
      userId: actor?.id ?? null,
      username: actor?.username ?? "system",
      role: actor?.role ?? "",
      entity,
      entityId: String(entityId),
      action: "create",
      after: JSON.stringify({ ...after, seeded: true }),
      affectsFigures: affectsFigures({ entity, action: "create" }),
    });
  }
}

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Per point number: a deadline (and its written form) other than ASSIGNMENTS', and a completion mark. */
type PointOverrides = Partial<Record<number, { deadline?: Date; deadlineText?: string; completedAt?: Date }>>;

async function createPlan(tx: Tx, audit: SeedAudit, year: number, offices: OfficeIds, status: string, overrides: PointOverrides = {}) {
  const plan = await tx.plan.create({
    data: {
      year,
      title: plan2025.title.replace("2025", String(year)),
      unitName: "XX市政协办公室",
      preamble: plan2025.preamble.replace(/2025 ?年/g, `${year}年`),
      status,
      publishedAt: status === "PUBLISHED" ? utc(year, 1, 10) : null,
    },
  });
  // Plan history (lib/plan/queries.ts planHistory) finds point and target rows by their leading planId.
  audit.create("Plan", plan.id, { planId: plan.id, year, title: plan.title, status, publishedAt: plan.publishedAt?.toISOString() ?? null, version: plan.version });
  const points = new Map<number, number>();
  const targets = new Map<string, number>();
  for (const [sectionIndex, section] of plan2025.sections.entries()) {
    const created = await tx.section.create({ data: { planId: plan.id, ordinal: sectionIndex + 1, title: section.title } });
    audit.create("Section", created.id, { planId: plan.id, id: created.id, ordinal: created.ordinal, title: created.title });
    for (const point of section.points) {
      const assignment = ASSIGNMENTS[point.number];
      const override = overrides[point.number] ?? {};
      const wp = await tx.workPoint.create({
        data: {
          planId: plan.id,
          sectionId: created.id,
          number: point.number,
          title: point.title,
          text: point.text,
          leadOfficeId: offices.get(assignment.lead) ?? null,
          deadline: override.deadline ?? (assignment.deadline ? utc(year, ...assignment.deadline) : utc(year, 12, 31)),
          deadlineText: override.deadlineText ?? assignment.deadlineText,
          completedAt: override.completedAt ?? null,
          responsible: `${assignment.lead}负责人`,
          supportOffices: { create: assignment.support.map((name) => ({ officeId: offices.get(name)! })) },
        },
      });
      points.set(point.number, wp.id);
      audit.create("WorkPoint", wp.id, {
        planId: plan.id, id: wp.id, number: wp.number, title: wp.title, text: wp.text, leadOfficeId: wp.leadOfficeId,
        supportOfficeIds: assignment.support.map((name) => offices.get(name)!).sort((a, b) => a - b),
        deadline: isoDay(wp.deadline), deadlineText: wp.deadlineText, responsible: wp.responsible, completedAt: isoDay(wp.completedAt), version: wp.version,
      });
    }
  }
  for (const [ordinal, target] of TARGETS.entries()) {
    const created = await tx.target.create({
      data: {
        planId: plan.id,
        workPointId: points.get(target.point)!,
        ordinal,
        sourceText: target.sourceText,
        subject: target.subject,
        comparator: target.comparator,
        value: target.value,
        unit: target.unit,
        kind: target.kind,
      },
    });
    targets.set(target.subject, created.id);
    audit.create("Target", created.id, {
      planId: plan.id, id: created.id, workPointId: created.workPointId, pointNumber: target.point, subject: created.subject, comparator: created.comparator,
      value: created.value, unit: created.unit, kind: created.kind, sourceText: created.sourceText, version: created.version,
    });
  }
  return { plan, points, targets };
}

interface DemoEntry {
  point: number;
  office: string;
  date: Date;
  title: string;
  form: string;
  description: string;
  status: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";
  category?: "NORMAL" | "FIRST_RESPONSIBLE";
  quantities?: Partial<Record<"专题学习" | "专题培训班" | "培训人数", number>>;
  returnReason?: string;
}

function entries2025(): DemoEntry[] {
  const y = 2025;
  const study = (m: number, d: number, title: string, form: string, people: number): DemoEntry => ({
    point: 1, office: "综合科", date: utc(y, m, d), title, form, status: "APPROVED",
    description: `组织机关干部${people}人参加，围绕${title.replace(/^.*?：/, "")}开展学习交流。`, quantities: { 专题学习: 1 },
  });
  return [
    study(3, 12, "专题学习：习近平法治思想的核心要义", "集中学习", 62),
    study(4, 18, "专题学习：宪法和政协章程", "专题研讨", 55),
    study(6, 20, "专题学习：民法典与政协履职", "专家讲座", 70),
    study(8, 26, "专题学习：行政复议法修订要点", "集中学习", 48),
    study(10, 15, "专题学习：党内法规学习", "专题研讨", 51),
    study(12, 4, "专题学习：“12·4”国家宪法日主题学习", "集中学习", 80),
    { point: 4, office: "人事科", date: utc(y, 9, 8), title: "习近平法治思想专题培训班（第一期）", form: "培训班", status: "APPROVED", description: "邀请市委党校、律师事务所专家授课，机关干部和政协委员参训，分三批次进行。", quantities: { 专题培训班: 1, 培训人数: 412 } },
    { point: 2, office: "研究室", date: utc(y, 5, 22), title: "法治XX建设重点问题调研视察", form: "调研视察", status: "APPROVED", description: "组织部分委员赴市司法局、市中级人民法院开展调研视察。" },
    { point: 2, office: "研究室", date: utc(y, 7, 10), title: "法治建设专题协商会", form: "专题研讨", status: "APPROVED", description: "围绕优化法治化营商环境开展专题协商，形成建议12条。" },
    { point: 3, office: "综合科", date: utc(y, 3, 20), title: "政协网站开设法治建设专栏", form: "宣传活动", status: "APPROVED", description: "在政协网站、微信公众号开设法治建设专栏，全年发布稿件36篇。" },
    { point: 3, office: "综合科", date: utc(y, 12, 4), title: "国家宪法日法治宣传活动", form: "宣传活动", status: "APPROVED", description: "开展宪法宣传、法律咨询，发放宣传资料500余份。" },
    { point: 5, office: "研究室", date: utc(y, 6, 5), title: "修订协商议政选题工作规则", form: "制度建设", status: "APPROVED", description: "完成协商议政选题机制等4项制度修订。" },
    { point: 6, office: "综合科", date: utc(y, 4, 28), title: "机关内部管理制度全面审查", form: "制度建设", status: "APPROVED", description: "对公文处理、会议组织、财务和资产管理等18项制度进行审查。" },
    { point: 7, office: "法治办", date: utc(y, 3, 3), title: "印发《XX市政协办公室法治建设工作制度》", form: "制度建设", status: "APPROVED", description: "经秘书长办公会审议通过后印发实施，成立法治建设工作领导小组。" },
    { point: 8, office: "综合科", date: utc(y, 9, 16), title: "制度信息化管理平台上线", form: "制度建设", status: "APPROVED", description: "各项制度纳入平台，实现在线查询和学习。" },
    { point: 9, office: "研究室", date: utc(y, 8, 14), title: "邀请法律专家参与专题协商", form: "专题研讨", status: "APPROVED", description: "邀请3名法律专家为协商活动提供法律支持。" },
    { point: 10, office: "社会法制委", date: utc(y, 9, 24), title: "法治政府建设专项民主监督", form: "调研视察", status: "APPROVED", description: "组织委员开展专项监督，提出监督意见8条。" },
    { point: 11, office: "提案委", date: utc(y, 11, 6), title: "优秀参政议政成果评选", form: "其他", status: "SUBMITTED", description: "评选优秀提案和调研报告。" },
    { point: 12, office: "社会法制委", date: utc(y, 10, 20), title: "参与地方性法规草案立法协商", form: "专题研讨", status: "APPROVED", description: "就2部地方性法规草案提出修改意见15条。" },
    { point: 1, office: "法治办", date: utc(y, 2, 25), title: "秘书长主持召开法治建设专题会议", form: "专题研讨", status: "APPROVED", category: "FIRST_RESPONSIBLE", description: "研究部署全年法治建设工作，审议工作要点。" },
    { point: 1, office: "法治办", date: utc(y, 5, 9), title: "秘书长带头学法讲法治课", form: "集中学习", status: "APPROVED", category: "FIRST_RESPONSIBLE", description: "以习近平法治思想为主题为机关干部讲授专题党课。" },
    { point: 7, office: "法治办", date: utc(y, 11, 18), title: "秘书长批示督办法治建设台账", form: "其他", status: "APPROVED", category: "FIRST_RESPONSIBLE", description: "对法治建设工作台账推进情况作出批示，要求逐项对账销号。" },
    { point: 6, office: "综合科", date: utc(y, 11, 28), title: "机关制度宣传培训", form: "培训班", status: "RETURNED", description: "组织机关干部学习新修订制度。", returnReason: "请补充签到表和培训通知" },
  ];
}

/**
 * The 2025 plan is over: every point without targets whose work was approved carries its
 * completion mark (the day of its last approved record), as the 法治办 would have set it. Point 11
 * has only a pending record, so it stays unfinished and shows up in the report's parts 二 and 四.
 */
function overrides2025(targetPoints: Set<number>): PointOverrides {
  const overrides: PointOverrides = {};
  for (const entry of entries2025()) {
    if (entry.status !== "APPROVED" || entry.category === "FIRST_RESPONSIBLE" || targetPoints.has(entry.point)) continue;
    const marked = overrides[entry.point]?.completedAt;
    if (!marked || marked < entry.date) overrides[entry.point] = { completedAt: entry.date };
  }
  return overrides;
}

/** Point of the current-year plan that is 滞后 on any day of the year (see currentYearOverrides). */
export const DEMO_BEHIND_POINT = 8;
/** Point of the current-year plan that is 已完成 on any day of the year. */
export const DEMO_DONE_POINT = 5;

/** A day of the current year on or before today (today when the day has not come yet). */
function upTo(year: number, today: Date, m: number, d: number): Date {
  const date = utc(year, m, d);
  return date > today ? today : date;
}

/**
 * The current-year plan, whatever day the demo is seeded on:
 * - point 8 (综合科, no targets, nothing recorded) is due 10 days after today (31 December at
 *   the latest), so it is 滞后 (deadline within 15 days, not done) every day: there is always a
 *   point to 催办;
 * - point 5 (研究室) was completed on 10 March (today, if earlier), so it is 已完成 every day.
 */
function currentYearOverrides(year: number, today: Date): PointOverrides {
  const due = dateFromDayIndex(Math.min(dayIndex(today) + 10, yearEndDay(year)));
  return {
    [DEMO_BEHIND_POINT]: { deadline: due, deadlineText: `${due.getUTCMonth() + 1}月${due.getUTCDate()}日前` },
    [DEMO_DONE_POINT]: { completedAt: upTo(year, today, 3, 10) },
  };
}

/** The current-year plan is under way: point 1 has only a pending entry, so it shows as 滞后 from mid-February. */
function entriesCurrentYear(year: number, today: Date): DemoEntry[] {
  const clamp = (m: number, d: number) => upTo(year, today, m, d);
  return [
    { point: 1, office: "综合科", date: clamp(1, 8), title: "专题学习：新年度法治建设工作部署", form: "集中学习", status: "SUBMITTED", description: "学习传达上级法治建设工作部署。", quantities: { 专题学习: 1 } },
    { point: 4, office: "人事科", date: clamp(3, 15), title: "法治专题培训班", form: "培训班", status: "APPROVED", description: "机关干部和政协委员参训。", quantities: { 专题培训班: 1, 培训人数: 120 } },
    { point: 3, office: "综合科", date: clamp(2, 20), title: "法治建设专栏更新", form: "宣传活动", status: "APPROVED", description: "更新专栏稿件。" },
    { point: 5, office: "研究室", date: clamp(3, 10), title: "完成协商议政选题工作规则年度修订", form: "制度建设", status: "APPROVED", description: "修订选题征集、论证和确定程序，经主席会议审议通过。" },
    { point: 7, office: "法治办", date: clamp(1, 15), title: "修订法治建设工作制度（征求意见稿）", form: "制度建设", status: "DRAFT", description: "形成征求意见稿。" },
  ];
}

async function createEntries(
  tx: Tx,
  audit: SeedAudit,
  year: number,
  list: DemoEntry[],
  ctx: { points: Map<number, number>; targets: Map<string, number>; offices: OfficeIds; users: Map<string, number> },
) {
  const creatorFor = (office: string) => (office === "研究室" ? "staff-yanjiu" : office === "综合科" ? "staff-zonghe" : "coordinator");
  for (const item of list) {
    const reviewed = item.status === "APPROVED" || item.status === "RETURNED";
    const creator = creatorFor(item.office);
    // Four eyes holds in the demo too: the 法治办's own records are reviewed by the 秘书长.
    const reviewer = ctx.users.get(creator === "coordinator" ? "leader" : "coordinator")!;
    const entry = await tx.ledgerEntry.create({
      data: {
        year,
        workPointId: ctx.points.get(item.point)!,
        officeId: ctx.offices.get(item.office)!,
        date: item.date,
        title: item.title,
        form: item.form,
        description: item.description,
        participants: "",
        category: item.category ?? "NORMAL",
        status: item.status,
        returnReason: item.returnReason ?? null,
        createdById: ctx.users.get(creator)!,
        submittedAt: item.status === "DRAFT" ? null : item.date,
        reviewedById: reviewed ? reviewer : null,
        reviewedAt: reviewed ? item.date : null,
        quantities: {
          create: Object.entries(item.quantities ?? {}).map(([subject, value]) => ({ targetId: ctx.targets.get(subject)!, value })),
        },
      },
      include: { quantities: { select: { targetId: true, value: true, completes: true }, orderBy: { targetId: "asc" } } },
    });
    audit.create("LedgerEntry", entry.id, entry, creator);
  }
}

/**
 * Demo data: offices, the six demo accounts, the 2025 plan from the fixture with its ledger,
 * and (when the clock is past 2025) the current year's plan under way.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const today = calendarDayAt(now); // the calendar day in China (a UTC-midnight date stays that day)
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const kind = providerOf(db);
  await db.$transaction(
    async (tx) => {
      const audit = new SeedAudit();
      const settings = await tx.unitSettings.upsert({
        where: { id: 1 },
        create: { id: 1, unitName: "XX市政协办公室", signature: "XX市政协办公室" },
        update: {},
      });
      audit.create("UnitSettings", settings.id, { unitName: settings.unitName, signature: settings.signature });
      const offices: OfficeIds = new Map();
      for (const [index, [name, shortName]] of OFFICES.entries()) {
        const office = await tx.office.create({ data: { name, shortName, sortOrder: index } });
        offices.set(name, office.id);
        audit.create("Office", office.id, { id: office.id, name, shortName, sortOrder: index, active: office.active });
      }
      const users = new Map<string, number>();
      for (const account of DEMO_ACCOUNTS) {
        const user = await tx.user.create({
          data: {
            username: account.username,
            displayName: account.displayName,
            role: account.role,
            officeId: account.office ? offices.get(account.office)! : null,
            passwordHash,
          },
        });
        users.set(account.username, user.id);
        // Never the password hash.
        audit.create("User", user.id, { id: user.id, username: user.username, displayName: user.displayName, role: user.role, officeId: user.officeId, active: user.active });
      }
      audit.setUsers(new Map(DEMO_ACCOUNTS.map((a) => [a.username, { id: users.get(a.username)!, username: a.username, role: a.role }])));
      await seedReportCycle(tx, users, audit);
      const past = await createPlan(tx, audit, 2025, offices, "PUBLISHED", overrides2025(new Set(TARGETS.map((t) => t.point))));
      await createEntries(tx, audit, 2025, entries2025(), { ...past, offices, users });
      await seedAssessment(tx, { points: past.points, targets: past.targets, coordinatorId: users.get("coordinator")!, audit: (entity, id, after) => audit.create(entity, id, after, "coordinator") });
      const currentYear = today.getUTCFullYear();
      let currentPoints: Map<number, number> = new Map();
      if (currentYear > 2025) {
        const current = await createPlan(tx, audit, currentYear, offices, "PUBLISHED", currentYearOverrides(currentYear, today));
        await createEntries(tx, audit, currentYear, entriesCurrentYear(currentYear, today), { ...current, offices, users });
        await seedSupervisionDemo(tx, currentYear, today, { points: current.points, offices, users }, (...args) => audit.create(...args));
        currentPoints = current.points;
      }
      await seedRegulations(tx, kind, offices, today, (entity, id, after, by) => audit.create(entity, id, after, by));
      await seedRegulationAssessments(tx, currentYear, today, { offices, points: currentPoints, coordinatorId: users.get("coordinator") ?? null }, (entity, id, after, by) =>
        audit.create(entity, id, after, by),
      );
      await seedStudyList(tx, currentYear, users.get("coordinator") ?? null, (entity, id, after, by) => audit.create(entity, id, after, by));
      await tx.auditLog.createMany({ data: audit.rows });
      await tx.auditLog.create({ data: { entity: "System", action: "seed.demo", username: "system" } });
    },
    { timeout: 60_000 },
  );
}
