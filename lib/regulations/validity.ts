/**
 * Validity and review of rules (pure). A rule is valid 5 years from its effective date; a 试行 or
 * 暂行 rule 2 years. It is due for review when its validity ends within 6 months (or has ended),
 * or when it has not been reviewed (修订 or 复核) for a year.
 */

const DAY = 86_400_000;

function addYears(day: Date, years: number): Date {
  const out = new Date(day);
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

function addMonths(day: Date, months: number): Date {
  const out = new Date(day);
  out.setUTCMonth(out.getUTCMonth() + months);
  return out;
}

export function isProvisional(title: string, status: string): boolean {
  return status === "TRIAL" || /[（(]?(试行|暂行)[）)]?/.test(title);
}

/** Default end of validity: the day before the anniversary (effective 2024-03-01 → 2029-02-28). */
export function defaultValidUntil(effectiveOn: Date, title: string, status: string): Date {
  return new Date(addYears(effectiveOn, isProvisional(title, status) ? 2 : 5).getTime() - DAY);
}

export type ReviewReason = "EXPIRED" | "EXPIRING" | "NOT_REVIEWED";

export interface ReviewSubject {
  status: string;
  validUntil: Date | null;
  lastReviewedOn: Date | null;
  effectiveOn: Date | null;
  createdAt: Date;
}

/** Why a rule is due for review on `today`, or null. Abolished rules never are. */
export function reviewReason(rule: ReviewSubject, today: Date): ReviewReason | null {
  if (rule.status === "REPEALED") return null;
  if (rule.validUntil) {
    if (rule.validUntil.getTime() < today.getTime()) return "EXPIRED";
    if (rule.validUntil.getTime() <= addMonths(today, 6).getTime()) return "EXPIRING";
  }
  const reviewed = rule.lastReviewedOn ?? rule.effectiveOn ?? rule.createdAt;
  if (addYears(reviewed, 1).getTime() <= today.getTime()) return "NOT_REVIEWED";
  return null;
}

export const REVIEW_REASON_LABEL: Record<ReviewReason, string> = {
  EXPIRED: "有效期已届满",
  EXPIRING: "有效期将在6个月内届满",
  NOT_REVIEWED: "一年以上未评估复核",
};
