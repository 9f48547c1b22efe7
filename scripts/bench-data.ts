/**
 * The benchmark's dataset, written straight into a migrated SQLite file with better-sqlite3
 * prepared statements in one transaction (Prisma row by row would take minutes).
 *
 * 5 plan years × 60 work points, 150 targets per year, 20 offices, 200 users, 40 000 counted
 * (APPROVED, not deleted, not 协办) entries with quantities, plus noise the engine must ignore:
 * drafts, submitted and returned entries, deleted ones and 协办 records.
 */
import Database from "better-sqlite3";

export const BENCH_USER = "bench-leader";
export const BENCH_PASSWORD = "Bench@2025x";

export interface BenchShape {
  years: number[];
  offices: number;
  users: number;
  pointsPerYear: number;
  targetsPerYear: number;
  countedEntries: number;
  today: Date;
}

/** Deterministic PRNG (mulberry32), so every run builds the same data. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** How the Prisma SQLite adapter stores DateTime: ISO-8601 with an explicit offset. */
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
const DAY = 86_400_000;

const SECTION_TITLES = ["强化法治思想引领", "完善法治建设制度体系", "推进依法履职尽责", "加强法治宣传教育", "规范内部管理", "强化监督保障"];
const TITLES = ["专题学习：习近平法治思想", "法治专题培训班", "法治宣传活动", "调研视察", "制度建设与审查", "专题协商会", "学习贯彻新修订法规", "法律顾问参与决策"];
const FORMS = ["集中学习", "培训班", "宣传活动", "调研视察", "制度建设", "专题研讨", "集中学习", "其他"];

type TargetSpec = { subject: string; comparator: string; value: number; unit: string; kind: string };

function targetSpec(i: number, random: () => number): TargetSpec {
  const roll = i % 10;
  if (roll < 4) return { subject: "专题学习", comparator: ">=", value: 4 + Math.floor(random() * 8), unit: "次", kind: "COUNT" };
  if (roll < 6) return { subject: "培训人数", comparator: ">=", value: 200 + Math.floor(random() * 18) * 100, unit: "人次", kind: "SUM" };
  if (roll < 7) return { subject: "发布稿件", comparator: ">=", value: 20 + Math.floor(random() * 80), unit: "篇", kind: "SUM" };
  if (roll < 8) return { subject: "办复率", comparator: ">=", value: 95, unit: "%", kind: "PERCENT" };
  if (roll < 9) return { subject: "完成制度修订", comparator: ">=", value: 1, unit: "项", kind: "BOOLEAN" };
  return { subject: "差错", comparator: "<=", value: 2 + Math.floor(random() * 3), unit: "次", kind: "COUNT" };
}

export function buildBenchData(file: string, shape: BenchShape, passwordHash: string): void {
  const random = rng(20261122);
  const int = (n: number) => Math.floor(random() * n);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("foreign_keys = ON");
  const now = iso(new Date());
  const ins = {
    settings: db.prepare(`INSERT INTO "UnitSettings" ("id","unitName","signature","version","updatedAt") VALUES (1,?,?,1,?)`),
    office: db.prepare(`INSERT INTO "Office" ("name","shortName","active","sortOrder","createdAt","updatedAt") VALUES (?,?,1,?,?,?)`),
    user: db.prepare(`INSERT INTO "User" ("username","displayName","passwordHash","role","officeId","active","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?)`),
    plan: db.prepare(`INSERT INTO "Plan" ("year","title","unitName","status","publishedAt","createdAt","updatedAt") VALUES (?,?,?,'PUBLISHED',?,?,?)`),
    section: db.prepare(`INSERT INTO "Section" ("planId","ordinal","title") VALUES (?,?,?)`),
    point: db.prepare(`INSERT INTO "WorkPoint" ("planId","sectionId","number","title","text","leadOfficeId","deadline","deadlineText","responsible","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?,?,?)`),
    support: db.prepare(`INSERT INTO "WorkPointSupport" ("workPointId","officeId") VALUES (?,?)`),
    target: db.prepare(`INSERT INTO "Target" ("planId","workPointId","ordinal","sourceText","subject","comparator","value","unit","kind") VALUES (?,?,?,?,?,?,?,?,?)`),
    entry: db.prepare(
      `INSERT INTO "LedgerEntry" ("year","workPointId","officeId","date","title","form","description","status","linkedEntryId","createdById","submittedAt","reviewedById","reviewedAt","deletedAt","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    ),
    quantity: db.prepare(`INSERT INTO "LedgerQuantity" ("entryId","targetId","value","completes") VALUES (?,?,?,?)`),
  };

  db.transaction(() => {
    ins.settings.run("XX市政协办公室", "XX市政协办公室", now);
    const officeIds: number[] = [];
    for (let i = 1; i <= shape.offices; i++) {
      officeIds.push(Number(ins.office.run(`第${i}科室`, `科${i}`, i, now, now).lastInsertRowid));
    }
    const staffByOffice = new Map<number, number[]>();
    let reviewer = 0;
    for (let i = 0; i < shape.users; i++) {
      const role = i === 0 ? "LEADER" : i < 4 ? "COORDINATOR" : i < 10 ? "VIEWER" : "STAFF";
      const officeId = role === "STAFF" ? officeIds[i % officeIds.length] : role === "COORDINATOR" ? officeIds[0] : null;
      const username = i === 0 ? BENCH_USER : `user${String(i).padStart(3, "0")}`;
      const id = Number(ins.user.run(username, `用户${i}`, passwordHash, role, officeId, i % 37 === 36 ? 0 : 1, now, now).lastInsertRowid);
      if (role === "COORDINATOR" && !reviewer) reviewer = id;
      if (role === "STAFF" && officeId) staffByOffice.set(officeId, [...(staffByOffice.get(officeId) ?? []), id]);
    }

    const perYear = Math.round(shape.countedEntries / shape.years.length);
    for (const year of shape.years) {
      const planId = Number(ins.plan.run(year, `XX市政协办公室${year}年机关法治建设工作要点`, "XX市政协办公室", iso(new Date(Date.UTC(year, 0, 10))), now, now).lastInsertRowid);
      const points: { id: number; lead: number; offices: number[]; targets: { id: number; kind: string }[] }[] = [];
      const sectionIds = SECTION_TITLES.map((title, i) => Number(ins.section.run(planId, i + 1, title).lastInsertRowid));
      for (let n = 1; n <= shape.pointsPerYear; n++) {
        const lead = officeIds[(n * 7 + year) % officeIds.length];
        const month = random() < 0.7 ? 12 : 3 + int(9);
        const deadline = new Date(Date.UTC(year, month, 0));
        const id = Number(
          ins.point.run(planId, sectionIds[Math.floor(((n - 1) * sectionIds.length) / shape.pointsPerYear)], n, `工作要点${n}`, `第${n}项工作要点正文。`, lead, iso(deadline), month === 12 ? "年底前" : `${month}月底前`, "科室负责人", now, now).lastInsertRowid,
        );
        const offices = [lead];
        for (let s = int(4); s > 0; s--) {
          const other = officeIds[int(officeIds.length)];
          if (!offices.includes(other)) {
            ins.support.run(id, other);
            offices.push(other);
          }
        }
        points.push({ id, lead, offices, targets: [] });
      }
      for (let i = 0; i < shape.targetsPerYear; i++) {
        const point = points[i % points.length];
        const spec = targetSpec(i + int(3), random);
        const id = Number(ins.target.run(planId, point.id, i, `${spec.subject}${spec.comparator}${spec.value}${spec.unit}`, spec.subject, spec.comparator, spec.value, spec.unit, spec.kind).lastInsertRowid);
        point.targets.push({ id, kind: spec.kind });
      }

      const start = Date.UTC(year, 0, 1);
      const days = Math.max(1, Math.min(Date.UTC(year, 11, 31), shape.today.getTime()) - start) / DAY + 1;
      const approved: number[] = [];
      // Counted entries, then ~12% noise: drafts, pending, returned, deleted and 协办 records.
      const total = Math.round(perYear * 1.12);
      for (let k = 0; k < total; k++) {
        const counted = k < perYear;
        const point = points[int(points.length)];
        const officeId = random() < 0.8 ? point.lead : point.offices[int(point.offices.length)];
        const date = iso(new Date(start + int(days) * DAY));
        const t = int(TITLES.length);
        const noise = counted ? "" : (["DRAFT", "SUBMITTED", "RETURNED", "DELETED", "LINKED"] as const)[int(5)];
        const status = noise === "DRAFT" || noise === "SUBMITTED" || noise === "RETURNED" ? noise : "APPROVED";
        const linked = noise === "LINKED" && approved.length ? approved[int(approved.length)] : null;
        const creator = staffByOffice.get(officeId)?.[0] ?? reviewer;
        const reviewed = status === "APPROVED" || status === "RETURNED";
        const entryId = Number(
          ins.entry.run(year, point.id, officeId, date, `${TITLES[t]}（${k + 1}）`, FORMS[t], "组织机关干部参加，形成学习记录和签到表。", status, linked, creator,
            status === "DRAFT" ? null : date, reviewed ? reviewer : null, reviewed ? date : null, noise === "DELETED" ? now : null, now, now).lastInsertRowid,
        );
        if (counted) approved.push(entryId);
        const chosen = point.targets.filter(() => random() < 0.6);
        for (const target of chosen.length ? chosen : [point.targets[0]]) {
          const value = target.kind === "COUNT" ? 1 : target.kind === "SUM" ? 20 + int(130) : target.kind === "PERCENT" ? 80 + int(21) : 1;
          ins.quantity.run(entryId, target.id, value, target.kind === "BOOLEAN" && random() < 0.05 ? 1 : 0);
        }
      }
    }
  })();
  db.close();
}
