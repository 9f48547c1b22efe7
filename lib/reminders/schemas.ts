import { z } from "zod";

const id = z.coerce.number({ message: "编号无效" }).int().positive("编号无效");

/** "2026-12-15" → that calendar day at UTC midnight (how the app stores dates). */
export const calendarDay = z
  .string({ message: "请选择日期" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 yyyy-mm-dd")
  .transform((value, ctx) => {
    const [y, m, d] = value.split("-").map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 2000 || y > 2100) {
      ctx.addIssue({ code: "custom", message: "日期无效" });
      return z.NEVER;
    }
    return date;
  });

export const sendReminderSchema = z
  .object({
    workPointId: id,
    message: z.string().trim().min(5, "催办内容至少 5 个字").max(500, "催办内容不超过 500 个字"),
    requestedBy: calendarDay,
  })
  .strict();

export const replyReminderSchema = z
  .object({
    reminderId: id,
    reply: z.string().trim().min(5, "反馈内容至少 5 个字").max(1000, "反馈内容不超过 1000 个字"),
    replyExpectedDate: calendarDay,
  })
  .strict();

export const openNotificationSchema = z.object({ notificationId: id }).strict();
export const markAllReadSchema = z.object({}).strict();

export type SendReminderInput = z.infer<typeof sendReminderSchema>;
export type ReplyReminderInput = z.infer<typeof replyReminderSchema>;
