import "server-only";
import { AuthError } from "@/lib/auth/dal";
import { UserFacingError, type ActionState } from "@/lib/action-state";

/**
 * Runs an action body and turns the errors users may see into a failed state. Anything else is
 * logged and reported as a generic failure: the transaction around the body has already rolled back.
 */
export async function runAction(body: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AuthError || error instanceof UserFacingError) return { ok: false, message: error.message };
    if (isUniqueViolation(error)) return { ok: false, message: "已存在相同名称或编号的记录" };
    // Redirects and notFound() are control flow, not failures.
    if (error && typeof error === "object" && "digest" in error) throw error;
    console.error("action failed", error);
    return { ok: false, message: "操作失败，未保存任何更改，请稍后重试" };
  }
}

function isUniqueViolation(error: unknown): boolean {
  return Boolean(error && typeof error === "object" && "code" in error && (error as { code: string }).code === "P2002");
}
