/**
 * Database → ReportFacts: the plain facts the drafter (./draft) writes the annual report from.
 *
 * A fixed number of queries whatever the size of the plan or the ledger: the plan's progress
 * (lib/progress/queries, a handful of grouped queries), then settings, offices, target source
 * sentences, the counted entries of the year, the quantities linking them to targets, and the
 * next year's plan — each one query, joined in memory.
 *
 * Counting rules are those of lib/progress/queries: APPROVED, not deleted, not a 协办 record
 * (linkedEntryId set), dated on or before the progress date (31 December for a past year).
 */

import type { Db } from "@/lib/db";
import { loadPlanProgress, dayAfter, resolveAsOf } from "@/lib/progress/queries";
import { unfinishedAtYearEnd } from "@/lib/plan/copy";
import { unitSignOff } from "./output";
import { carryOverReason, chineseNumeral } from "./sentences";
import type {
  NextYearPlanFact,
  ReportEntryFact,
  ReportFacts,
  ReportPointFact,
  ReportRegulationFact,
  ReportSectionFact,
  ReportTargetFact,
} from "./types";

export { DEFAULT_UNIT_NAME } from "./output";

/** "2025-03-12": the app stores calendar dates at UTC midnight, so the UTC day is the date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function countedEntryWhere(year: number, before: Date) {
  return { year, status: "APPROVED", deletedAt: null, linkedEntryId: null, date: { lt: before } } as const;
}

async function loadNextYearPlan(db: Db, year: number): Promise<NextYearPlanFact | null> {
  const plan = await db.plan.findUnique({
    where: { year: year + 1 },
    select: {
      year: true,
      sections: {
        orderBy: { ordinal: "asc" },
        select: { title: true, points: { orderBy: { number: "asc" }, select: { number: true, title: true } } },
      },
    },
  });
  return plan ? { year: plan.year, sections: plan.sections } : null;
}

/**
 * 制度库 results per point of the year's plan: linked rules adopted (or last revised) in the year,
 * and execution assessments recorded for the point in the year up to the progress date. One query.
 */
async function loadRegulationFacts(db: Db, planId: number, year: number, before: Date): Promise<Map<number, ReportRegulationFact[]>> {
  const from = new Date(Date.UTC(year, 0, 1));
  const yearEnd = new Date(Date.UTC(year + 1, 0, 1));
  const until = before < yearEnd ? before : yearEnd;
  const points = await db.workPoint.findMany({
    where: { planId },
    select: {
      id: true,
      regulationLinks: {
        where: { regulation: { adoptedOn: { gte: from, lt: until } } },
        orderBy: { id: "asc" },
        select: { regulation: { select: { title: true, adoptedOn: true, currentVersion: true } } },
      },
      regulationAssessments: {
        where: { assessedOn: { gte: from, lt: until } },
        orderBy: [{ assessedOn: "asc" }, { id: "asc" }],
        select: { assessedOn: true, regulation: { select: { title: true } } },
      },
    },
  });
  const byPoint = new Map<number, ReportRegulationFact[]>();
  for (const point of points) {
    const facts: ReportRegulationFact[] = [
      ...point.regulationLinks.map((l): ReportRegulationFact => ({ kind: l.regulation.currentVersion > 1 ? "REVISED" : "ADOPTED", title: l.regulation.title, date: isoDay(l.regulation.adoptedOn!) })),
      ...point.regulationAssessments.map((a): ReportRegulationFact => ({ kind: "ASSESSED", title: a.regulation.title, date: isoDay(a.assessedOn) })),
    ];
    if (facts.length) byPoint.set(point.id, facts);
  }
  return byPoint;
}

/** Facts of the year's report; a year without a plan yields empty sections (the draft then asks for text). */
export async function buildReportFacts(db: Db, year: number): Promise<ReportFacts> {
  const [settings, progressData, nextYearPlan] = await Promise.all([
    db.unitSettings.findUnique({ where: { id: 1 } }),
    loadPlanProgress(db, year),
    loadNextYearPlan(db, year),
  ]);
  const { unitName, signature } = unitSignOff(settings);
  const asOf = progressData?.progress.asOf ?? resolveAsOf(year);
  const before = dayAfter(asOf);

  const [entryRows, quantityRows, targetSources, offices] = await Promise.all([
    db.ledgerEntry.findMany({
      where: countedEntryWhere(year, before),
      orderBy: [{ date: "asc" }, { id: "asc" }],
      select: {
        id: true, date: true, form: true, title: true, description: true, participants: true, category: true, workPointId: true,
        office: { select: { name: true } },
      },
    }),
    progressData
      ? db.ledgerQuantity.findMany({
          where: { target: { planId: progressData.plan.id }, entry: countedEntryWhere(year, before) },
          orderBy: { entryId: "asc" },
          select: { targetId: true, entryId: true },
        })
      : Promise.resolve([]),
    progressData
      ? db.target.findMany({ where: { planId: progressData.plan.id }, select: { id: true, sourceText: true } })
      : Promise.resolve([]),
    db.office.findMany({ select: { id: true, name: true } }),
  ]);
  const regulationsByPoint = progressData ? await loadRegulationFacts(db, progressData.plan.id, year, before) : new Map<number, ReportRegulationFact[]>();

  const toEntryFact = (row: (typeof entryRows)[number]): ReportEntryFact => ({
    id: row.id,
    date: isoDay(row.date),
    form: row.form,
    title: row.title,
    officeName: row.office.name,
    description: row.description,
    participants: row.participants,
    category: row.category === "FIRST_RESPONSIBLE" ? "FIRST_RESPONSIBLE" : "NORMAL",
  });
  const firstResponsibleEntries = entryRows.filter((row) => row.category === "FIRST_RESPONSIBLE").map(toEntryFact);
  // 第一责任人 duties are narrated in part 三, so part 一 does not repeat them under their point.
  const entriesByPoint = new Map<number, ReportEntryFact[]>();
  for (const row of entryRows) {
    if (row.category === "FIRST_RESPONSIBLE") continue;
    const list = entriesByPoint.get(row.workPointId) ?? [];
    list.push(toEntryFact(row));
    entriesByPoint.set(row.workPointId, list);
  }
  const entryIdsByTarget = new Map<number, number[]>();
  for (const row of quantityRows) entryIdsByTarget.set(row.targetId, [...(entryIdsByTarget.get(row.targetId) ?? []), row.entryId]);
  const sourceTextByTarget = new Map(targetSources.map((t) => [t.id, t.sourceText]));
  const officeNames = new Map(offices.map((o) => [o.id, o.name]));

  const sections: ReportSectionFact[] = [];
  const carriedOverPoints: ReportFacts["carriedOverPoints"] = [];
  if (progressData) {
    const { progress, targetDefs, deadlineText } = progressData;
    const pointsBySection = new Map<number, ReportPointFact[]>();
    for (const pp of progress.points) {
      const targets: ReportTargetFact[] = pp.targets.flatMap((tp) => {
        const def = targetDefs.get(tp.targetId);
        if (!def) return [];
        return [{
          targetId: def.id,
          subject: def.subject,
          comparator: def.comparator,
          value: def.value,
          unit: def.unit,
          kind: def.kind,
          actual: tp.actual,
          met: tp.met,
          rawRate: tp.rawRate,
          sourceText: sourceTextByTarget.get(def.id) ?? "",
          entryIds: entryIdsByTarget.get(def.id) ?? [],
        }];
      });
      const written = deadlineText.get(pp.pointId)?.trim();
      const originalDeadline = pp.point.extension ? pp.point.extension.originalDeadline : pp.point.deadline;
      const point: ReportPointFact = {
        number: pp.point.number,
        title: pp.point.title,
        status: pp.status,
        leadOffice: pp.point.leadOfficeId ? (officeNames.get(pp.point.leadOfficeId) ?? null) : null,
        // The plan's own deadline stays on record; the progress engine judged the status on the extension.
        deadline: written || (originalDeadline ? isoDay(originalDeadline) : null),
        extendedTo: pp.point.extension ? isoDay(pp.point.extension.to) : null,
        completed: pp.point.completedAt !== null || pp.status === "DONE",
        targets,
        entries: entriesByPoint.get(pp.pointId) ?? [],
        regulations: regulationsByPoint.get(pp.pointId) ?? [],
      };
      pointsBySection.set(pp.point.sectionId, [...(pointsBySection.get(pp.point.sectionId) ?? []), point]);
      // The plan copier's rule (lib/plan/copy.ts): no completion mark, and a target not met or no targets.
      if (unfinishedAtYearEnd({ completedAt: pp.point.completedAt, targetsMet: pp.targets.map((t) => t.met) })) {
        carriedOverPoints.push({ number: point.number, title: point.title, reason: carryOverReason(point) });
      }
    }
    progressData.sections.forEach((section, i) => {
      sections.push({ number: chineseNumeral(i + 1), title: section.title, points: pointsBySection.get(section.id) ?? [] });
    });
  }

  return { year, unitName, signature, sections, firstResponsibleEntries, nextYearPlan, carriedOverPoints };
}
