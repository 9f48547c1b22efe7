/** The words of automatic reminders and the webhook payload (pure). */

import { formatChineseDate } from "@/lib/progress/dates";
import type { ReminderKind } from "./schedule";

export interface ReminderSubject {
  kind: ReminderKind;
  pointNumber: number;
  pointTitle: string;
  officeName: string;
  deadline: Date;
  /** NEAR: days left; OVERDUE: days past the deadline. */
  days: number;
  year: number;
}

export const KIND_LABEL: Record<ReminderKind, string> = { NEAR: "临近提醒", OVERDUE: "到期催办" };

export function reminderText(r: ReminderSubject): { subject: string; body: string } {
  const point = `${r.year}年度第${r.pointNumber}项“${r.pointTitle}”`;
  const office = r.officeName ? `（牵头科室：${r.officeName}）` : "";
  if (r.kind === "NEAR") {
    const when = r.days === 0 ? "今天到期" : `还有${r.days}天到期`;
    return {
      subject: `临近提醒：第${r.pointNumber}项“${r.pointTitle}”${when}`,
      body: `工作要点${point}${office}的完成时限为${formatChineseDate(r.deadline)}，${when}，尚未完成。请抓紧推进，并及时在法治建设工作台记录台账。`,
    };
  }
  return {
    subject: `到期催办：第${r.pointNumber}项“${r.pointTitle}”已逾期${r.days}天`,
    body: `工作要点${point}${office}的完成时限为${formatChineseDate(r.deadline)}，已逾期${r.days}天，尚未完成。请牵头科室抓紧办理，并在法治建设工作台反馈进展。`,
  };
}

/** 企业微信 / 政务微信 group robot text message (钉钉's robot takes the same shape). */
export function webhookPayload(subject: string, body: string, link: string): { msgtype: "text"; text: { content: string } } {
  const content = [subject, body, link].filter(Boolean).join("\n");
  return { msgtype: "text", text: { content } };
}

/** The e-mail text: the body, then where to open it. */
export function emailText(body: string, link: string): string {
  return link ? `${body}\n\n请登录法治建设工作台查看：${link}\n\n（本邮件由系统自动发送，请勿回复。）` : `${body}\n\n（本邮件由系统自动发送，请勿回复。）`;
}
