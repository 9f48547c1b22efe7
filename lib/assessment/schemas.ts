import { z } from "zod";
import { SCORING_RULES } from "./rules";

const id = z.coerce.number({ message: "编号无效" }).int().positive("编号无效");
export const yearSchema = z.coerce.number({ message: "年份无效" }).int("年份无效").min(2000, "年份无效").max(2100, "年份无效");
const version = z.coerce.number({ message: "版本无效" }).int().min(1, "版本无效");

/** A score as typed: "1.5" → 1.5; the 0..分值 check needs the indicator (lib/assessment/rules.ts scoreProblem). */
const score = z
  .string({ message: "请填写得分" })
  .trim()
  .min(1, "请填写得分")
  .max(10, "得分无效")
  .regex(/^-?\d+(?:\.\d+)?$/, "得分必须是数字")
  .transform(Number);

const optionalPoints = z
  .string()
  .trim()
  .max(10, "分值无效")
  .regex(/^(?:\d+(?:\.\d{1,2})?)?$/, "分值必须是不小于 0 的数字，最多两位小数")
  .transform((v) => (v === "" ? null : Number(v)));

const optionalDeduction = optionalPoints;
export const LINK_KINDS = ["POINT", "TARGET", "LEDGER"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

const indicatorFields = {
  title: z.string({ message: "请填写指标名称" }).trim().min(1, "请填写指标名称").max(200, "指标名称不超过 200 个字"),
  content: z.string().trim().max(2000, "考核内容不超过 2000 个字").default(""),
  criteria: z.string().trim().max(2000, "评分标准不超过 2000 个字").default(""),
  points: optionalPoints.default(null),
  rule: z.enum(SCORING_RULES, { message: "计分规则无效" }).default("MANUAL"),
  deduction: optionalDeduction.default(null),
};

export const addIndicatorSchema = z.object({ year: yearSchema, parentId: z.union([z.literal(""), id]).default(""), ...indicatorFields }).strict();
export const updateIndicatorSchema = z.object({ id, version, ...indicatorFields }).strict();
export const deleteIndicatorSchema = z.object({ id }).strict();
export const linkItemSchema = z.object({ indicatorId: id, kind: z.enum(LINK_KINDS, { message: "关联类型无效" }), refId: id }).strict();
export const unlinkItemSchema = z.object({ linkId: id }).strict();
export const acceptProposalSchema = z.object({ id, version }).strict();
export const overrideScoreSchema = z
  .object({ id, version, score, reason: z.string({ message: "请填写理由" }).trim().min(1, "修改自评得分须填写理由").max(1000, "理由不超过 1000 个字") })
  .strict();
export const assessorScoreSchema = z.object({ id, version, score, remark: z.string().trim().max(1000, "意见不超过 1000 个字").default("") }).strict();

/** One imported row as the preview sends it back (the page may have corrected it). */
export const rubricRowSchema = z
  .object({
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    title: z.string().trim().min(1, "指标名称不能为空").max(200, "指标名称不超过 200 个字"),
    content: z.string().trim().max(2000).default(""),
    criteria: z.string().trim().max(2000).default(""),
    points: z.number().min(0).max(1000).nullable(),
    rule: z.enum(SCORING_RULES),
    deduction: z.number().min(0).max(1000).nullable(),
  })
  .strict();

export const importRubricSchema = z
  .object({
    year: yearSchema,
    rows: z
      .string({ message: "缺少预览结果，请重新识别" })
      .max(1_000_000, "指标过多")
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "预览结果无效，请重新识别" });
          return z.NEVER;
        }
      })
      .pipe(z.array(rubricRowSchema).min(1, "没有可导入的指标").max(500, "指标不超过 500 项")),
    replace: z.enum(["0", "1"]).default("0"),
  })
  .strict();

export type AddIndicatorInput = z.infer<typeof addIndicatorSchema>;
export type UpdateIndicatorInput = z.infer<typeof updateIndicatorSchema>;
export type LinkItemInput = z.infer<typeof linkItemSchema>;
export type OverrideScoreInput = z.infer<typeof overrideScoreSchema>;
export type AssessorScoreInput = z.infer<typeof assessorScoreSchema>;
export type ImportRubricInput = z.infer<typeof importRubricSchema>;
export type RubricRowInput = z.infer<typeof rubricRowSchema>;
