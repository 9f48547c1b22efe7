/**
 * The words of 修订建议 (pure): labels, the 制度清理 note an accepted proposal leaves, and the in-portal
 * notices (delivered by the supervision module's `deliver`).
 */
import type { SupervisionNotice } from "@/lib/supervision/closure";

export const PROPOSAL_KINDS = ["REVISE", "REPEAL"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_KIND_LABEL: Record<ProposalKind, string> = { REVISE: "修订", REPEAL: "废止" };
export const PROPOSAL_STATUS_LABEL: Record<string, string> = { PENDING: "待处理", ACCEPTED: "已采纳", DECLINED: "未采纳" };

/** The cleanup form's note limit (setCleanupActionSchema): the accepted note stays editable there. */
const CLEANUP_NOTE_MAX = 200;

export function cleanupNote(reason: string): string {
  const note = `科室建议：${reason.replace(/\s+/gu, " ").trim()}`;
  return note.length <= CLEANUP_NOTE_MAX ? note : `${note.slice(0, CLEANUP_NOTE_MAX - 1)}…`;
}

export interface ProposalNoticeFacts {
  regulationId: number;
  title: string;
  officeName: string;
  kind: ProposalKind;
  actorName: string;
  text: string;
}

export function proposalNotice(step: "propose" | "accept" | "decline", f: ProposalNoticeFacts): SupervisionNotice {
  const what = `《${f.title}》`;
  const kind = PROPOSAL_KIND_LABEL[f.kind];
  const link = `/regulations/${f.regulationId}#proposals`;
  const text = f.text.trim();
  switch (step) {
    case "propose":
      return { audience: "coordinators", title: `待处理：${f.officeName}建议${kind}${what}`, body: `${f.actorName}提出${kind}建议，理由：${text}`, link };
    case "accept":
      return { audience: "office", title: `修订建议已采纳：${what}`, body: `${f.actorName}采纳了${kind}建议，已列入年度制度清理${text ? `，意见：${text}` : ""}。`, link };
    case "decline":
      return { audience: "office", title: `修订建议未采纳：${what}`, body: `${f.actorName}未采纳${kind}建议，意见：${text}。`, link };
  }
}
