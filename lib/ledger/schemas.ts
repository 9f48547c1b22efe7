import { z } from "zod";
import { ENTRY_CATEGORIES, ENTRY_FORMS, ENTRY_STATUSES, LIST_SORTS, MAX_QUANTITY } from "./constants";

const id = z.coerce.number({ message: "编号无效" }).int("编号无效").positive("编号无效").max(2_147_483_647, "编号无效");
const version = z.coerce.number({ message: "版本号无效" }).int("版本号无效").positive("版本号无效");
const optionalId = z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), id.nullable());

/** A calendar date "YYYY-MM-DD" that exists (no 2025-02-30). */
export function parseIsoDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

export const isoDate = z
  .string({ message: "请填写日期" })
  .trim()
  .min(1, "请填写日期")
  .refine((v) => parseIsoDay(v) !== null, "日期无效，格式应为 YYYY-MM-DD")
  .transform((v) => parseIsoDay(v)!);

export const quantitySchema = z
  .object({
    targetId: id,
    value: z.coerce
      .number({ message: "数量必须是数字" })
      .refine(Number.isFinite, "数量必须是数字")
      .min(0, "数量不能为负数")
      .max(MAX_QUANTITY, `数量不能超过 ${MAX_QUANTITY}`),
    completes: z.boolean(),
  })
  .strict();

const entryFields = {
  date: isoDate,
  title: z.string({ message: "请填写具体工作/活动" }).trim().min(1, "请填写具体工作/活动").max(100, "具体工作/活动不超过 100 个字"),
  form: z.enum(ENTRY_FORMS, { message: "请选择活动形式" }),
  description: z.string().trim().max(2000, "完成情况不超过 2000 个字").default(""),
  participants: z.string().trim().max(500, "参加人员不超过 500 个字").default(""),
  category: z.enum(ENTRY_CATEGORIES, { message: "请选择类别" }).default("NORMAL"),
  linkedEntryId: optionalId.default(null),
  quantities: z
    .array(quantitySchema)
    .max(50, "指标数量过多")
    .default([])
    .refine((list) => new Set(list.map((q) => q.targetId)).size === list.length, "同一指标只能填写一次"),
};

/** STAFF: the office is always the user's own, so the form may not carry one. */
export const createEntrySchema = z.object({ pointId: id, ...entryFields }).strict();
/** ledger:writeAll (COORDINATOR) records for an office chosen from a select. */
export const createEntryForOfficeSchema = z.object({ pointId: id, officeId: id, ...entryFields }).strict();
/** Neither office, point, status nor creator can be changed through an edit. */
export const updateEntrySchema = z.object({ id, version, ...entryFields }).strict();

export const idVersionSchema = z.object({ id, version }).strict();
export const returnEntrySchema = z
  .object({ id, version, reason: z.string({ message: "请填写退回原因" }).trim().min(2, "请填写退回原因（至少 2 个字）").max(500, "退回原因不超过 500 个字") })
  .strict();
export const attachmentIdSchema = z.object({ id }).strict();

export type CreateEntryInput = z.infer<typeof createEntrySchema> & { officeId?: number };
export type UpdateEntryInput = z.infer<typeof updateEntrySchema>;
export type QuantityInput = z.infer<typeof quantitySchema>;
export type EntryFields = Omit<UpdateEntryInput, "id" | "version">;

const QTY_KEY = /^qty\.(\d{1,10})$/;
const DONE_KEY = /^done\.(\d{1,10})$/;

/**
 * Form fields `qty.<targetId>` (a number) and `done.<targetId>` (a checkbox, BOOLEAN targets) into
 * `quantities`. Empty values are left out. Every other key is passed through untouched, so the
 * strict schema still refuses what does not belong (officeId, status, createdById, …).
 */
export function normalizeEntryForm(raw: Record<string, unknown>): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  const byTarget = new Map<string, { value: unknown; completes: boolean }>();
  const slot = (targetId: string) => {
    let q = byTarget.get(targetId);
    if (!q) byTarget.set(targetId, (q = { value: undefined, completes: false }));
    return q;
  };
  for (const [key, value] of Object.entries(raw)) {
    const qty = QTY_KEY.exec(key);
    const done = DONE_KEY.exec(key);
    if (qty) {
      if (typeof value === "string" && value.trim() === "") continue;
      slot(qty[1]).value = typeof value === "string" ? value.trim() : value;
    } else if (done) {
      if (value === "on" || value === "true" || value === true) slot(done[1]).completes = true;
    } else {
      rest[key] = value;
    }
  }
  const quantities = [...byTarget.entries()].map(([targetId, q]) => ({
    targetId,
    value: q.value === undefined ? (q.completes ? 1 : 0) : q.value,
    completes: q.completes,
  }));
  return { ...rest, quantities };
}

// ---------------------------------------------------------------------------------------------
// List filters (URL query). Never strict and never failing: a bad value falls back to its default.

const optionalPositiveInt = z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined);
const optionalDay = z
  .string()
  .trim()
  .refine((v) => parseIsoDay(v) !== null)
  .optional()
  .catch(undefined);

/** "3,7,12": up to 500 distinct ids (the points behind a dashboard figure); anything else is ignored. */
const optionalIdList = z
  .string()
  .regex(/^\d{1,10}(,\d{1,10}){0,499}$/)
  .transform((v) => [...new Set(v.split(",").map(Number))])
  .refine((ids) => ids.every((n) => n > 0 && n <= 2_147_483_647))
  .optional()
  .catch(undefined);

export const listFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  sectionId: optionalPositiveInt,
  pointId: optionalPositiveInt,
  /** Entries on any of these points. */
  pointIds: optionalIdList,
  /** The office that recorded the entry. */
  officeId: optionalPositiveInt,
  /** Entries (of any office) on points this office leads (牵头), as the office roll-ups count them. */
  leadOfficeId: optionalPositiveInt,
  /** Entries (of any office) on points this office cooperates on (配合). */
  supportOfficeId: optionalPositiveInt,
  /** Entries on points this office leads or cooperates on: the dashboard's office scope. */
  pointOfficeId: optionalPositiveInt,
  targetId: optionalPositiveInt,
  status: z.enum(ENTRY_STATUSES).optional().catch(undefined),
  category: z.enum(ENTRY_CATEGORIES).optional().catch(undefined),
  from: optionalDay,
  to: optionalDay,
  q: z
    .string()
    .transform((v) => v.trim().slice(0, 100))
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  sort: z.enum(LIST_SORTS).catch("date_desc").default("date_desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  deleted: z
    .unknown()
    .transform((v) => v === "1")
    .catch(false),
  /** counted=1: only the entries progress counts (APPROVED, not deleted, not a 协办 record); absent otherwise. */
  counted: z
    .unknown()
    .transform((v) => (v === "1" ? true : undefined))
    .catch(undefined),
});

export type ListFilter = z.infer<typeof listFilterSchema>;

/** URLSearchParams or Next's searchParams object → ListFilter (first value of repeated keys is NOT taken: arrays fall back). */
export function parseListFilter(params: Record<string, string | string[] | undefined> | URLSearchParams): ListFilter {
  const obj: Record<string, unknown> = {};
  if (params instanceof URLSearchParams) {
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key);
      obj[key] = all.length === 1 ? all[0] : all;
    }
  } else {
    Object.assign(obj, params);
  }
  return listFilterSchema.parse(obj);
}

export const yearParamSchema = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number)
  .refine((y) => y >= 2000 && y <= 2100);
