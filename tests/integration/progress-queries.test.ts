import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, userByName, type TestDb } from "@/tests/support/test-db";
import type { Db } from "@/lib/db";
import { calendarDate, computePlanProgress, type TargetAggregate } from "@/lib/progress";
import {
  countPendingReview,
  dayAfter,
  loadApprovedEntryCounts,
  loadMonthlyActivity,
  loadPlanProgress,
  loadTargetAggregates,
  PERSON_TIME_UNIT,
  resolvePlanAsOf,
} from "@/lib/progress/queries";
import { buildListWhere } from "@/tests/support/ledger-list-reference";
import { parseListFilter } from "@/lib/ledger/schemas";
import { attentionRows, officeRanking, planLedgerHref, sectionBars } from "@/lib/dashboard/view";

const YEAR = 2026;
const TODAY = calendarDate(2026, 11, 22);
let t: TestDb;
let planId: number;

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

async function addRandomEntries(db: Db, count: number, seed: number) {
  const random = rng(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const points = await db.workPoint.findMany({ where: { planId }, include: { targets: true } });
  const offices = await db.office.findMany();
  const creator = await userByName(db, "coordinator");
  const created: number[] = [];
  for (let i = 0; i < count; i++) {
    const point = pick(points);
    // Some dates after "today", to prove they are not counted as of today.
    const date = new Date(Date.UTC(YEAR, 0, 1) + Math.floor(random() * 365) * 86_400_000);
    const status = pick(["DRAFT", "SUBMITTED", "APPROVED", "APPROVED", "APPROVED", "RETURNED"] as const);
    const linked = created.length > 0 && random() < 0.12 ? pick(created) : null;
    const entry = await db.ledgerEntry.create({
      data: {
        year: YEAR, workPointId: point.id, officeId: pick(offices).id, date, title: `随机台账${i}`, form: "其他",
        status, linkedEntryId: linked, createdById: creator.id, deletedAt: random() < 0.1 ? new Date() : null,
        quantities: {
          create: point.targets
            .filter(() => random() < 0.8)
            .map((target) => ({
              targetId: target.id,
              value: target.kind === "PERCENT" ? Math.round(random() * 1000) / 10 : target.kind === "BOOLEAN" ? 1 : Math.floor(random() * 50) / 2,
              completes: target.kind === "BOOLEAN" && random() < 0.3,
            })),
        },
      },
    });
    created.push(entry.id);
  }
}

/** The same totals, computed the slow obvious way from every row. */
async function naive(db: Db, asOf: Date) {
  const before = dayAfter(asOf).getTime();
  const entries = await db.ledgerEntry.findMany({ include: { workPoint: true, quantities: { include: { target: true } } }, orderBy: { id: "asc" } });
  const counted = entries.filter(
    (e) => e.status === "APPROVED" && e.deletedAt === null && e.linkedEntryId === null && e.date.getTime() < before,
  );
  const aggregates = new Map<number, TargetAggregate & { latestKey: [number, number] }>();
  const entryCounts = new Map<number, number>();
  for (const e of counted) {
    if (e.workPoint.planId === planId) entryCounts.set(e.workPointId, (entryCounts.get(e.workPointId) ?? 0) + 1);
    for (const q of e.quantities) {
      if (q.target.planId !== planId) continue;
      const a = aggregates.get(q.targetId) ?? {
        targetId: q.targetId, sum: 0, entryCount: 0, latestValue: null, completed: false, firstDate: null, lastDate: null, latestKey: [-Infinity, -Infinity],
      };
      a.sum += q.value;
      a.entryCount += 1;
      a.completed ||= q.completes;
      if (!a.firstDate || e.date < a.firstDate) a.firstDate = e.date;
      if (!a.lastDate || e.date > a.lastDate) a.lastDate = e.date;
      const key: [number, number] = [e.date.getTime(), e.id];
      if (q.target.kind === "PERCENT" && (key[0] > a.latestKey[0] || (key[0] === a.latestKey[0] && key[1] > a.latestKey[1]))) {
        a.latestValue = q.value;
        a.latestKey = key;
      }
      aggregates.set(q.targetId, a);
    }
  }
  const list = [...aggregates.values()].map(({ latestKey: _k, ...a }) => a).sort((x, y) => x.targetId - y.targetId);
  return { aggregates: list, entryCounts, counted };
}

/** A client on the test database that counts the Prisma operations it runs; take() reads and resets. */
function countingClient() {
  let count = 0;
  const counting = t.db.$extends({
    query: {
      $allOperations({ args, query }) {
        count += 1;
        return query(args);
      },
    },
  }) as unknown as Db;
  const take = () => {
    const seen = count;
    count = 0;
    return seen;
  };
  return { counting, queries: { take } };
}

const round = (list: TargetAggregate[]) => list.map((a) => ({ ...a, sum: Math.round(a.sum * 1e6) / 1e6 }));

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: TODAY });
  planId = (await t.db.plan.findUniqueOrThrow({ where: { year: YEAR } })).id;
  const points = await t.db.workPoint.findMany({ where: { planId }, orderBy: { number: "asc" } });
  // Every kind of target, so the PERCENT reading and the BOOLEAN flag are exercised too.
  const extra = [
    { point: points[1], subject: "办复率", comparator: ">=", value: 95, unit: "%", kind: "PERCENT" },
    { point: points[4], subject: "制度修订", comparator: ">=", value: 1, unit: "项", kind: "BOOLEAN" },
    { point: points[8], subject: "宣讲人数", comparator: ">=", value: 300, unit: PERSON_TIME_UNIT, kind: "SUM" },
    { point: points[9], subject: "差错", comparator: "<=", value: 2, unit: "次", kind: "COUNT" },
  ];
  for (const [i, x] of extra.entries()) {
    await t.db.target.create({
      data: { planId, workPointId: x.point.id, ordinal: 10 + i, sourceText: x.subject, subject: x.subject, comparator: x.comparator, value: x.value, unit: x.unit, kind: x.kind },
    });
  }
  await addRandomEntries(t.db, 400, 20261122);
}, 120_000);
afterAll(async () => t.cleanup());

describe("loadTargetAggregates", () => {
  it("equals the naive totals over drafts, returned, deleted and 协办 rows", async () => {
    const expected = await naive(t.db, TODAY);
    expect(expected.counted.length).toBeGreaterThan(50);
    expect(round(await loadTargetAggregates(t.db, planId, TODAY))).toEqual(round(expected.aggregates));
  });

  it("as of an earlier day counts only entries dated on or before it", async () => {
    const asOf = calendarDate(YEAR, 5, 31);
    const expected = await naive(t.db, asOf);
    expect(round(await loadTargetAggregates(t.db, planId, asOf))).toEqual(round(expected.aggregates));
    expect(Object.fromEntries(await loadApprovedEntryCounts(t.db, planId, asOf))).toEqual(Object.fromEntries(expected.entryCounts));
  });
});

describe("loadPlanProgress", () => {
  it("gives the engine's result on the naive aggregates", async () => {
    const loaded = await loadPlanProgress(t.db, YEAR, { asOf: TODAY });
    expect(loaded).not.toBeNull();
    const { aggregates, entryCounts } = await naive(t.db, TODAY);
    const points = loaded!.progress.points.map((p) => ({ ...p.point, approvedEntryCount: entryCounts.get(p.pointId) ?? 0 }));
    const direct = computePlanProgress({ year: YEAR, asOf: TODAY, points, targets: [...loaded!.targetDefs.values()], aggregates });
    expect(loaded!.progress.plan).toEqual(direct.plan);
    expect(loaded!.progress.points.map((p) => [p.pointId, p.status, p.rate.toFixed(9)])).toEqual(
      direct.points.map((p) => [p.pointId, p.status, p.rate.toFixed(9)]),
    );
    expect(loaded!.progress.offices).toEqual(direct.offices);
  });

  it("an office scope keeps only the points it leads or cooperates on", async () => {
    const office = await t.db.office.findFirstOrThrow({ where: { name: "综合科" } });
    const loaded = await loadPlanProgress(t.db, YEAR, { asOf: TODAY, officeId: office.id });
    const all = await loadPlanProgress(t.db, YEAR, { asOf: TODAY });
    const mine = all!.progress.points.filter((p) => p.point.leadOfficeId === office.id || p.point.supportOfficeIds.includes(office.id));
    expect(loaded!.progress.points.map((p) => p.pointId)).toEqual(mine.map((p) => p.pointId));
    expect(loaded!.progress.points.map((p) => p.status)).toEqual(mine.map((p) => p.status));
  });

  it("returns null for a year without a plan", async () => {
    expect(await loadPlanProgress(t.db, 1999)).toBeNull();
  });

  it("runs the same number of queries whatever the number of entries", async () => {
    const { counting, queries } = countingClient();
    await loadPlanProgress(counting, YEAR, { asOf: TODAY });
    const before = queries.take();
    await addRandomEntries(t.db, 200, 7);
    await loadPlanProgress(counting, YEAR, { asOf: TODAY });
    expect(queries.take()).toBe(before);
    // plan, points, targets, the aggregation, the latest PERCENT readings, entries per point, approved 延期.
    expect(before).toBe(7);
  });
});

describe("loadMonthlyActivity and pending reviews", () => {
  it("match counts done by hand", async () => {
    const { counted } = await naive(t.db, TODAY);
    const activity = await loadMonthlyActivity(t.db, YEAR, { asOf: TODAY });
    const byMonth = new Array(12).fill(0);
    const persons = new Array(12).fill(0);
    for (const e of counted) {
      if (e.year !== YEAR) continue;
      byMonth[e.date.getUTCMonth()] += 1;
      for (const q of e.quantities) if (q.target.kind === "SUM" && q.target.unit === PERSON_TIME_UNIT) persons[e.date.getUTCMonth()] += q.value;
    }
    expect(activity.months.map((m) => m.entries)).toEqual(byMonth);
    expect(activity.months.map((m) => m.personTimes)).toEqual(persons.map((p) => Math.round(p * 10) / 10));
    expect(activity.personTimeTarget).toBe(200 + 300);
    // 序时进度 of 200 + 300 人次: by the end of the year the whole target is due.
    expect(activity.months[11].expectedPersonTimes).toBe(500);
    expect(activity.months[0].to.toISOString().slice(0, 10)).toBe("2026-01-31");

    const pending = await t.db.ledgerEntry.count({ where: { year: YEAR, status: "SUBMITTED", deletedAt: null } });
    expect(await countPendingReview(t.db, YEAR)).toBe(pending);
  });
});

describe("drill-down links list exactly the entries behind the figure", () => {
  /** The ids a dashboard link shows to a reader of every office (the leader). */
  async function listed(href: string): Promise<number[]> {
    const leader = await userByName(t.db, "leader");
    const filter = parseListFilter(new URLSearchParams(href.split("?")[1]));
    const where = buildListWhere({ id: leader.id, username: leader.username, role: "LEADER", officeId: null }, filter, filter.year ?? YEAR);
    return (await t.db.ledgerEntry.findMany({ where, select: { id: true }, orderBy: { id: "asc" } })).map((e) => e.id);
  }
  const ids = (list: { id: number }[]) => list.map((e) => e.id).sort((a, b) => a - b);

  it("office roll-ups: every office's counted entries on the points it leads, and on those it cooperates on", async () => {
    const data = (await loadPlanProgress(t.db, YEAR, { asOf: TODAY }))!;
    const { counted } = await naive(t.db, TODAY);
    const offices = await t.db.office.findMany({ select: { id: true, name: true, shortName: true } });
    const rows = officeRanking(data.progress.offices, offices, YEAR, TODAY);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const lead = counted.filter((e) => e.year === YEAR && e.workPoint.leadOfficeId === row.officeId);
      const supportPoints = new Set(data.progress.points.filter((p) => p.point.supportOfficeIds.includes(row.officeId)).map((p) => p.pointId));
      const support = counted.filter((e) => e.year === YEAR && supportPoints.has(e.workPointId));
      expect(await listed(row.href)).toEqual(ids(lead));
      expect(await listed(row.supportHref)).toEqual(ids(support));
      // The old link (entries the office recorded) is a different set whenever others record on its points.
    }
    const zonghe = rows.find((r) => r.name === "综合科")!;
    const recorded = counted.filter((e) => e.year === YEAR && e.officeId === zonghe.officeId);
    expect(ids(recorded)).not.toEqual(await listed(zonghe.href));
  });

  it("the plan, a section and a target: counted entries only (no drafts, deleted, 协办 or later-dated rows)", async () => {
    const office = await t.db.office.findFirstOrThrow({ where: { name: "综合科" } });
    const { counted } = await naive(t.db, TODAY);
    const inYear = counted.filter((e) => e.year === YEAR);
    const all = (await loadPlanProgress(t.db, YEAR, { asOf: TODAY }))!;
    expect(await listed(planLedgerHref(all))).toEqual(ids(inYear));

    const scoped = (await loadPlanProgress(t.db, YEAR, { asOf: TODAY, officeId: office.id }))!;
    const mine = new Set(scoped.progress.points.map((p) => p.pointId));
    expect(await listed(planLedgerHref(scoped))).toEqual(ids(inYear.filter((e) => mine.has(e.workPointId))));

    const bar = sectionBars(all)[0];
    expect(await listed(bar.href)).toEqual(ids(inYear.filter((e) => e.workPoint.sectionId === bar.sectionId)));

    // A target's figure: the entries carrying a quantity for it, as many as the aggregate counts.
    for (const row of attentionRows(all, new Map())) {
      const target = all.progress.points.find((p) => p.pointId === row.pointId)!.worstTarget;
      const expected = inYear.filter((e) => e.workPointId === row.pointId && (!target || e.quantities.some((q) => q.targetId === target.targetId)));
      const shown = await listed(row.actualHref);
      expect(shown).toEqual(ids(expected));
      if (target) expect(shown.length).toBe(target.entryCount);
    }
  });
});

describe("the day a plan is measured on", () => {
  it("today within the plan year, else the day after its last deadline, however late that is", async () => {
    const iso = async (today: Date) => (await resolvePlanAsOf(t.db, YEAR, today)).toISOString().slice(0, 10);
    expect(await iso(calendarDate(2026, 6, 1))).toBe("2026-06-01");
    expect(await iso(calendarDate(2027, 3, 1))).toBe("2027-01-01");

    const target = await t.db.target.findFirstOrThrow({ where: { planId, subject: "专题学习" } });
    await t.db.target.update({ where: { id: target.id }, data: { deadline: calendarDate(2027, 3, 31) } });
    try {
      expect(await iso(calendarDate(2027, 3, 1))).toBe("2027-03-01");
      expect(await iso(calendarDate(2027, 11, 1))).toBe("2027-04-01");
      // Measured in 2027, the target due 31 March 2027 is still paced, then 逾期 (unless met).
      const during = (await loadPlanProgress(t.db, YEAR, { today: calendarDate(2027, 2, 1) }))!;
      expect(during.progress.asOf.toISOString().slice(0, 10)).toBe("2027-02-01");
      const tp = during.progress.targets.get(target.id)!;
      expect(tp.daysLeft).toBe(58);
      expect(tp.status).not.toBe("OVERDUE");
      const after = (await loadPlanProgress(t.db, YEAR, { today: calendarDate(2027, 11, 1) }))!;
      const late = after.progress.targets.get(target.id)!;
      expect(late.daysLeft).toBe(-1);
      expect(["DONE", "OVERDUE"]).toContain(late.status);
      expect(after.progress.daysLeftInYear).toBe(0);
    } finally {
      await t.db.target.update({ where: { id: target.id }, data: { deadline: null } });
    }
  });

  it("costs no query during the year and one small aggregate pair after it", async () => {
    const { counting, queries } = countingClient();
    await loadPlanProgress(counting, YEAR, { today: TODAY });
    expect(queries.take()).toBe(7);
    await loadPlanProgress(counting, YEAR, { today: calendarDate(2027, 5, 1) });
    expect(queries.take()).toBe(9);
  });
});
