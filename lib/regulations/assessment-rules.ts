/**
 * 制度执行情况评估 (issue 17 point 5): labels and the pure checks on an assessment's dates and its
 * rectification status, shared by the schemas, the mutations and the page (no imports).
 */

export const ASSESSMENT_METHODS = ["SELF", "SAMPLE", "SPECIAL", "THIRD_PARTY"] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];
export const METHOD_LABEL: Record<AssessmentMethod, string> = { SELF: "自查", SAMPLE: "抽查", SPECIAL: "专项检查", THIRD_PARTY: "第三方评估" };

export const RECTIFICATION_STATUSES = ["NONE", "OPEN", "DONE"] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_LABEL: Record<RectificationStatus, string> = { NONE: "无需整改", OPEN: "整改中", DONE: "已整改" };

export function methodLabel(code: string): string {
  return (METHOD_LABEL as Record<string, string>)[code] ?? code;
}

export function rectificationLabel(code: string): string {
  return (RECTIFICATION_LABEL as Record<string, string>)[code] ?? code;
}

export const FUTURE_DATE_MESSAGE = "评估日期不能晚于今天";
export const BEFORE_EFFECTIVE_MESSAGE = "评估日期不能早于该制度的施行日期";
export const NONE_WITH_RECTIFICATION_MESSAGE = "填写了整改措施的，整改状态应为“整改中”或“已整改”";
export const RECTIFICATION_REQUIRED_MESSAGE = "整改状态为“整改中”或“已整改”的，请填写整改措施";
export const RECTIFIED_ON_REQUIRED_MESSAGE = "已整改的，请填写整改完成日期";
export const RECTIFIED_ON_NOT_DONE_MESSAGE = "尚未整改完成的，不填写整改完成日期";
export const RECTIFIED_BEFORE_ASSESSED_MESSAGE = "整改完成日期不能早于评估日期";
export const RECTIFIED_FUTURE_MESSAGE = "整改完成日期不能晚于今天";

export interface RectificationState {
  rectification: string;
  rectificationStatus: RectificationStatus;
  rectifiedOn: Date | null;
}

/** Field → message for the rectification part of an assessment; empty when consistent. */
export function rectificationErrors(state: RectificationState, assessedOn: Date, today: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  const hasText = state.rectification.trim() !== "";
  if (state.rectificationStatus === "NONE" && hasText) errors.rectificationStatus = NONE_WITH_RECTIFICATION_MESSAGE;
  if (state.rectificationStatus !== "NONE" && !hasText) errors.rectification = RECTIFICATION_REQUIRED_MESSAGE;
  if (state.rectificationStatus === "DONE") {
    if (!state.rectifiedOn) errors.rectifiedOn = RECTIFIED_ON_REQUIRED_MESSAGE;
    else if (state.rectifiedOn < assessedOn) errors.rectifiedOn = RECTIFIED_BEFORE_ASSESSED_MESSAGE;
    else if (state.rectifiedOn > today) errors.rectifiedOn = RECTIFIED_FUTURE_MESSAGE;
  } else if (state.rectifiedOn) {
    errors.rectifiedOn = RECTIFIED_ON_NOT_DONE_MESSAGE;
  }
  return errors;
}

/** Field → message for a new assessment: its date against today and the rule's effective date, then the rectification. */
export function assessmentErrors(
  input: RectificationState & { assessedOn: Date },
  context: { today: Date; effectiveOn: Date | null },
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.assessedOn > context.today) errors.assessedOn = FUTURE_DATE_MESSAGE;
  else if (context.effectiveOn && input.assessedOn < context.effectiveOn) errors.assessedOn = BEFORE_EFFECTIVE_MESSAGE;
  return { ...errors, ...rectificationErrors(input, input.assessedOn, context.today) };
}

/** The review date after recording an assessment: the later of the current one and the assessment's (never backwards). */
export function nextLastReviewedOn(current: Date | null, assessedOn: Date): Date {
  return current && current > assessedOn ? current : assessedOn;
}

/** "2026年6月10日" without imports (calendar dates are stored at UTC midnight). */
function chineseDay(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** One line of evidence on a point's page: "2026年6月10日 综合科 自查《…》，发现问题…，整改情况…". */
export function assessmentEvidenceLine(a: {
  assessedOn: Date;
  officeName: string;
  method: string;
  title: string;
  findings: string;
  rectification: string;
  rectificationStatus: string;
  rectifiedOn: Date | null;
}): string {
  const findings = a.findings.trim().replace(/[。；;，,\s]+$/u, "");
  const rectification = a.rectification.trim().replace(/[。；;，,\s]+$/u, "");
  let tail: string;
  if (a.rectificationStatus === "NONE" || !rectification) tail = "无需整改";
  else if (a.rectificationStatus === "DONE") tail = `整改情况：${rectification}（${a.rectifiedOn ? `${chineseDay(a.rectifiedOn)}已整改` : "已整改"}）`;
  else tail = `整改情况：${rectification}（整改中）`;
  return `${chineseDay(a.assessedOn)} ${a.officeName} ${methodLabel(a.method)}《${a.title}》，发现问题：${findings}，${tail}。`;
}
