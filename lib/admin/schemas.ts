import { z } from "zod";
import { BUSINESS_ROLES, ROLES } from "@/lib/auth/roles";
import { passwordPolicyErrors, PASSWORD_MESSAGES } from "@/lib/auth/password-policy";

const id = z.coerce.number({ message: "编号无效" }).int().positive("编号无效");
const version = z.coerce.number({ message: "版本号无效" }).int().positive("版本号无效");
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const optionalOfficeId = z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), z.coerce.number().int().positive().nullable());

export const officeName = z.string().trim().min(2, "科室名称至少 2 个字").max(40, "科室名称不超过 40 个字");

export const createOfficeSchema = z
  .object({
    name: officeName,
    shortName: z.string().trim().min(1, "请填写简称").max(10, "简称不超过 10 个字"),
  })
  .strict();

export const updateOfficeSchema = createOfficeSchema.extend({ id, version, active: checkbox }).strict();

// The password rules (lib/auth/password-policy.ts); the username and history checks need the account.
const password = z.string().superRefine((value, ctx) => {
  for (const message of passwordPolicyErrors(value)) ctx.addIssue({ code: "custom", message });
});

export const createUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .min(3, "用户名至少 3 位")
      .max(32, "用户名不超过 32 位")
      .regex(/^[a-z0-9][a-z0-9._-]*$/, "用户名只能包含小写字母、数字、点、下划线和连字符"),
    displayName: z.string().trim().min(2, "请填写姓名").max(32, "姓名不超过 32 个字"),
    password,
    // 三员分立: the 系统管理员 opens business accounts only; administrative roles are granted by the 安全保密管理员.
    role: z.enum(BUSINESS_ROLES, { message: "请选择业务角色（管理员角色由安全保密管理员授予）" }),
    officeId: optionalOfficeId,
  })
  .strict()
  .refine((v) => v.role !== "STAFF" || v.officeId !== null, { message: "科室人员必须选择所属科室", path: ["officeId"] })
  .refine((v) => !passwordPolicyErrors(v.password, v.username).includes(PASSWORD_MESSAGES.username), { message: PASSWORD_MESSAGES.username, path: ["password"] });

export const updateUserSchema = z
  .object({
    id,
    version,
    displayName: z.string().trim().min(2, "请填写姓名").max(32, "姓名不超过 32 个字"),
    officeId: optionalOfficeId,
    active: checkbox,
  })
  .strict();

/** The 安全保密管理员's change of an account: its role and whether it may log in. */
export const updateAccountSecuritySchema = z
  .object({
    id,
    version,
    role: z.enum(ROLES, { message: "请选择角色" }),
    active: checkbox,
  })
  .strict();

export const resetPasswordSchema = z.object({ id, password }).strict();
export const unlockUserSchema = z.object({ id }).strict();

export const REPORT_DATE_MESSAGE = "落款日期无效，请填写 2000 年至 2100 年间的日期，例如 2026-01-15；留空则使用定稿日期";

/** A real calendar day "YYYY-MM-DD" (no 2 月 30 日) between 2000 and 2100. */
function isReportDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 落款日期 from a date input: "" (or absent) clears it; a day is stored at UTC midnight. */
const reportDate = z
  .preprocess((v) => (v === "" || v === undefined || v === null ? null : typeof v === "string" ? v.trim() : v), z.string({ message: REPORT_DATE_MESSAGE }).refine(isReportDay, REPORT_DATE_MESSAGE).nullable())
  .transform((v) => (v === null ? null : new Date(`${v}T00:00:00.000Z`)));

export const updateSettingsSchema = z
  .object({
    version,
    unitName: z.string().trim().min(2, "请填写单位名称").max(60, "单位名称不超过 60 个字"),
    signature: z.string().trim().min(2, "请填写署名").max(60, "署名不超过 60 个字"),
    reportDate: reportDate.optional().transform((v) => v ?? null),
    // The evidence rule (lib/ledger/evidence-rules.ts): present when the form shows it, so a form
    // without these fields leaves the rule as it is rather than switching it off.
    evidenceRules: z.literal("1").optional(),
    evidence_COUNT: checkbox.optional(),
    evidence_SUM: checkbox.optional(),
    evidence_PERCENT: checkbox.optional(),
    evidence_BOOLEAN: checkbox.optional(),
    coHostWindowDays: z.preprocess(
      (v) => (v === "" || v === undefined ? undefined : v),
      z.coerce.number({ message: "协办关联的日期相差天数须为 0 至 366 的整数" }).int("协办关联的日期相差天数须为 0 至 366 的整数").min(0, "协办关联的日期相差天数须为 0 至 366 的整数").max(366, "协办关联的日期相差天数须为 0 至 366 的整数").optional(),
    ),
  })
  .strict();

export type CreateOfficeInput = z.infer<typeof createOfficeSchema>;
export type UpdateOfficeInput = z.infer<typeof updateOfficeSchema>;
export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
export type UpdateAccountSecurityInput = z.infer<typeof updateAccountSecuritySchema>;
export type UpdateSettingsInput = z.infer<typeof updateSettingsSchema>;
