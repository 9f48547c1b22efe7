/**
 * Part 二（存在的不足和原因）and part 四（下一年度的主要安排）. Pure.
 *
 * 二: general shortfalls with their causes, which only a person can judge, so both are prompted;
 * the data's unmet targets and late or behind-pace points are given as material in plain words
 * ("原定6月底前完成的……尚未完成"), never "已超过完成时限（全年）".
 * 四: what next year's plan adds to this year's, the rectification of this year's shortfalls and
 * a prompt for new measures; not a copy of next year's headings.
 */
import { describeShortfall, formatChineseDate, reportExtensionNote, shortfallFigure } from "./sentences";
import { listWithEtc, shortTitle } from "./wording";
import type { PartWriter } from "./part-writer";
import type { ReportFacts, ReportPointFact } from "./types";

const YEAR_ROUND = /^(全年|年内|年底前|年底|12月底前|12月31日前|全年持续|长期|持续推进|常态化)$/u;

/** How a point's deadline reads in a sentence: "6月底前", "2025年6月30日前"; null for year-round. */
export function deadlinePhrase(deadline: string | null): string | null {
  if (!deadline) return null;
  const text = deadline.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/u.exec(text);
  if (iso) {
    if (Number(iso[2]) === 12 && Number(iso[3]) === 31) return null;
    return `${formatChineseDate(text.slice(0, 10))}前`;
  }
  if (YEAR_ROUND.test(text)) return null;
  return /前$/u.test(text) ? text : `${text}前`;
}

/** One unfinished point as material for part 二, or null when it is not a shortfall. */
export function pointShortfall(point: ReportPointFact): string | null {
  if (point.completed) return null;
  const name = `“${shortTitle(point.title)}”`;
  // An approved extension (延期申请): the status is judged on it; the sentence says so.
  const extension = reportExtensionNote(point);
  switch (point.status) {
    case "BEHIND":
      return extension ? `${name}${extension}，进度仍滞后` : `${name}进度滞后`;
    case "OVERDUE": {
      const due = deadlinePhrase(point.deadline);
      if (extension) return due ? `原定${due}完成的${name}${extension}，仍未完成` : `${name}${extension}，仍未完成`;
      return due ? `原定${due}完成的${name}尚未完成` : `${name}年内未能完成`;
    }
    case "NOT_STARTED":
      return extension ? `${name}${extension}，尚未开展` : `${name}尚未开展`;
    default:
      return null;
  }
}

export function draftShortfalls(facts: ReportFacts, writer: PartWriter): void {
  const material: string[] = [];
  for (const point of facts.sections.flatMap((section) => section.points)) {
    const unmet = point.targets.filter((target) => !target.met);
    for (const target of unmet) {
      material.push(`在“${shortTitle(point.title)}”方面，${describeShortfall(target)}`);
      writer.source(shortfallFigure(target), target.entryIds);
    }
    const status = unmet.length === 0 ? pointShortfall(point) : null;
    if (status) material.push(status);
  }
  const items: string[] = [];
  if (material.length > 0) items.push(`部分工作推进不够到位，${material.join("；")}`);
  items.push("（请补充：法治宣传教育、制度执行、运用法治思维和法治方式推动工作等方面存在的不足）");
  const enumerated = items.map((item, i) => `${["一", "二"][i]}是${item}`).join("；");
  writer.paragraph(
    `${facts.year}年，${facts.unitName}法治建设工作取得了一定成效，但对照年度工作要点和法治建设新要求，仍存在一些不足：${enumerated}。`,
  );
  writer.paragraph("（请补充原因分析：如对法治建设重要性的认识还不够到位、统筹推进和跟踪问效还不够有力、专业力量不足等）");
}

const compact = (title: string) => title.replace(/[\s\p{P}]/gu, "");

export function draftPlans(facts: ReportFacts, writer: PartWriter): void {
  const nextYear = facts.nextYearPlan?.year ?? facts.year + 1;
  writer.paragraph(`${nextYear}年，${facts.unitName}将坚持以习近平法治思想为指导，针对存在的不足，重点做好以下工作：`);
  let number = 0;

  const nextPoints = (facts.nextYearPlan?.sections ?? []).flatMap((section) => section.points);
  if (nextPoints.length > 0) {
    const thisYear = new Set(facts.sections.flatMap((section) => section.points.map((point) => compact(point.title))));
    const added = nextPoints.filter((point) => !thisYear.has(compact(point.title)));
    const body =
      added.length > 0
        ? `在抓好常规工作的基础上，${nextYear}年工作要点新增${listWithEtc(added.map((point) => `“${shortTitle(point.title)}”`), 3)}${added.length > 3 ? "" : "等"}${added.length}项任务，逐项明确责任科室和完成时限，确保落实到位。`
        : `对照${nextYear}年工作要点，逐项明确责任科室和完成时限，推动各项任务落实到位。`;
    writer.paragraph(`${++number}.抓好年度工作要点落实。${body}`);
  } else {
    writer.paragraph(`${++number}.抓好年度工作要点落实。（请补充：${nextYear}年工作要点确定的重点任务）`);
  }

  const carried = facts.carriedOverPoints;
  const names = carried.map((point) => `“${shortTitle(point.title)}”`);
  const what =
    carried.length === 0
      ? "针对本报告所列不足"
      : carried.length === 1
        ? `针对${facts.year}年未完成的${names[0]}`
        : `针对${facts.year}年未完成的${listWithEtc(names, 3)}${names.length > 3 ? "" : "等"}${names.length}项工作`;
  const rectify = `${what}，分析原因、逐项明确整改措施、责任科室和完成时限，跟踪问效，确保整改到位。`;
  writer.paragraph(`${++number}.抓好问题整改。${rectify}`);
  writer.paragraph(`${++number}.创新工作举措。（请补充：下一年度拟推出的新举措）`);
}
