/**
 * Small pure sentence builders for the annual report. Each returns a clause
 * without final punctuation so callers can join clauses with "，" / "；" and end
 * the paragraph with "。".
 */
import { extensionNote } from "@/lib/supervision/deadline";
import type { ReportEntryFact, ReportPointFact, ReportTargetFact } from "./types";

const CHINA_TIME_ZONE = "Asia/Shanghai";

/** Calendar date in China: a bare "YYYY-MM-DD" is taken literally, timestamps are converted. */
function chinaCalendarDate(value: string | Date): { year: number; month: number; day: number } {
  if (typeof value === "string") {
    const dateOnly = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
    if (dateOnly) return { year: Number(dateOnly[1]), month: Number(dateOnly[2]), day: Number(dateOnly[3]) };
  }
  const instant = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Invalid date: ${String(value)}`);
  // A timestamp stored as UTC midnight and one stored as China midnight both land on the intended day.
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: CHINA_TIME_ZONE,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(instant);
  const pick = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: pick("year"), month: pick("month"), day: pick("day") };
}

/** "3月12日", or with `withYear` "2026年1月15日" (Arabic numerals, no zero padding, per GB/T 9704). */
export function formatChineseDate(value: string | Date, options: { withYear?: boolean } = {}): string {
  const { year, month, day } = chinaCalendarDate(value);
  return `${options.withYear ? `${year}年` : ""}${month}月${day}日`;
}

/** Year of an ISO date in China time. */
export function chineseCalendarYear(value: string | Date): number {
  return chinaCalendarDate(value).year;
}

/** A fraction as a whole percentage: 2.06 → "206%". */
export function formatPercent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** Up to two decimals, trailing zeros dropped: 412 → "412", 12.50 → "12.5". */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → "一", 10 → "十", 14 → "十四", 23 → "二十三" (1–99). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}

/** "一是…；二是…；三是…" from clauses; a lone clause is stated as is ("一是" without a 二是 reads oddly). */
export function enumerateClauses(clauses: string[]): string {
  if (clauses.length === 1) return clauses[0];
  return clauses.map((clause, i) => `${chineseNumeral(i + 1)}是${clause}`).join("；");
}

/** Text copied from PDF has spaces around numbers ("不少于 4 次"); drop them between CJK and digits. */
function compactPlanText(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Drops trailing 。；， so a title can be followed by our own punctuation. */
export function stripFinalStop(text: string): string {
  return text.trim().replace(/[。；;，,]+$/u, "");
}

/** The figure's noun without a trailing 人数: "培训人数" → "培训" (the unit 人次 already says "people"). */
function targetNoun(target: ReportTargetFact): string {
  const subject = target.subject.trim();
  return subject.endsWith("人数") && subject.length > 2 ? subject.slice(0, -2) : subject;
}

const ACTION_VERBS = ["组织", "举办", "开展", "召开", "参加", "参与", "制定", "出台", "印发", "完成", "提交", "办理", "报送", "编发", "发布"];

/** Verb used when the plan text gives none; keyed by what the subject is about. */
const DEFAULT_VERBS: [RegExp, string][] = [
  [/学习|研讨|宣传/u, "组织"],
  [/培训班|讲座|论坛/u, "举办"],
  [/会议|座谈/u, "召开"],
  [/活动|调研|视察|监督|评议/u, "开展"],
];

/** "组织专题学习": the verb is taken from the plan sentence when it stands right before the subject. */
function targetAction(target: ReportTargetFact): string {
  const noun = targetNoun(target);
  if (noun !== target.subject.trim()) return noun; // 培训人数 → "培训412人次"
  if (ACTION_VERBS.some((verb) => noun.startsWith(verb))) return noun;
  const source = compactPlanText(target.sourceText);
  const at = source.indexOf(noun);
  if (at >= 2) {
    const before = source.slice(at - 2, at);
    if (ACTION_VERBS.includes(before)) return before + noun;
  }
  const fallback = DEFAULT_VERBS.find(([pattern]) => pattern.test(noun));
  if (fallback) return fallback[1] + noun;
  // A ceiling counts things to avoid ("败诉案件"), which nobody "completes".
  return target.comparator === "<=" ? noun : `完成${noun}`;
}

/** The target as quoted in the report: "不少于4次", "不低于95%", "不超过2件", "100%". */
export function targetRequirement(target: ReportTargetFact): string {
  const amount = `${formatNumber(target.value)}${target.unit}`;
  if (target.kind === "BOOLEAN") return target.subject;
  if (target.comparator === "<=") return `不超过${amount}`;
  if (target.comparator === "=") return amount; // "完成“4次”的年度目标", not "完成“达到4次”…"
  return target.kind === "PERCENT" ? `不低于${amount}` : `不少于${amount}`;
}

/**
 * The figure phrase inside `describeTarget`'s sentence, used as the `sources` key:
 * "组织专题学习6次", "培训412人次", "办复率达到100%", "已完成“建立…制度”".
 */
export function targetFigure(target: ReportTargetFact): string {
  const amount = `${formatNumber(target.actual)}${target.unit}`;
  switch (target.kind) {
    case "BOOLEAN":
      return target.met ? `已完成“${target.subject}”` : `“${target.subject}”尚未完成`;
    case "PERCENT":
      return `${target.subject}${target.met ? "达到" : "为"}${amount}`;
    default:
      if (target.actual === 0 && !target.met && target.comparator !== "<=") return `${targetNoun(target)}尚未开展`;
      return `${targetAction(target)}${amount}`;
  }
}

function completionRate(target: ReportTargetFact): number {
  if (Number.isFinite(target.rawRate)) return target.rawRate;
  return target.value ? target.actual / target.value : 0;
}

/** Completion rate of an unmet target, rounded down so a shortfall never reads as 100%. */
function partialRate(target: ReportTargetFact): number {
  return Math.min(Math.floor(completionRate(target) * 100 + 1e-9), 99) / 100;
}

/** One clause on how a target went, e.g. "全年组织专题学习6次，超额完成“不少于4次”的年度目标". */
export function describeTarget(target: ReportTargetFact): string {
  const figure = targetFigure(target);
  const requirement = targetRequirement(target);
  const gap = formatNumber(Math.abs(target.actual - target.value));
  if (target.kind === "BOOLEAN") return figure;
  if (target.kind === "PERCENT") {
    if (target.met) return `${figure}，完成年度目标`;
    return target.comparator === "<="
      ? `${figure}，高于“${requirement}”的年度目标`
      : `${figure}，距“${requirement}”的年度目标尚差${gap}个百分点`;
  }
  if (target.comparator === "<=") {
    return target.met
      ? `全年${figure}，控制在“${requirement}”的目标以内`
      : `全年${figure}，超出“${requirement}”的年度目标${gap}${target.unit}`;
  }
  if (target.actual === 0 && !target.met) return `${figure}，年度目标为“${requirement}”`;
  if (!target.met && target.actual > target.value) return `全年${figure}，与“${requirement}”的年度目标不一致`; // "=" overshot
  if (!target.met) return `全年${figure}，完成年度目标“${requirement}”的${formatPercent(partialRate(target))}`;
  if (target.actual > target.value && target.comparator === ">=") {
    // Summed quantities (人次, 万元) read better with the rate; counts with "超额完成".
    return target.kind === "SUM"
      ? `全年${figure}，完成“${requirement}”年度目标的${formatPercent(completionRate(target))}`
      : `全年${figure}，超额完成“${requirement}”的年度目标`;
  }
  return `全年${figure}，完成“${requirement}”的年度目标`;
}

/**
 * A plainly stated shortfall for part 二, e.g. "培训人数仅完成150人次，距“不少于200人次”的目标尚差50人次".
 * Only meaningful for unmet targets.
 */
export function describeShortfall(target: ReportTargetFact): string {
  const figure = shortfallFigure(target);
  const requirement = targetRequirement(target);
  const gap = `${formatNumber(Math.abs(target.actual - target.value))}`;
  if (target.kind === "BOOLEAN") return figure;
  if (target.kind === "PERCENT") {
    return target.comparator === "<="
      ? `${figure}，高于“${requirement}”的目标`
      : `${figure}，距“${requirement}”的目标尚差${gap}个百分点`;
  }
  if (target.comparator === "<=") return `${figure}，超出“${requirement}”的目标${gap}${target.unit}`;
  if (target.actual === 0) return `${figure}，年度目标为“${requirement}”`;
  if (target.actual > target.value) return `${figure}，与“${requirement}”的目标不一致`;
  return `${figure}，距“${requirement}”的目标尚差${gap}${target.unit}`;
}

/**
 * Why a point left unfinished at year end is carried over (part 四 when next year has no plan
 * yet): its unmet targets stated plainly, or, for a point without targets, its state.
 */
export function carryOverReason(point: Pick<ReportPointFact, "status" | "targets" | "extendedTo">): string {
  const unmet = point.targets.filter((target) => !target.met);
  if (unmet.length > 0) return unmet.map(describeShortfall).join("；");
  const extension = reportExtensionNote(point);
  if (point.status === "OVERDUE") return extension ? `该项工作${extension}，逾期仍未完成` : "该项工作已超过完成时限，尚未完成";
  if (extension) return point.status === "NOT_STARTED" ? `该项工作${extension}，尚未开展` : `该项工作${extension}，年内尚未完成`;
  if (point.status === "NOT_STARTED") return "该项工作尚未开展";
  return "该项工作年内尚未完成";
}

/** The figure phrase inside `describeShortfall`'s sentence (the `sources` key in part 二). */
export function shortfallFigure(target: ReportTargetFact): string {
  const amount = `${formatNumber(target.actual)}${target.unit}`;
  if (target.kind === "BOOLEAN") return `“${target.subject}”尚未完成`;
  if (target.kind === "PERCENT") return `${target.subject}为${amount}`;
  if (target.comparator === "<=") return `${target.subject}达${amount}`;
  if (target.actual === 0) return `${targetNoun(target)}尚未开展`;
  return target.actual > target.value ? `${target.subject}为${amount}` : `${target.subject}仅完成${amount}`;
}

/** How each ledger form is narrated: lead verb and the noun the activity is called. */
const FORM_WORDING: Record<string, { lead: string; noun: string }> = {
  集中学习: { lead: "以集中学习形式开展", noun: "专题学习" },
  专题研讨: { lead: "开展", noun: "专题研讨" },
  专家讲座: { lead: "举办", noun: "专家讲座" },
  培训班: { lead: "举办", noun: "培训班" },
  宣传活动: { lead: "开展", noun: "宣传活动" },
  调研视察: { lead: "开展", noun: "调研视察" },
};

/** Title endings that already name the activity, so "民法典专题讲座" is not wrapped as "“民法典专题讲座”专家讲座". */
const ACTIVITY_ENDINGS = /(学习|研讨|研讨会|讲座|培训班|培训|活动|宣传|宣讲|调研|视察|监督|协商|会议|座谈会)$/u;

/** Separators after a leading activity name: "专题学习：学习宪法", "专题研讨——…", "培训班 法治素养". */
const LEADING_NAME_SEPARATOR = /^[\s:：,，、·\-—–]+/u;

/**
 * The title without a leading name of the activity ("专题学习：学习宪法" → "学习宪法") when that
 * name is the form's own noun or the form itself, so the sentence does not name it twice; null
 * when the title does not start that way ("" when nothing follows the name).
 */
function withoutLeadingActivityName(title: string, form: string, noun: string): string | null {
  for (const name of [noun, form]) {
    if (!title.startsWith(name)) continue;
    const rest = title.slice(name.length);
    const separator = LEADING_NAME_SEPARATOR.exec(rest);
    if (separator) return rest.slice(separator[0].length).trim();
  }
  return null;
}

/**
 * "3月12日以集中学习形式开展“学习宪法”专题学习"; other forms read "5月20日，{title}".
 * A title that already names the activity is not wrapped again: "民法典专题讲座" (at its end),
 * "专题学习：学习宪法" (the form's noun or name and a separator at its start: the rest is wrapped).
 */
export function describeEntry(entry: ReportEntryFact, options: { reportYear?: number } = {}): string {
  const withYear = options.reportYear !== undefined && chineseCalendarYear(entry.date) !== options.reportYear;
  const date = formatChineseDate(entry.date, { withYear });
  const title = stripFinalStop(entry.title);
  const wording = FORM_WORDING[entry.form];
  if (!wording) return `${date}，${title}`;
  const stripped = withoutLeadingActivityName(title, entry.form, wording.noun);
  if (stripped === "") return `${date}${wording.lead}${wording.noun}`;
  // "专题学习宪法修正案": the noun runs into the title, which names the activity already.
  if (stripped === null && title.startsWith(wording.noun)) return `${date}${wording.lead}${title}`;
  const topic = stripped ?? title;
  if (ACTIVITY_ENDINGS.test(topic)) return `${date}${wording.lead}${topic}`;
  return `${date}${wording.lead}“${topic}”${wording.noun}`;
}

/** "一是3月12日…；二是…" for the given entries in the order given. */
export function describeEntries(entries: ReportEntryFact[], options: { reportYear?: number } = {}): string {
  return enumerateClauses(entries.map((entry) => describeEntry(entry, options)));
}

/** "经批准延期至11月30日" for a point with an approved extension (ISO day in `extendedTo`), else null. */
export function reportExtensionNote(point: Pick<ReportPointFact, "extendedTo">): string | null {
  const iso = point.extendedTo ? /^(\d{4})-(\d{2})-(\d{2})/u.exec(point.extendedTo) : null;
  return iso ? extensionNote(new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])))) : null;
}
