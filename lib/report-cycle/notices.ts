/**
 * Who hears of a step of the annual report's cycle, and what they read. Pure: the mutation resolves
 * the audience to accounts inside the step's transaction, and never notifies the actor.
 *
 * - 送审 → the leaders (LEADER accounts): the report waits for their review and the principal's signature;
 * - 退回 → the 法治办 (COORDINATOR accounts), with the leader's comment (required);
 * - 定稿 → the 法治办: the report is signed, 报送 and the 保密审查 can start;
 * - 重新打开 → the 法治办;
 * - each 保密审查 step → whoever takes the next one (复审: the leaders; 批准: the principal), and the
 *   法治办 when the round is approved (the public version is live).
 */
import type { ReportTransition } from "@/lib/report/workflow";
import { SECRECY_STEP_LABEL, type SecrecyStep } from "./secrecy";

export type CycleAudience = "leaders" | "coordinators" | "principal";

export interface CycleNotice {
  audience: CycleAudience;
  title: string;
  body: string;
  link: string;
}

export function reportTransitionNotice(transition: ReportTransition, year: number, actorName: string, comment = ""): CycleNotice {
  const link = `/reports/${year}`;
  const what = `${year}年度法治建设报告`;
  switch (transition) {
    case "submit":
      return { audience: "leaders", title: `待审定：${what}已送审`, body: `${actorName}送审，请审阅；主要负责人审定后签发（定稿），如需修改请退回并提出意见。`, link };
    case "return":
      return { audience: "coordinators", title: `已退回：${what}`, body: `${actorName}退回，意见：${comment.trim() || "未说明"}。请修改后重新送审。`, link };
    case "finalize":
      return { audience: "coordinators", title: `已定稿：${what}`, body: `${actorName}已审定签发，可报送上级；公开前请启动保密审查。`, link };
    case "reopen":
      return { audience: "coordinators", title: `已重新打开：${what}`, body: `${actorName}重新打开了已签发的报告，报告回到草稿，需重新送审、签发和保密审查。`, link };
  }
}

export function secrecyStepNotice(step: SecrecyStep, year: number, actorName: string): CycleNotice {
  const link = `/reports/${year}`;
  const what = `${year}年度法治建设报告`;
  const done = `${actorName}已完成保密审查${SECRECY_STEP_LABEL[step]}`;
  switch (step) {
    case "FIRST":
      return { audience: "leaders", title: `待复审：${what}保密审查`, body: `${done}，请主要负责人以外的领导复审。`, link };
    case "SECOND":
      return { audience: "principal", title: `待批准：${what}保密审查`, body: `${done}，请主要负责人批准公开。`, link };
    case "APPROVE":
      return { audience: "coordinators", title: `已批准公开：${what}`, body: `${done}，公开版本已可访问：/public/reports/${year}。`, link };
  }
}
