/**
 * Who hears of a ledger workflow step, and what they read (issue 20: the review loop tells
 * nobody). Pure: the mutation resolves the audience to users inside the same transaction.
 *
 * - submit → the reviewers (法治办, COORDINATOR): an entry waits for them;
 * - return → the entry's office (its STAFF and the entry's creator), with the reason;
 * - approve → the entry's office, that it now counts;
 * - reopen → the entry's office, that an approval was withdrawn for correction;
 * - recall → nobody needs to act (the submitter withdrew it themselves).
 * The person who took the step is never notified of it.
 */
import type { WorkflowAction } from "./workflow";

export type NoticeAudience = "reviewers" | "office";

export interface WorkflowNotice {
  audience: NoticeAudience;
  title: string;
  body: string;
  link: string;
}

export interface NoticeEntry {
  id: number;
  title: string;
  officeName: string;
  pointNumber: number;
}

export function workflowNotice(action: WorkflowAction, entry: NoticeEntry, actorName: string, reason?: string): WorkflowNotice | null {
  const link = `/ledger/${entry.id}`;
  const what = `第${entry.pointNumber}项台账“${entry.title}”`;
  switch (action) {
    case "submit":
      return { audience: "reviewers", title: `待审核：${entry.officeName}提交了${what}`, body: `${actorName}提交审核，请审核通过或退回。`, link };
    case "return":
      return { audience: "office", title: `已退回：${what}`, body: `${actorName}退回，原因：${reason?.trim() || "未说明"}。请修改后重新提交。`, link };
    case "approve":
      return { audience: "office", title: `已通过：${what}`, body: `${actorName}审核通过，该记录已计入完成情况。`, link };
    case "reopen":
      return { audience: "office", title: `已撤销通过：${what}`, body: `${actorName}撤销了审核通过，记录回到待审核，计入完成情况前需重新审核。`, link };
    case "recall":
      return null;
  }
}
