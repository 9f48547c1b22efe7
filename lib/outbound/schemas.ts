import { z } from "zod";
import { SMTP_SECURITY } from "./settings";

const id = z.coerce.number({ message: "编号无效" }).int().positive("编号无效");
const version = z.coerce.number({ message: "版本号无效" }).int().positive("版本号无效");
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const days = (label: string) =>
  z.coerce.number({ message: `${label}须为 0 至 60 的整数` }).int(`${label}须为 0 至 60 的整数`).min(0, `${label}须为 0 至 60 的整数`).max(60, `${label}须为 0 至 60 的整数`);

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/u;
/** "a@b.cn" or "法治办 <a@b.cn>". */
const FROM = /^(?:[^<>\r\n]{1,60}\s*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/u;

export const emailAddress = z.string().trim().max(200, "邮箱地址不超过 200 个字符").regex(EMAIL, "邮箱地址格式不正确，例如 zhangsan@example.gov.cn");

export const updateOutboundSettingsSchema = z
  .object({
    version,
    remindersEnabled: checkbox.optional().transform((v) => v ?? false),
    reminderLeadDays: days("临近提醒天数"),
    overdueRepeatDays: days("到期催办间隔天数"),
    smtpHost: z.string().trim().max(253, "服务器地址过长").regex(/^[A-Za-z0-9.:\-[\]]*$/u, "邮件服务器地址只能是主机名或 IP 地址"),
    smtpPort: z.coerce.number({ message: "端口须为 1 至 65535 的整数" }).int("端口须为 1 至 65535 的整数").min(1, "端口须为 1 至 65535 的整数").max(65535, "端口须为 1 至 65535 的整数"),
    smtpSecurity: z.enum(SMTP_SECURITY, { message: "请选择加密方式" }),
    smtpUser: z.string().trim().max(200, "用户名不超过 200 个字符"),
    /** Blank keeps the stored password. */
    smtpPassword: z.string().max(200, "密码不超过 200 个字符").optional().transform((v) => v ?? ""),
    clearSmtpPassword: checkbox.optional().transform((v) => v ?? false),
    smtpFrom: z.string().trim().max(200, "发件人不超过 200 个字符").refine((v) => v === "" || FROM.test(v), "发件人格式不正确，例如 法治办 <fazhiban@example.gov.cn>"),
    webhookUrl: z
      .string()
      .trim()
      .max(500, "推送地址不超过 500 个字符")
      .refine((v) => v === "" || /^https?:\/\/[^\s]+$/u.test(v), "推送地址须以 http:// 或 https:// 开头"),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.smtpHost && !value.smtpFrom) ctx.addIssue({ code: "custom", path: ["smtpFrom"], message: "填写了邮件服务器时须填写发件人地址" });
    if (!value.smtpHost && value.smtpFrom) ctx.addIssue({ code: "custom", path: ["smtpHost"], message: "填写了发件人时须填写邮件服务器地址" });
  });

export const updateUserEmailSchema = z
  .object({
    userId: id,
    email: z.union([z.literal(""), emailAddress]).transform((v) => (v === "" ? null : v)),
  })
  .strict();

export const retryOutboundSchema = z.object({ messageId: id }).strict();

export type UpdateOutboundSettingsInput = z.infer<typeof updateOutboundSettingsSchema>;
export type UpdateUserEmailInput = z.infer<typeof updateUserEmailSchema>;
