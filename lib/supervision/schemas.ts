import { z } from "zod";
import { calendarDay } from "@/lib/reminders/schemas";

const id = z.coerce.number({ message: "编号无效" }).int().positive("编号无效").max(2_147_483_647, "编号无效");
const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label}不超过 ${max} 个字`).default("");

export const requestExtensionSchema = z
  .object({
    workPointId: id,
    proposedDeadline: calendarDay,
    reason: z.string({ message: "请填写延期理由" }).trim().min(5, "延期理由至少 5 个字").max(500, "延期理由不超过 500 个字"),
  })
  .strict();

export const decideExtensionSchema = z
  .object({
    extensionId: id,
    decision: z.enum(["APPROVE", "DECLINE"], { message: "请选择批准或不批准" }),
    comment: optionalText(500, "审批意见"),
  })
  .strict()
  .refine((v) => v.decision === "APPROVE" || v.comment.length > 0, { message: "不批准时请填写意见", path: ["comment"] });

export const declareClosureSchema = z
  .object({
    workPointId: id,
    summary: z.string({ message: "请填写办结情况" }).trim().min(5, "办结情况至少 5 个字").max(1000, "办结情况不超过 1000 个字"),
  })
  .strict();

export const reviewClosureSchema = z
  .object({
    closureId: id,
    decision: z.enum(["ACCEPT", "RETURN"], { message: "请选择通过或退回" }),
    reason: optionalText(500, "退回原因"),
  })
  .strict()
  .refine((v) => v.decision === "ACCEPT" || v.reason.length > 0, { message: "退回时请填写原因", path: ["reason"] });

export const rateClosureSchema = z
  .object({
    closureId: id,
    rating: z.enum(["EXCELLENT", "GOOD", "FAIR", "POOR"], { message: "请选择评价等次" }),
    comment: optionalText(300, "评价意见"),
  })
  .strict();

export const saveNoteSchema = z
  .object({
    workPointId: id,
    period: z.string({ message: "反馈周期无效" }).trim().regex(/^\d{4}-(\d{2}|Q[1-4])$/, "反馈周期无效"),
    text: z.string({ message: "请填写进展情况" }).trim().min(2, "进展情况至少 2 个字").max(2000, "进展情况不超过 2000 个字"),
  })
  .strict();

export const feedbackSettingsSchema = z
  .object({
    cycle: z.enum(["MONTHLY", "QUARTERLY"], { message: "请选择反馈周期" }),
    dueDay: z.coerce.number({ message: "截止日应为 1 到 28 之间的整数" }).int("截止日应为 1 到 28 之间的整数").min(1, "截止日应为 1 到 28 之间的整数").max(28, "截止日应为 1 到 28 之间的整数"),
  })
  .strict();

export type RequestExtensionInput = z.infer<typeof requestExtensionSchema>;
export type DecideExtensionInput = z.infer<typeof decideExtensionSchema>;
export type DeclareClosureInput = z.infer<typeof declareClosureSchema>;
export type ReviewClosureInput = z.infer<typeof reviewClosureSchema>;
export type RateClosureInput = z.infer<typeof rateClosureSchema>;
export type SaveNoteInput = z.infer<typeof saveNoteSchema>;
export type FeedbackSettingsInput = z.infer<typeof feedbackSettingsSchema>;
