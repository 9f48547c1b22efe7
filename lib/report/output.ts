/**
 * What the printed report (Word export and print view) shows besides the parts' text: the
 * 署名 and 落款日期 from the unit settings, and which parts are printed at all. Pure: the
 * queries pass the stored rows in.
 *
 * - 署名: the report's own override when it has one, otherwise the unit's current signature
 *   (so a change in the settings reaches every report that does not override it).
 * - 落款日期: the signing date (定稿, chosen by the 主要负责人 when signing); before signing the
 *   settings' date when it belongs to this report's year (see `signDateReportYear`), else today.
 * - Part 五（其他需要报告的情况）is optional: left out when it says nothing ("无。" or blank).
 */

import { calendarDayAt } from "@/lib/progress/dates";
import type { DraftPartKey } from "./types";

/** Used when UnitSettings has never been saved (a fresh install before the admin fills it in). */
export const DEFAULT_UNIT_NAME = "市政协办公室";

export interface UnitSettingsRow {
  unitName: string;
  signature: string;
  reportDate?: Date | null;
}

export interface UnitSignOff {
  unitName: string;
  signature: string;
  /** 落款日期 set by the ADMIN, or null: use the 定稿 date. */
  reportDate: Date | null;
}

/** The settings row (null before the first save) with the defaults filled in. */
export function unitSignOff(settings: UnitSettingsRow | null): UnitSignOff {
  const unitName = settings?.unitName.trim() || DEFAULT_UNIT_NAME;
  return { unitName, signature: settings?.signature.trim() || unitName, reportDate: settings?.reportDate ?? null };
}

/** The stored override when it has text, else the unit's signature. */
export function effectiveSignature(override: string | null | undefined, unit: UnitSignOff): string {
  return override?.trim() || unit.signature;
}

/**
 * The report year a 落款日期 signs. Reports are handed in early in the next year, so a date
 * signs the previous year's report (2026年1月15日 → 2025), except in December, when it signs
 * the same year's (2025年12月28日 → 2025). Dates are calendar days stored at UTC midnight.
 */
export function signDateReportYear(date: Date): number {
  return date.getUTCMonth() === 11 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

export type SignDateSource = "settings" | "finalized" | "today";

export const SIGN_DATE_SOURCE_LABEL: Record<SignDateSource, string> = {
  settings: "单位设置的落款日期",
  finalized: "签发日期",
  today: "当天日期，定稿后为定稿日期",
};

/** The 落款日期 printed under the signature, and where it came from. */
export function effectiveSignDate(input: {
  year: number;
  signedOn: Date | null;
  unit: Pick<UnitSignOff, "reportDate">;
  now?: Date;
}): { date: Date; source: SignDateSource } {
  const { reportDate } = input.unit;
  // The signing date is the 落款日期 (issue 16): the 主要负责人 chooses it when signing (the
  // settings' date, when set for this year, is what the signing form proposes).
  if (input.signedOn) return { date: input.signedOn, source: "finalized" };
  if (reportDate && signDateReportYear(reportDate) === input.year) return { date: reportDate, source: "settings" };
  return { date: calendarDayAt(input.now ?? new Date()), source: "today" };
}

/** Parts printed only when they say something. */
export const OPTIONAL_PARTS: readonly DraftPartKey[] = ["part5"];

/** True for text that says nothing: blank, "无", "无。", "（无）". */
export function saysNothing(content: string): boolean {
  const bare = content.replace(/[\s\p{P}]/gu, "");
  return bare === "" || bare === "无";
}

/** The parts the export and the print view show, in the order given: an empty optional part is left out. */
export function printedParts<T extends { key: string; content: string }>(parts: readonly T[]): T[] {
  return parts.filter((part) => !((OPTIONAL_PARTS as readonly string[]).includes(part.key) && saysNothing(part.content)));
}
