/**
 * Drafts the annual report (法治建设年度报告) from plain facts. The draft is a
 * starting point the author edits in the browser, so it states figures plainly
 * and leaves visible placeholders ("（请补充…）") where only a person can write.
 * Content/sources format: see `DraftPart` in ./types.
 */
import { PartWriter } from "./part-writer";
import { draftResults } from "./draft-results";
import { draftDuties } from "./draft-duties";
import { draftPlans, draftShortfalls } from "./draft-outlook";
import { PART_KEYS, type DraftPart, type DraftPartKey, type DraftReport, type ReportEntryFact, type ReportFacts } from "./types";

/** The fixture's tone: three or four concrete items per point, not a ledger dump. */
export const MAX_ENTRIES_PER_POINT = 4;

export function reportTitle(facts: Pick<ReportFacts, "unitName" | "year">): string {
  return `${facts.unitName}${facts.year}年法治建设年度工作报告`;
}

/** "充分发挥政协职能作用" only for a CPPCC body (its name says 政协); any other unit "充分发挥职能作用". */
export function roleClause(unitName: string): string {
  return unitName.includes("政协") ? "充分发挥政协职能作用" : "充分发挥职能作用";
}

export function reportPreface(facts: Pick<ReportFacts, "unitName" | "year">): string {
  return (
    `${facts.year}年，${facts.unitName}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，` +
    `紧紧围绕中心工作，${roleClause(facts.unitName)}，对照年度法治建设工作要点，扎实推进机关法治建设各项工作。` +
    `现将${facts.year}年度法治建设工作情况报告如下。`
  );
}

function byDateThenId(a: ReportEntryFact, b: ReportEntryFact): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

/**
 * Picks the entries to narrate: first one of each form (so a point reads as
 * 学习、研讨、宣传 rather than four similar study sessions), then the earliest
 * remaining ones; returned in date order.
 */
export function pickNotableEntries(entries: ReportEntryFact[], max = MAX_ENTRIES_PER_POINT): ReportEntryFact[] {
  const chronological = [...entries].sort(byDateThenId);
  const picked: ReportEntryFact[] = [];
  const seenForms = new Set<string>();
  for (const entry of chronological) {
    if (picked.length >= max) break;
    if (seenForms.has(entry.form)) continue;
    seenForms.add(entry.form);
    picked.push(entry);
  }
  for (const entry of chronological) {
    if (picked.length >= max) break;
    if (!picked.includes(entry)) picked.push(entry);
  }
  return picked.sort(byDateThenId);
}

function draftMeasures(facts: ReportFacts): DraftPart {
  const writer = new PartWriter();
  draftResults(facts, writer);
  return writer.finish("part1");
}

function draftShortcomings(facts: ReportFacts): DraftPart {
  const writer = new PartWriter();
  draftShortfalls(facts, writer);
  return writer.finish("part2");
}

function draftFirstResponsible(facts: ReportFacts): DraftPart {
  const writer = new PartWriter();
  draftDuties(facts, writer);
  return writer.finish("part3");
}

function draftNextYear(facts: ReportFacts): DraftPart {
  const writer = new PartWriter();
  draftPlans(facts, writer);
  return writer.finish("part4");
}

function draftOther(): DraftPart {
  const writer = new PartWriter();
  writer.paragraph("无。");
  return writer.finish("part5");
}

/** Drafts one part, e.g. when the author asks to regenerate only part 二. */
export function draftPart(facts: ReportFacts, key: DraftPartKey): DraftPart {
  switch (key) {
    case "part1":
      return draftMeasures(facts);
    case "part2":
      return draftShortcomings(facts);
    case "part3":
      return draftFirstResponsible(facts);
    case "part4":
      return draftNextYear(facts);
    case "part5":
      return draftOther();
  }
}

export function draftReport(facts: ReportFacts): DraftReport {
  return {
    title: reportTitle(facts),
    preface: reportPreface(facts),
    parts: PART_KEYS.map((key) => draftPart(facts, key)),
  };
}
