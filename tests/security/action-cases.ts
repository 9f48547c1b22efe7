import type { Db } from "@/lib/db";
import { PERSONAS, type Persona } from "./personas";
import { PLAN_CASES } from "./plan-cases";
import { REPORT_ACTION_CASES } from "@/tests/security/report-cases";
import { REPORT_CYCLE_ACTION_CASES } from "@/tests/security/report-cycle-cases";
import { LEDGER_ACTION_CASES, prepareLedgerMatrixFixtures } from "@/tests/security/ledger-cases";
import { REMINDER_ACTION_CASES, prepareReminderMatrixFixtures } from "@/tests/security/reminder-cases";
import { ACCOUNT_ACTION_CASES } from "@/tests/security/account-cases";
import { NOTIFY_ACTION_CASES } from "@/tests/security/notify-cases";
import { ASSESSMENT_ACTION_CASES } from "@/tests/security/assessment-cases";
import { SUPERVISION_ACTION_CASES, prepareSupervisionMatrixFixtures } from "@/tests/security/supervision-cases";
import { REGULATION_ACTION_CASES } from "@/tests/security/regulation-cases";
import { STUDY_ACTION_CASES } from "@/tests/security/study-cases";

export interface MatrixContext {
  db: Db;
  /** A counter so each allowed call gets fresh, unique input. */
  seq: () => number;
  ids: Record<string, number>;
}

export interface ActionCase {
  /** Module path relative to the project root, and the export. */
  file: string;
  name: string;
  allowed: readonly Persona[];
  input: (ctx: MatrixContext, persona: Persona) => Promise<Record<string, string>> | Record<string, string>;
}

const ADMIN_ONLY = ["ADMIN"] as const;
const SECURITY_ADMIN_ONLY = ["SECURITY_ADMIN"] as const;

export function fd(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.append(key, value);
  return form;
}

async function userId(db: Db, username: string) {
  return (await db.user.findUniqueOrThrow({ where: { username } })).id;
}

/**
 * Every server action, who may call it and a valid input. The matrix test fails when a
 * "use server" export is missing here.
 */
const ADMIN_CASES: ActionCase[] = [
  { file: "lib/admin/actions.ts", name: "createOfficeAction", allowed: ADMIN_ONLY, input: (c) => ({ name: `矩阵测试科${c.seq()}`, shortName: "矩阵" }) },
  {
    file: "lib/admin/actions.ts",
    name: "updateOfficeAction",
    allowed: ADMIN_ONLY,
    input: async (c) => {
      const office = await c.db.office.findFirstOrThrow({ where: { name: "提案委" } });
      return { id: String(office.id), version: String(office.version), name: "提案委", shortName: "提案", active: "on" };
    },
  },
  {
    file: "lib/admin/actions.ts",
    name: "createUserAction",
    allowed: ADMIN_ONLY,
    input: (c) => ({ username: `matrix-${c.seq()}`, displayName: "矩阵用户", password: "Matrix123", role: "VIEWER", officeId: "" }),
  },
  {
    file: "lib/admin/actions.ts",
    name: "updateUserAction",
    allowed: ADMIN_ONLY,
    input: async (c) => {
      const user = await c.db.user.findUniqueOrThrow({ where: { username: "matrix-target" } });
      return { id: String(user.id), version: String(user.version), displayName: `改名${c.seq()}`, officeId: "", active: "on" };
    },
  },
  {
    file: "lib/admin/actions.ts",
    name: "updateAccountSecurityAction",
    allowed: SECURITY_ADMIN_ONLY,
    input: async (c) => {
      const user = await c.db.user.findUniqueOrThrow({ where: { username: "matrix-target" } });
      return { id: String(user.id), version: String(user.version), role: c.seq() % 2 ? "LEADER" : "VIEWER", active: "on" };
    },
  },
  { file: "lib/admin/actions.ts", name: "resetPasswordAction", allowed: SECURITY_ADMIN_ONLY, input: async (c) => ({ id: String(await userId(c.db, "matrix-target")), password: "Reset1234" }) },
  { file: "lib/admin/actions.ts", name: "unlockUserAction", allowed: SECURITY_ADMIN_ONLY, input: async (c) => ({ id: String(await userId(c.db, "matrix-target")) }) },
  {
    file: "lib/admin/actions.ts",
    name: "updateSettingsAction",
    allowed: ADMIN_ONLY,
    input: async (c) => {
      const settings = await c.db.unitSettings.findUniqueOrThrow({ where: { id: 1 } });
      return { version: String(settings.version), unitName: "XX市政协办公室", signature: "XX市政协办公室" };
    },
  },
];

/** One's own password: every signed-in account (the demo accounts' password is Demo@2025). */
const ACCOUNT_CASES: ActionCase[] = [
  {
    file: "lib/account/actions.ts",
    name: "changePasswordAction",
    allowed: PERSONAS.filter((p) => p !== "DISABLED" && p !== "ANONYMOUS"),
    input: (c) => {
      const password = `Matrix@${c.seq()}pw`;
      return { currentPassword: "Demo@2025", newPassword: password, confirmPassword: password };
    },
  },
];

export const ACTION_CASES: ActionCase[] = [...ADMIN_CASES, ...ACCOUNT_CASES, ...PLAN_CASES, ...REPORT_ACTION_CASES, ...LEDGER_ACTION_CASES, ...REMINDER_ACTION_CASES, ...ACCOUNT_ACTION_CASES, ...NOTIFY_ACTION_CASES, ...ASSESSMENT_ACTION_CASES, ...SUPERVISION_ACTION_CASES, ...REGULATION_ACTION_CASES, ...STUDY_ACTION_CASES, ...REPORT_CYCLE_ACTION_CASES];

/** Rows the fixtures above rely on. */
export async function prepareMatrixFixtures(db: Db): Promise<Record<string, number>> {
  const target = await db.user.create({
    data: { username: "matrix-target", displayName: "矩阵目标", role: "VIEWER", passwordHash: (await db.user.findFirstOrThrow()).passwordHash },
  });
  return { matrixTargetUserId: target.id, ...(await prepareLedgerMatrixFixtures(db)), ...(await prepareReminderMatrixFixtures(db)), ...(await prepareSupervisionMatrixFixtures(db)) };
}
