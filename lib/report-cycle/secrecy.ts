/**
 * 保密审查 before the report is published (domain.md, "The annual report cycle"): 初审 by the
 * drafting office (法治办, COORDINATOR), 复审 by a reviewer, 批准 by the 主要负责人; each step with
 * its opinion and date, kept as the review record. Only an approved round unlocks the 公开 version.
 *
 * Decision (issue 16): the 复审 reviewer is any LEADER account other than the 主要负责人 (the
 * 分管领导 / a deputy), through the permission `report:secrecyReview`; no extra setting to keep.
 * Separation of duties: nobody takes two steps of one round, so the 批准 is never by the person who
 * did the 初审 or 复审, and the 复审 is never by the 主要负责人 (who approves).
 *
 * A round belongs to the signed text: reopening a final report starts a new round, and the earlier
 * rounds stay in the record. Pure: the mutation passes the rows in.
 */

export const SECRECY_STEPS = ["FIRST", "SECOND", "APPROVE"] as const;
export type SecrecyStep = (typeof SECRECY_STEPS)[number];

export const SECRECY_STEP_LABEL: Record<SecrecyStep, string> = { FIRST: "初审", SECOND: "复审", APPROVE: "批准" };

export function isSecrecyStep(value: string): value is SecrecyStep {
  return (SECRECY_STEPS as readonly string[]).includes(value);
}

export interface SecrecyReviewRow {
  step: string;
  reviewerId: number;
}

export interface SecrecyContext {
  /** The report's status: reviews run on a 定稿 report only. */
  status: string;
  /** The current round's rows. */
  reviews: readonly SecrecyReviewRow[];
  actorId: number;
  /** The 主要负责人 in the settings, or null when none is named. */
  principalLeaderId: number | null;
}

/** The step the current round waits for, or null when it is approved. */
export function nextSecrecyStep(reviews: readonly SecrecyReviewRow[]): SecrecyStep | null {
  const done = new Set(reviews.map((r) => r.step));
  return SECRECY_STEPS.find((step) => !done.has(step)) ?? null;
}

export function secrecyApproved(reviews: readonly SecrecyReviewRow[]): boolean {
  return nextSecrecyStep(reviews) === null;
}

/** Why `actorId` cannot take `step` now, or null. The role check (permission) is the caller's. */
export function secrecyStepBlockedReason(step: SecrecyStep, ctx: SecrecyContext): string | null {
  const label = SECRECY_STEP_LABEL[step];
  if (ctx.status !== "FINAL") return "报告定稿后才能进行保密审查";
  const next = nextSecrecyStep(ctx.reviews);
  if (next === null) return "本轮保密审查已批准，报告已可公开";
  if (next !== step) return `当前应进行${SECRECY_STEP_LABEL[next]}，不能${label}`;
  if (ctx.reviews.some((r) => r.reviewerId === ctx.actorId)) {
    return `您已参与本轮保密审查的前一步骤，${label}须由其他人进行`;
  }
  if (step === "SECOND" && ctx.principalLeaderId === ctx.actorId) return "主要负责人负责批准，复审须由其他领导进行";
  if (step === "APPROVE") {
    if (ctx.principalLeaderId === null) return "单位设置尚未指定主要负责人，请联系系统管理员";
    if (ctx.principalLeaderId !== ctx.actorId) return "保密审查的批准须由主要负责人进行";
  }
  return null;
}
