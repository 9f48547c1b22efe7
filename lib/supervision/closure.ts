/**
 * 办结, the pure part: a point's closing state from its declarations, the ratings, and who is told
 * of each 督办 step (the mutations resolve the audience to users inside their transaction).
 */

export type ClosureStatus = "PENDING" | "ACCEPTED" | "RETURNED";
export type Rating = "EXCELLENT" | "GOOD" | "FAIR" | "POOR";

export const RATINGS: readonly Rating[] = ["EXCELLENT", "GOOD", "FAIR", "POOR"];
export const RATING_LABEL: Record<Rating, string> = { EXCELLENT: "优秀", GOOD: "良好", FAIR: "一般", POOR: "较差" };

/** 进行中 (none, or the latest was returned) → 待审核 (declared) → 已办结 (accepted). */
export type ClosingState = "OPEN" | "PENDING" | "CLOSED";
export const CLOSING_STATE_LABEL: Record<ClosingState, string> = { OPEN: "进行中", PENDING: "办结待审核", CLOSED: "已办结" };

export interface ClosureFact {
  id: number;
  status: string;
  declaredAt: Date;
  returnReason?: string | null;
}

/** The latest declaration (by time, then id), or null. */
export function latestClosure<T extends ClosureFact>(closures: readonly T[]): T | null {
  let latest: T | null = null;
  for (const c of closures) {
    if (latest === null || c.declaredAt.getTime() > latest.declaredAt.getTime() || (c.declaredAt.getTime() === latest.declaredAt.getTime() && c.id > latest.id)) latest = c;
  }
  return latest;
}

export function closingState(closures: readonly ClosureFact[]): { state: ClosingState; returnReason: string | null } {
  const latest = latestClosure(closures);
  if (!latest) return { state: "OPEN", returnReason: null };
  if (latest.status === "ACCEPTED") return { state: "CLOSED", returnReason: null };
  if (latest.status === "PENDING") return { state: "PENDING", returnReason: null };
  return { state: "OPEN", returnReason: latest.returnReason ?? null };
}

export type SupervisionStep = "extension.request" | "extension.approve" | "extension.decline" | "closure.declare" | "closure.accept" | "closure.return" | "closure.rate";

/** leaders: active LEADER accounts; coordinators: active 法治办; office: the lead office's STAFF and the requester/declarer. */
export type SupervisionAudience = "leaders" | "coordinators" | "office";

export interface SupervisionNotice {
  audience: SupervisionAudience;
  title: string;
  body: string;
  link: string;
}

export interface NoticeFacts {
  pointId: number;
  pointNumber: number;
  pointTitle: string;
  officeName: string;
  actorName: string;
  /** Extension: the proposed date, written ("2026年11月30日"). */
  date?: string;
  /** Reason, comment, summary or rating, as the step has it. */
  text?: string;
}

export function supervisionNotice(step: SupervisionStep, f: NoticeFacts): SupervisionNotice {
  const what = `第${f.pointNumber}项“${f.pointTitle.replace(/。$/u, "")}”`;
  const link = `/points/${f.pointId}#supervision`;
  const text = f.text?.trim() ?? "";
  switch (step) {
    case "extension.request":
      return { audience: "leaders", title: `待审批：${f.officeName}申请${what}延期至${f.date}`, body: `${f.actorName}申请延期，理由：${text}`, link };
    case "extension.approve":
      return { audience: "office", title: `延期已批准：${what}`, body: `${f.actorName}批准延期至${f.date}${text ? `，意见：${text}` : ""}。`, link };
    case "extension.decline":
      return { audience: "office", title: `延期未批准：${what}`, body: `${f.actorName}未批准延期${text ? `，意见：${text}` : ""}，仍按原完成时限执行。`, link };
    case "closure.declare":
      return { audience: "coordinators", title: `待办结审核：${f.officeName}申报${what}办结`, body: `${f.actorName}申报办结：${text}`, link };
    case "closure.accept":
      return { audience: "office", title: `办结已通过：${what}`, body: `${f.actorName}审核通过办结申报。`, link };
    case "closure.return":
      return { audience: "office", title: `办结已退回：${what}`, body: `${f.actorName}退回办结申报，原因：${text}。该要点回到进行中。`, link };
    case "closure.rate":
      return { audience: "office", title: `办结评价：${what}`, body: `${f.actorName}评价为“${text}”。`, link };
  }
}
