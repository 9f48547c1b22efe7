import { z } from "zod";
import { calendarDay } from "@/lib/reminders/schemas";
import { ISSUERS, MAX_FULL_TEXT_CHARS } from "./constants";
import { ASSESSMENT_METHODS, RECTIFICATION_STATUSES } from "./assessment-rules";

const id = z.coerce.number({ message: "编号无效" }).int().positive("编号无效");
const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : undefined))
  .pipe(z.number().int().positive("编号无效").optional());
const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(calendarDay.optional());
const docNumber = z.string().trim().max(60, "文号不超过 60 个字").optional().transform((v) => v || "");
const fullText = z.string().max(MAX_FULL_TEXT_CHARS, "制度全文过长").optional().transform((v) => (v ?? "").replace(/\r\n?/g, "\n").trim());
const note = z.string().trim().max(500, "说明不超过 500 个字").optional().transform((v) => v ?? "");

export const createRegulationSchema = z
  .object({
    title: z.string().trim().min(2, "请填写制度名称").max(120, "制度名称不超过 120 个字"),
    docNumber,
    issuer: z.enum(ISSUERS, { message: "请选择制定机关" }),
    category: z.string().trim().min(2, "请填写或选择类别").max(30, "类别不超过 30 个字"),
    officeId: optionalId,
    status: z.enum(["EFFECTIVE", "TRIAL"], { message: "请选择状态" }),
    adoptedOn: calendarDay,
    effectiveOn: optionalDay,
    validUntil: optionalDay,
    fullText,
    note,
  })
  .strict();

export const reviseRegulationSchema = z
  .object({
    regulationId: id,
    expectedVersion: id,
    docNumber,
    adoptedOn: calendarDay,
    effectiveOn: optionalDay,
    fullText,
    note: z.string().trim().min(2, "请填写修订说明").max(500, "修订说明不超过 500 个字"),
  })
  .strict();

export const repealRegulationSchema = z
  .object({
    regulationId: id,
    expectedVersion: id,
    repealedOn: calendarDay,
    reason: z.string().trim().min(2, "请填写废止理由").max(500, "废止理由不超过 500 个字"),
    replacedById: optionalId,
  })
  .strict();

export const reviewRegulationSchema = z.object({ regulationId: id, expectedVersion: id }).strict();

export const linkPointSchema = z
  .object({ regulationId: id, workPointId: id, note: z.string().trim().max(200, "说明不超过 200 个字").optional().transform((v) => v ?? "") })
  .strict();
export const unlinkPointSchema = z.object({ linkId: id }).strict();

export type CreateRegulationInput = z.infer<typeof createRegulationSchema>;
export type ReviseRegulationInput = z.infer<typeof reviseRegulationSchema>;
export type RepealRegulationInput = z.infer<typeof repealRegulationSchema>;
export type LinkPointInput = z.infer<typeof linkPointSchema>;

export const setCleanupActionSchema = z
  .object({
    year: z.coerce.number({ message: "年份无效" }).int().min(2000, "年份无效").max(2100, "年份无效"),
    regulationId: id,
    action: z.enum(["KEEP", "REVISE", "REPEAL"], { message: "请选择清理意见（保留、修订或废止）" }),
    note: z.string().trim().max(200, "说明不超过 200 个字").optional().transform((v) => v ?? ""),
  })
  .strict();

/** 修订建议 by the rule's responsible office (issue 17). */
export const proposeRegulationChangeSchema = z
  .object({
    regulationId: id,
    kind: z.enum(["REVISE", "REPEAL"], { message: "请选择建议类型（修订或废止）" }),
    reason: z.string().trim().min(2, "请填写建议理由").max(2000, "建议理由不超过 2000 个字"),
    suggestedText: z.string().max(20000, "建议条文不超过 20000 个字").optional().transform((v) => (v ?? "").replace(/\r\n?/g, "\n").trim()),
  })
  .strict();

/** The 法治办 accepts or declines a proposal; a comment is required when declining. */
export const decideProposalSchema = z
  .object({
    proposalId: id,
    decision: z.enum(["ACCEPT", "DECLINE"], { message: "请选择采纳或不采纳" }),
    comment: z.string().trim().max(500, "意见不超过 500 个字").optional().transform((v) => v ?? ""),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === "DECLINE" && v.comment.length < 2) ctx.addIssue({ code: "custom", path: ["comment"], message: "不采纳时请填写意见" });
  });

export type ProposeRegulationChangeInput = z.infer<typeof proposeRegulationChangeSchema>;
export type DecideProposalInput = z.infer<typeof decideProposalSchema>;
// 制度执行情况评估 (lib/regulations/assessments.ts); cross-field checks in ./assessment-rules.
const rectificationText = z.string().trim().max(1000, "整改措施不超过 1000 个字").optional().transform((v) => v ?? "");
const rectificationStatus = z.enum(RECTIFICATION_STATUSES, { message: "请选择整改状态" });

export const recordAssessmentSchema = z
  .object({
    regulationId: id,
    assessedOn: calendarDay,
    officeId: z.coerce.number({ message: "请选择评估科室" }).int().positive("请选择评估科室"),
    method: z.enum(ASSESSMENT_METHODS, { message: "请选择评估方式" }),
    findings: z.string().trim().min(2, "请填写发现的问题或评估结论").max(2000, "评估发现不超过 2000 个字"),
    rectification: rectificationText,
    rectificationStatus,
    rectifiedOn: optionalDay,
    workPointId: optionalId,
  })
  .strict();

export const updateRectificationSchema = z
  .object({
    assessmentId: id,
    expectedVersion: id,
    rectification: rectificationText,
    rectificationStatus,
    rectifiedOn: optionalDay,
  })
  .strict();

export type RecordAssessmentInput = z.infer<typeof recordAssessmentSchema>;
export type UpdateRectificationInput = z.infer<typeof updateRectificationSchema>;
