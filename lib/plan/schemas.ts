import { z } from "zod";

/** Bounds of an imported plan: generous for real plans (a dozen sections, a few dozen points). */
export const PLAN_LIMITS = {
  sections: 20,
  points: 200,
  targets: 500,
  targetsPerPoint: 50,
  supportOffices: 20,
  title: 200,
  sectionTitle: 100,
  unitName: 60,
  preamble: 5000,
  pointText: 5000,
  deadlineText: 50,
  responsible: 50,
  subject: 100,
  unit: 20,
  sourceText: 1000,
  /** Characters of the JSON payload of the import form. */
  payload: 2_000_000,
} as const;

export const COMPARATORS = [">=", "<=", "="] as const;
export const TARGET_KINDS = ["COUNT", "SUM", "PERCENT", "BOOLEAN"] as const;
export const PLAN_STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const id = z.coerce.number({ message: "编号无效" }).int().positive("编号无效");
const version = z.coerce.number({ message: "版本号无效" }).int().positive("版本号无效");
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const text = (max: number, message: string) => z.string().trim().max(max, message);
const required = (max: number, empty: string, long: string) => z.string().trim().min(1, empty).max(max, long);

function isValidDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value && Number(m[1]) >= 2000 && Number(m[1]) <= 2100;
}

/** "yyyy-mm-dd" (as JSON or from a date input) → UTC midnight; "" and null → null. */
const day = z
  .preprocess((v) => (v === "" || v === undefined ? null : v), z.string().refine(isValidDay, "日期无效").nullable())
  .transform((v) => (v === null ? null : new Date(`${v}T00:00:00.000Z`)));

/** An office id from a select: "" → null. */
const optionalOfficeId = z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), z.coerce.number().int().positive("科室无效").nullable());

/** Checkbox groups arrive as one value or an array of values. */
const officeIdList = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive("科室无效")).max(PLAN_LIMITS.supportOffices, "配合科室过多"),
);

const targetValue = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
  z.number({ message: "请填写目标值" }).finite("目标值无效").min(0, "目标值不能为负数").max(1e9, "目标值过大"),
);

const targetFields = {
  subject: required(PLAN_LIMITS.subject, "请填写指标内容", "指标内容不超过 100 个字"),
  comparator: z.enum(COMPARATORS, { message: "请选择比较方式" }),
  value: targetValue,
  unit: text(PLAN_LIMITS.unit, "单位不超过 20 个字"),
  kind: z.enum(TARGET_KINDS, { message: "请选择指标类型" }),
  sourceText: text(PLAN_LIMITS.sourceText, "原文不超过 1000 个字"),
  deadline: day,
};

function checkTarget(v: { kind: string; value: number }, ctx: z.RefinementCtx, path: (string | number)[] = []) {
  if (v.kind === "PERCENT" && v.value > 100) ctx.addIssue({ code: "custom", message: "百分比不能超过 100", path: [...path, "value"] });
}

// ---- The import editor's payload (JSON) ----

export const importTargetSchema = z.object(targetFields).strict();

export const importPointSchema = z
  .object({
    number: z.number().int().min(1, "要点编号无效").max(999, "要点编号无效"),
    title: required(PLAN_LIMITS.title, "要点标题不能为空", "要点标题不超过 200 个字"),
    text: text(PLAN_LIMITS.pointText, "要点正文不超过 5000 个字"),
    leadOfficeId: z.number().int().positive("科室无效").nullable(),
    supportOfficeIds: z.array(z.number().int().positive("科室无效")).max(PLAN_LIMITS.supportOffices, "配合科室过多"),
    deadline: day,
    deadlineText: text(PLAN_LIMITS.deadlineText, "完成时限不超过 50 个字"),
    responsible: text(PLAN_LIMITS.responsible, "责任人不超过 50 个字"),
    targets: z.array(importTargetSchema).max(PLAN_LIMITS.targetsPerPoint, "单条要点的指标过多"),
  })
  .strict();

export const importSectionSchema = z
  .object({
    title: required(PLAN_LIMITS.sectionTitle, "部分标题不能为空", "部分标题不超过 100 个字"),
    points: z.array(importPointSchema).max(PLAN_LIMITS.points, `要点不能超过 ${PLAN_LIMITS.points} 条`),
  })
  .strict();

export const importPlanSchema = z
  .object({
    year: z.number({ message: "请填写年度" }).int("年度无效").min(2000, "年度无效").max(2100, "年度无效"),
    title: required(PLAN_LIMITS.title, "请填写标题", "标题不超过 200 个字"),
    unitName: required(PLAN_LIMITS.unitName, "请填写单位名称", "单位名称不超过 60 个字"),
    preamble: text(PLAN_LIMITS.preamble, "导语不超过 5000 个字"),
    sections: z.array(importSectionSchema).min(1, "至少需要一个部分").max(PLAN_LIMITS.sections, `部分不能超过 ${PLAN_LIMITS.sections} 个`),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const points = plan.sections.flatMap((s) => s.points);
    if (points.length === 0) ctx.addIssue({ code: "custom", message: "至少需要一条工作要点", path: ["sections"] });
    if (points.length > PLAN_LIMITS.points) ctx.addIssue({ code: "custom", message: `要点不能超过 ${PLAN_LIMITS.points} 条`, path: ["sections"] });
    const targetCount = points.reduce((n, p) => n + p.targets.length, 0);
    if (targetCount > PLAN_LIMITS.targets) ctx.addIssue({ code: "custom", message: `量化指标不能超过 ${PLAN_LIMITS.targets} 项`, path: ["sections"] });
    const seen = new Set<number>();
    plan.sections.forEach((section, s) =>
      section.points.forEach((point, p) => {
        const path = ["sections", s, "points", p];
        if (seen.has(point.number)) ctx.addIssue({ code: "custom", message: `要点编号 ${point.number} 重复`, path: [...path, "number"] });
        seen.add(point.number);
        if (point.leadOfficeId !== null && point.supportOfficeIds.includes(point.leadOfficeId)) {
          ctx.addIssue({ code: "custom", message: `要点 ${point.number} 的牵头科室不能同时是配合科室`, path: [...path, "supportOfficeIds"] });
        }
        point.targets.forEach((target, t) => checkTarget(target, ctx, [...path, "targets", t]));
      }),
    );
  });

/** The import form: the edited plan as one JSON field, and the answer to "replace?". */
export const saveImportFormSchema = z
  .object({
    payload: z
      .string()
      .max(PLAN_LIMITS.payload, "导入内容过大")
      .transform((raw, ctx) => {
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "导入数据格式无效，请重新解析" });
          return z.NEVER;
        }
      })
      .pipe(importPlanSchema),
    replace: checkbox,
  })
  .strict();

// ---- Forms on /plans/[year] ----

export const updatePointSchema = z
  .object({
    id,
    version,
    title: required(PLAN_LIMITS.title, "要点标题不能为空", "要点标题不超过 200 个字"),
    text: text(PLAN_LIMITS.pointText, "要点正文不超过 5000 个字"),
    leadOfficeId: optionalOfficeId,
    supportOfficeIds: officeIdList,
    deadline: day,
    deadlineText: text(PLAN_LIMITS.deadlineText, "完成时限不超过 50 个字"),
    responsible: text(PLAN_LIMITS.responsible, "责任人不超过 50 个字"),
    completed: checkbox,
    completedAt: day,
    carriedOver: checkbox,
  })
  .strict();

export const createTargetSchema = z.object({ workPointId: id, ...targetFields }).strict().superRefine((v, ctx) => checkTarget(v, ctx));
export const updateTargetSchema = z.object({ id, version, ...targetFields }).strict().superRefine((v, ctx) => checkTarget(v, ctx));
export const deleteTargetSchema = z.object({ id, version }).strict();
/** Publish, archive and copy name the plan and the version the user saw. */
export const planVersionSchema = z.object({ id, version }).strict();

export type ImportPlanInput = z.infer<typeof importPlanSchema>;
export type SaveImportInput = z.infer<typeof saveImportFormSchema>;
export type UpdatePointInput = z.infer<typeof updatePointSchema>;
export type CreateTargetInput = z.infer<typeof createTargetSchema>;
export type UpdateTargetInput = z.infer<typeof updateTargetSchema>;
export type DeleteTargetInput = z.infer<typeof deleteTargetSchema>;
export type PlanVersionInput = z.infer<typeof planVersionSchema>;
