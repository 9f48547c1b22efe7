import { z } from "zod";
import { parseMonthDay } from "./deadlines";
import type { SecrecyStep } from "./secrecy";

const year = z.coerce.number({ message: "年度无效" }).int("年度无效").min(2000, "年度无效").max(2100, "年度无效");
const version = z.coerce.number({ message: "版本号无效" }).int().positive("版本号无效");
const checkbox = z.preprocess((v) => v === "1" || v === "on" || v === "true" || v === true, z.boolean());

/** One line of text: no line breaks or control characters. */
const oneLine = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((v) => !/[\u0000-\u001f\u007f]/u.test(v), "请填写一行文字，不要换行");

const monthDay = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => parseMonthDay(v) !== null, `${label}请按“月-日”填写，如 03-01`);

/** A calendar day "YYYY-MM-DD" → UTC midnight. */
const day = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/u, message)
    .transform((v) => new Date(`${v}T00:00:00.000Z`))
    .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, message);

/** The 系统管理员's settings of the report cycle (beside the unit settings on /admin). */
export const updateCycleSettingsSchema = z
  .object({
    version,
    /** "" = no principal leader named yet. */
    principalLeaderId: z.preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      z.coerce.number({ message: "请选择主要负责人" }).int("请选择主要负责人").positive("请选择主要负责人").nullable(),
    ),
    addressee: oneLine(60, "主送机关不超过 60 个字"),
    redHeader: checkbox.optional().transform((v) => v ?? false),
    redHeaderText: oneLine(30, "发文机关标志不超过 30 个字"),
    submitDue: monthDay("报送截止日期"),
    publishDue: monthDay("公开截止日期"),
  })
  .strict();

/** 退回 with the leader's comment, now required. */
export const returnReportSchema = z
  .object({
    year,
    version,
    comment: z.string().trim().min(2, "请填写退回意见，说明需要修改的内容").max(500, "退回意见不超过 500 字"),
  })
  .strict();

/** 定稿 by the 主要负责人, with the 落款日期 (the signing date; today unless changed). */
export const finalizeReportSchema = z
  .object({
    year,
    version,
    signedOn: z.preprocess((v) => (v === "" ? undefined : v), day("签发日期无效，请按“年-月-日”填写").optional()),
  })
  .strict();

/** One step of the 保密审查 (the step is the action's), with its opinion. */
export const secrecyOpinionSchema = z
  .object({
    year,
    version,
    opinion: z.string().trim().min(2, "请填写审查意见").max(500, "审查意见不超过 500 字"),
  })
  .strict();

/** The 落款日期 of a signed report, corrected by the 主要负责人 who signed it. */
export const signDateSchema = z.object({ year, version, signedOn: day("落款日期无效，请按“年-月-日”填写") }).strict();

export type UpdateCycleSettingsInput = z.infer<typeof updateCycleSettingsSchema>;
export type ReturnReportInput = z.infer<typeof returnReportSchema>;
export type FinalizeReportInput = z.infer<typeof finalizeReportSchema>;
export type SecrecyStepInput = z.infer<typeof secrecyOpinionSchema> & { step: SecrecyStep };
export type SignDateInput = z.infer<typeof signDateSchema>;
