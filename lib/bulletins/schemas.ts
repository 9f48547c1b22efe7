import { z } from "zod";
import { calendarDay } from "@/lib/reminders/schemas";

const id = z.coerce.number({ message: "编号无效" }).int().positive("编号无效");
const version = z.coerce.number({ message: "版本号无效" }).int().positive("版本号无效");
const optionalDay = z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), calendarDay.optional());
const docNumber = z.string().trim().max(40, "发文字号不超过 40 个字").optional().transform((v) => v ?? "");

export const generateBulletinSchema = z
  .object({
    year: z.coerce.number({ message: "年度无效" }).int("年度无效").min(2000, "年度无效").max(2100, "年度无效"),
    periodStart: optionalDay,
    periodEnd: optionalDay,
    docNumber,
  })
  .strict();

export const saveBulletinSchema = z
  .object({
    id,
    version,
    title: z.string().trim().min(5, "标题至少 5 个字").max(80, "标题不超过 80 个字"),
    docNumber,
    content: z.string().max(20_000, "正文不超过 20000 个字"),
  })
  .strict();

export const bulletinTransitionSchema = z
  .object({
    id,
    version,
    comment: z.string().trim().max(500, "意见不超过 500 个字").optional().transform((v) => v ?? ""),
  })
  .strict();

export type GenerateBulletinInput = z.infer<typeof generateBulletinSchema>;
export type SaveBulletinInput = z.infer<typeof saveBulletinSchema>;
export type BulletinTransitionInput = z.infer<typeof bulletinTransitionSchema>;
