/**
 * The quantities a ledger entry records in its free text ("形成建议12条", "发放宣传资料500余份",
 * "组织机关干部62人参加") and its participants field ("62人"), so the report states the year's
 * results instead of a list of dates. Pure.
 *
 * A quantity is an Arabic number with a counting unit. Dates and years ("2025年", "3月") are not
 * quantities. Attendance ("62人参加", participants "62") is summed across entries; every other
 * quantity is told in the clause that recorded it.
 */

import type { ReportEntryFact } from "./types";

export interface EntryQuantity {
  value: number;
  /** "余" when the record says "500余份". */
  approx: boolean;
  unit: string;
  /** How the number reads in the text: "500余份", "12条". */
  text: string;
  /** True for people attending (summed into "累计参加N人次"). */
  attendance: boolean;
}

export interface EntryOutcome {
  /** Clauses of the description holding a quantity, without final punctuation. */
  clauses: string[];
  /** Quantities inside those clauses. */
  quantities: EntryQuantity[];
  /** People attending, from the participants field or an attendance clause; null if not recorded. */
  attendance: number | null;
  /** Every clause but the attendance one, in order: what was done, for an entry told on its own. */
  detail: string[];
}

/** Longest first so "人次" wins over "人" and "场次" over "场". */
const UNITS = ["人次", "场次", "万元", "课时", "小时", "余人", "条", "篇", "份", "项", "次", "场", "期", "件", "人", "名", "部", "个", "家", "批", "册", "元", "天", "本", "套", "处", "起", "万"];
const UNIT_PATTERN = UNITS.filter((u) => u !== "余人").join("|");
/** 12条, 500余份, 3.5万元; not followed by a date unit. */
const QUANTITY = new RegExp(`(\\d+(?:\\.\\d+)?)(余|多)?(${UNIT_PATTERN})`, "gu");
const ATTENDANCE_WORDS = /参加|参训|参会|参与学习|出席|听课|受训|到会/u;
const PEOPLE_UNITS = new Set(["人", "人次", "名"]);

/** Splits free text into clauses at 。；，!? and line ends. */
function clausesOf(text: string): string[] {
  return text
    .split(/[。；;！!？?\n\r]+|[，,](?![^（(]*[）)])/u)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

export function quantitiesIn(text: string): EntryQuantity[] {
  const found: EntryQuantity[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const after = text.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 1);
    // "2025年" never matches (年 is no unit); "3月" neither; "10个月" would read as 10个.
    if (match[3] === "个" && after === "月") continue;
    const unit = match[3];
    found.push({
      value: Number(match[1]),
      approx: Boolean(match[2]),
      unit,
      text: match[0],
      attendance: false,
    });
  }
  return found;
}

/** "62", "62人", "约60人", "机关干部62人": a head count, or null when the field holds none. */
export function parseParticipants(value: string | undefined): number | null {
  if (!value) return null;
  const compact = value.replace(/\s+/gu, "");
  const match = /^(?:约|共|计)?(\d+)(?:余|多)?(?:人次|人|名)?$/u.exec(compact) ?? /(\d+)(?:余|多)?(?:人次|人|名)/u.exec(compact);
  return match ? Number(match[1]) : null;
}

/** The entry's recorded outcomes: clauses with quantities, and its attendance. */
export function entryOutcome(entry: Pick<ReportEntryFact, "description" | "participants">): EntryOutcome {
  const clauses: string[] = [];
  const quantities: EntryQuantity[] = [];
  const detail: string[] = [];
  let attendance = parseParticipants(entry.participants);
  for (const clause of clausesOf(entry.description ?? "")) {
    const inClause = quantitiesIn(clause);
    if (inClause.length === 0) {
      detail.push(clause);
      continue;
    }
    const people = inClause.filter((q) => PEOPLE_UNITS.has(q.unit));
    // "组织机关干部62人参加": attendance, told as a total, not as its own clause.
    if (inClause.length === 1 && people.length === 1 && ATTENDANCE_WORDS.test(clause)) {
      if (attendance === null) attendance = people[0].value;
      continue;
    }
    clauses.push(clause.replace(/^(?:并|还|同时|另)/u, ""));
    detail.push(clauses[clauses.length - 1]);
    quantities.push(...inClause);
  }
  return { clauses, quantities, attendance, detail };
}

/** Every quantity an entry records, attendance included: what the report must account for. */
export function recordedQuantities(entry: Pick<ReportEntryFact, "description" | "participants">): EntryQuantity[] {
  const outcome = entryOutcome(entry);
  const all = [...outcome.quantities];
  if (outcome.attendance !== null) {
    all.push({ value: outcome.attendance, approx: false, unit: "人次", text: `${outcome.attendance}人次`, attendance: true });
  }
  return all;
}
