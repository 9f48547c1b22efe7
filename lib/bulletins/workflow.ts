/** The 情况通报's life cycle: 草稿 → 送审 → 已审定, a leader returning it to 草稿 with a comment. */

import type { Permission } from "@/lib/auth/permissions";

export const BULLETIN_STATUSES = ["DRAFT", "IN_REVIEW", "APPROVED"] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];
export const BULLETIN_STATUS_LABEL: Record<BulletinStatus, string> = { DRAFT: "草稿", IN_REVIEW: "送审", APPROVED: "已审定" };

export type BulletinTransition = "submit" | "approve" | "return";

export const BULLETIN_TRANSITIONS: Record<BulletinTransition, { from: BulletinStatus; to: BulletinStatus; permission: Permission; label: string; done: string }> = {
  submit: { from: "DRAFT", to: "IN_REVIEW", permission: "bulletin:edit", label: "送领导审定", done: "通报已送审" },
  approve: { from: "IN_REVIEW", to: "APPROVED", permission: "bulletin:approve", label: "审定通过", done: "通报已审定" },
  return: { from: "IN_REVIEW", to: "DRAFT", permission: "bulletin:approve", label: "退回修改", done: "通报已退回修改" },
};

export function statusLabel(status: string): string {
  return (BULLETIN_STATUS_LABEL as Record<string, string>)[status] ?? status;
}

export function transitionBlockedReason(transition: BulletinTransition, status: string): string | null {
  const rule = BULLETIN_TRANSITIONS[transition];
  return status === rule.from ? null : `通报当前为“${statusLabel(status)}”状态，不能${rule.label}`;
}

export function editBlockedReason(status: string): string | null {
  if (status === "DRAFT") return null;
  if (status === "IN_REVIEW") return "通报已送审，不能修改；如需修改，请由领导退回";
  return "通报已审定，不能修改";
}

/** "关于…的通报（第1期）.docx" without characters file systems refuse. */
export function bulletinFileName(title: string): string {
  const cleaned = title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/gu, "").trim();
  return `${cleaned || "情况通报"}.docx`;
}
