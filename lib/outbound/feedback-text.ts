/**
 * The "missing feedback" reminder's wording (pure): one message per lead office and period, naming
 * the points whose 进展反馈 is still missing after the due day. Offices, never people.
 */
import { formatMonthDay } from "@/lib/progress";

export interface FeedbackReminderInput {
  periodKey: string;
  periodLabel: string;
  due: Date;
  officeName: string;
  points: { number: number; title: string }[];
}

const SHOWN = 5;

export function feedbackReminderText(input: FeedbackReminderInput): { subject: string; body: string } {
  const n = input.points.length;
  const listed = input.points.slice(0, SHOWN).map((p) => `第${p.number}项“${p.title}”`);
  const more = n > SHOWN ? `等 ${n} 项` : "";
  const subject = `进展反馈提醒：${input.periodLabel}尚有 ${n} 项工作要点未反馈`;
  const body =
    `${input.officeName ? `${input.officeName}：` : ""}${input.periodLabel}的进展反馈应于${formatMonthDay(input.due)}前填写，` +
    `${listed.join("、")}${more}尚未反馈。请在“进展反馈”页面填写（已按本期台账预填，核对后保存即可）。`;
  return { subject, body };
}

/** The outbox key of one office's reminder for one period: sent once, however often the planner runs. */
export function feedbackReminderKey(periodKey: string, officeId: number): string {
  return `feedback:${periodKey}:${officeId}`;
}
