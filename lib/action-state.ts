import { z } from "zod";

/** What every server action returns, for useActionState. */
export interface ActionState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** Optional payload for the client (for example the id of a created row). */
  data?: Record<string, unknown>;
}

export const IDLE: ActionState = { ok: false, message: "" };

/** An error whose message is safe and meant for the user. */
export class UserFacingError extends Error {}

export const CONFLICT_MESSAGE = "该记录已被他人修改，请刷新后重试";
export class ConflictError extends UserFacingError {
  constructor() {
    super(CONFLICT_MESSAGE);
  }
}

/** FormData to a plain object, without the fields Next.js adds for its own bookkeeping. */
export function formToObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export function invalidInput(error: z.ZodError, message = "输入有误，请检查标红的字段"): ActionState {
  const fieldErrors: Record<string, string[]> = {};
  const unknownKeys: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      unknownKeys.push(...issue.keys);
      continue;
    }
    const key = issue.path.map(String).join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  if (unknownKeys.length) return { ok: false, message: `不接受的字段：${unknownKeys.join("、")}`, fieldErrors };
  return { ok: false, message, fieldErrors };
}
