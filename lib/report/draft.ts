/**
 * Drafts the annual report (法治建设年度报告) from plain facts. The draft is a
 * starting point the author edits in the browser, so it states figures plainly
 * and leaves visible placeholders ("（请补充…）") where only a person can write.
 * Content/sources format: see `DraftPart` in ./types.
 */
import {
  chineseNumeral,
  describeEntry,
  describeShortfall,
  describeTarget,
  enumerateClauses,
  formatChineseDate,
  shortfallFigure,
  stripFinalStop,
  targetFigure,
} from "./sentences";
import {
  PART_HEADINGS,
  PART_KEYS,
  type DraftPart,
  type DraftPartKey,
  type DraftReport,
  type ReportEntryFact,
  type ReportFacts,
  type ReportPointFact,
} from "./types";

/** The fixture's tone: three or four concrete items per point, not a ledger dump. */
export const MAX_ENTRIES_PER_POINT = 4;
const MAX_ENTRIES_PER_DUTY = 5;

/** Collects paragraphs and the figure → entry ids mapping of one part. */
class PartWriter {
  private readonly paragraphs: string[] = [];
  private readonly figures: [phrase: string, ids: number[]][] = [];

  paragraph(text: string): void {
    this.paragraphs.push(text);
  }

  /** Remember where a figure came from; figures without evidence are not linked. */
  source(phrase: string, ids: number[]): void {
    if (phrase && ids.length > 0) this.figures.push([phrase, ids]);
  }

  finish(key: DraftPartKey): DraftPart {
    const content = this.paragraphs.join("\n");
    const sources: Record<string, number[]> = {};
    for (const [phrase, ids] of this.figures) {
      // Guard the contract "every key occurs in the content" against wording drift.
      if (!content.includes(phrase)) continue;
      sources[phrase] = [...new Set([...(sources[phrase] ?? []), ...ids])].sort((a, b) => a - b);
    }
    return { key, heading: PART_HEADINGS[key], content, sources };
  }
}

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

function pointParagraph(point: ReportPointFact, year: number, writer: PartWriter): string {
  const sentences: string[] = [];
  if (point.targets.length > 0) {
    // "全年" once per paragraph: "全年举办专题培训班1期…；培训412人次…".
    const clauses = point.targets.map((target, i) => (i === 0 ? describeTarget(target) : describeTarget(target).replace(/^全年/u, "")));
    sentences.push(`${clauses.join("；")}。`);
    for (const target of point.targets) writer.source(targetFigure(target), target.entryIds);
  }
  const notable = pickNotableEntries(point.entries);
  if (notable.length > 0) {
    const clauses = notable.map((entry) => describeEntry(entry, { reportYear: year }));
    notable.forEach((entry, i) => writer.source(clauses[i], [entry.id]));
    let lead = "";
    if (point.targets.length === 0 && point.entries.length > notable.length) {
      const total = `开展相关活动${point.entries.length}次`;
      writer.source(total, point.entries.map((entry) => entry.id));
      lead = `全年共${total}，主要有：`;
    }
    sentences.push(`${lead}${enumerateClauses(clauses)}。`);
  }
  if (sentences.length === 0) {
    // Saying "按计划推进" about a late point would be untrue; the author fills in either way.
    const onTrack = point.completed || point.status === "DONE" || point.status === "ON_TRACK";
    sentences.push(onTrack ? "该项工作按计划推进，具体成效待补充。" : "该项工作具体进展待补充。");
  }
  return `${point.number}.${stripFinalStop(point.title)}。${sentences.join("")}`;
}

function draftMeasures(facts: ReportFacts): DraftPart {
  const writer = new PartWriter();
  const sections = facts.sections.filter((section) => section.points.length > 0);
  sections.forEach((section, i) => {
    writer.paragraph(`（${chineseNumeral(i + 1)}）${stripFinalStop(section.title)}`);
    for (const point of section.points) writer.paragraph(pointParagraph(point, facts.year, writer));
  });
  if (sections.length === 0) writer.paragraph("（请补充本年度法治建设主要举措和成效。）");
  return writer.finish("part1");
}

function deadlineText(deadline: string): string {
  return /^\d{4}-\d{1,2}-\d{1,2}/.test(deadline) ? formatChineseDate(deadline, { withYear: true }) : deadline;
}

/** Why a point without an unmet target still counts as a shortfall, or null if it does not. */
function pointStatusShortfall(point: ReportPointFact): string | null {
  const title = `‘${stripFinalStop(point.title)}’`;
  if (point.completed) return null;
  switch (point.status) {
    case "BEHIND":
      return `${title}进度滞后于序时进度`;
    case "OVERDUE":
      return point.deadline ? `${title}已超过完成时限（${deadlineText(point.deadline)}）仍未完成` : `${title}已逾期未完成`;
    case "NOT_STARTED":
      return `${title}尚未开展`;
    default:
      return null;
  }
}

function draftShortcomings(facts: ReportFacts): DraftPart {
  const writer = new PartWriter();
  const items: string[] = [];
  for (const point of facts.sections.flatMap((section) => section.points)) {
    const unmet = point.targets.filter((target) => !target.met);
    for (const target of unmet) {
      items.push(`‘${stripFinalStop(point.title)}’${describeShortfall(target)}`);
      writer.source(shortfallFigure(target), target.entryIds);
    }
    const statusItem = unmet.length === 0 ? pointStatusShortfall(point) : null;
    if (statusItem) items.push(statusItem);
  }
  if (items.length > 0) {
    writer.paragraph(
      `${facts.year}年，${facts.unitName}法治建设工作取得了一定成效，但对照年度工作要点，仍存在一些不足：${enumerateClauses(items)}。`,
    );
  } else {
    writer.paragraph(
      `${facts.year}年，${facts.unitName}在法治建设工作方面做了一些工作，取得了一定成效，但也存在一些薄弱环节。` +
        `如法治宣传形式还不够丰富，运用法治思维和法治方式推动工作的能力有待进一步提高，制度执行的跟踪问效还需加强等。`,
    );
  }
  writer.paragraph("（请补充原因分析）");
  return writer.finish("part2");
}

interface DutyGroup {
  lead: string;
  /** What the leader did, counted: "带头学法3次". */
  counted: string;
  matches: (title: string) => boolean;
}

/** Checked in order: 批示 is the most specific word, and "党组会议专题学习" is study rather than a meeting. */
const DUTY_GROUPS: DutyGroup[] = [
  { lead: "批示督办，压实工作责任", counted: "作出批示", matches: (t) => t.includes("批示") },
  { lead: "带头学法，筑牢法治根基", counted: "带头学法", matches: (t) => t.includes("学") },
  {
    lead: "主持研究，推动工作落实",
    counted: "主持研究法治建设工作",
    matches: (t) => /会议|专题会|主持|研究/u.test(t),
  },
  { lead: "履职尽责，强化责任担当", counted: "履行其他法治建设职责", matches: () => true },
];

function draftFirstResponsible(facts: ReportFacts): DraftPart {
  const writer = new PartWriter();
  const grouped = new Map<DutyGroup, ReportEntryFact[]>();
  for (const entry of [...facts.firstResponsibleEntries].sort(byDateThenId)) {
    const group = DUTY_GROUPS.find((candidate) => candidate.matches(entry.title)) ?? DUTY_GROUPS[DUTY_GROUPS.length - 1];
    grouped.set(group, [...(grouped.get(group) ?? []), entry]);
  }
  let number = 0;
  for (const group of DUTY_GROUPS) {
    const entries = grouped.get(group);
    if (!entries) continue;
    const total = `${group.counted}${entries.length}次`;
    writer.source(total, entries.map((entry) => entry.id));
    const shown = entries.slice(0, MAX_ENTRIES_PER_DUTY);
    const clauses = shown.map((entry) => `${formatChineseDate(entry.date)}${stripFinalStop(entry.title)}`);
    shown.forEach((entry, i) => writer.source(clauses[i], [entry.id]));
    number += 1;
    writer.paragraph(`${number}.${group.lead}。全年${total}：${enumerateClauses(clauses)}。`);
  }
  if (number === 0) writer.paragraph("（请补充党政主要负责人履行推进法治建设第一责任人职责的情况。）");
  return writer.finish("part3");
}

function draftNextYear(facts: ReportFacts): DraftPart {
  const writer = new PartWriter();
  const nextYear = facts.nextYearPlan?.year ?? facts.year + 1;
  const carried = facts.carriedOverPoints;
  const planSections = (facts.nextYearPlan?.sections ?? []).filter((section) => section.points.length > 0);
  if (planSections.length === 0 && carried.length === 0) {
    writer.paragraph("（请补充下一年度推进法治建设的主要安排。）");
    return writer.finish("part4");
  }
  writer.paragraph(`${nextYear}年，${facts.unitName}将继续深入学习贯彻习近平法治思想，重点做好以下工作：`);
  let number = 0;
  for (const section of planSections) {
    const titles = section.points.map((point) => stripFinalStop(point.title)).join("、");
    writer.paragraph(`${++number}.${stripFinalStop(section.title)}。重点抓好${titles}等工作。`);
  }
  if (planSections.length > 0 && carried.length > 0) {
    const titles = carried.map((point) => stripFinalStop(point.title)).join("、");
    writer.paragraph(
      `${++number}.持续推进未完成事项。对${titles}等${facts.year}年未完成的工作，明确责任、跟踪推进，确保落实到位。`,
    );
  } else {
    for (const point of carried) {
      const reason = stripFinalStop(point.reason);
      writer.paragraph(`${++number}.${stripFinalStop(point.title)}。${reason ? `${reason}，` : ""}${nextYear}年将继续推进落实。`);
    }
  }
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
