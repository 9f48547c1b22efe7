import { z } from "zod";
import { EDITABLE_KEYS, PART_KEYS } from "./types";

/** A part of the report is a few pages at most; this bounds a request, not the writing. */
export const MAX_PART_CHARS = 20_000;

const year = z.coerce.number({ message: "年度无效" }).int("年度无效").min(2000, "年度无效").max(2100, "年度无效");
const version = z.coerce.number({ message: "版本号无效" }).int().positive("版本号无效");
const partKey = z.enum(PART_KEYS as readonly ["part1", "part2", "part3", "part4", "part5"], { message: "报告部分无效" });
const editableKey = z.enum(EDITABLE_KEYS as readonly ["preface", "part1", "part2", "part3", "part4", "part5"], { message: "报告部分无效" });
const confirmFlag = z.preprocess((v) => v === "1" || v === "on" || v === "true" || v === true, z.boolean()).default(false);

export const generateReportSchema = z.object({ year }).strict();

export const savePartSchema = z
  .object({
    year,
    key: editableKey,
    version,
    content: z.string().max(MAX_PART_CHARS, `每部分不超过 ${MAX_PART_CHARS} 字`),
  })
  .strict();

export const regeneratePartSchema = z.object({ year, key: partKey, version, confirm: confirmFlag }).strict();

export const transitionSchema = z.object({ year, version }).strict();

/** One line of text: no line breaks or control characters. */
const oneLine = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((v) => !/[\u0000-\u001f\u007f]/u.test(v), "请填写一行文字，不要换行");

/** Title and 署名 of a report; blank restores the default (title from the unit name, 署名 from the settings). */
export const updateHeaderSchema = z
  .object({
    year,
    version,
    title: oneLine(60, "标题不超过 60 个字"),
    signature: oneLine(60, "署名不超过 60 个字"),
  })
  .strict();

export type GenerateReportInput = z.infer<typeof generateReportSchema>;
export type SavePartInput = z.infer<typeof savePartSchema>;
export type RegeneratePartInput = z.infer<typeof regeneratePartSchema>;
export type TransitionInput = z.infer<typeof transitionSchema>;
export type UpdateHeaderInput = z.infer<typeof updateHeaderSchema>;
