/**
 * Calendar-day arithmetic.
 *
 * The app stores dates at UTC midnight, so a date's calendar day is its UTC Y/M/D.
 * Working in whole day numbers keeps the server's own time zone (and DST) out of
 * every comparison.
 */

const MS_PER_DAY = 86_400_000;

/** China Standard Time, UTC+8, the offset used to turn "now" into today's calendar day. */
export const CHINA_UTC_OFFSET_MINUTES = 480;

/** Days since 1970-01-01 of the date's UTC calendar day (the time of day is ignored). */
export function dayIndex(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError("dayIndex: invalid date");
  return Math.floor(time / MS_PER_DAY);
}

/** The UTC-midnight Date of a day number. */
export function dateFromDayIndex(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** A calendar date at UTC midnight; month is 1-based. Rejects dates that do not exist (2025-02-29). */
export function calendarDate(year: number, month: number, day: number): Date {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RangeError(`calendarDate: no such date ${year}-${month}-${day}`);
  }
  return date;
}

/**
 * The calendar day (at UTC midnight) that an instant falls on in a time zone given as a
 * UTC offset. Use it to turn `new Date()` into `asOf`: at 07:00 in Beijing on 1 July the
 * UTC day is still 30 June.
 */
export function calendarDayAt(instant: Date, utcOffsetMinutes: number = CHINA_UTC_OFFSET_MINUTES): Date {
  return dateFromDayIndex(dayIndex(new Date(instant.getTime() + utcOffsetMinutes * 60_000)));
}

export function yearStartDay(year: number): number {
  return dayIndex(calendarDate(year, 1, 1));
}

export function yearEndDay(year: number): number {
  return dayIndex(calendarDate(year, 12, 31));
}

export function daysInYear(year: number): number {
  return yearEndDay(year) - yearStartDay(year) + 1;
}

/** Days after asOf until 31 December of asOf's year (0 on 31 December). */
export function daysLeftInYear(asOf: Date): number {
  return yearEndDay(asOf.getUTCFullYear()) - dayIndex(asOf);
}

/**
 * Days of the plan year still ahead on asOf (0 on 31 December): the whole year before it begins,
 * 0 once it is over (a plan is measured past its year when a deadline runs into the next one).
 */
export function daysLeftInPlanYear(year: number, asOf: Date): number {
  const day = Math.max(dayIndex(asOf), yearStartDay(year) - 1);
  return Math.max(0, yearEndDay(year) - day);
}

/** The last day of the month before the day's month (31 January for any day of February). */
export function endOfPreviousMonthDay(day: number): number {
  const date = dateFromDayIndex(day);
  return dayIndex(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 0)));
}

/** "6月30日" */
export function formatMonthDay(date: Date): string {
  return `${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** "2025年6月30日": Arabic numerals without zero padding, as official documents write dates. */
export function formatChineseDate(date: Date): string {
  return `${date.getUTCFullYear()}年${formatMonthDay(date)}`;
}
