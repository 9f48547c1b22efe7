import "server-only";
import { headers } from "next/headers";
import { AuthError } from "@/lib/auth/dal";
import { UserFacingError, type ActionState } from "@/lib/action-state";
import { CROSS_ORIGIN_MESSAGE, isSameOrigin } from "@/lib/security/origin";

/**
 * Every server action runs its body through here (tests/integration/security-matrix.test.ts checks
 * each exported action refuses a request without a same-origin Origin). First the request must come
 * from this site's own pages (lib/security/origin.ts): Next.js compares Origin with Host only when
 * an Origin is sent, so a request without one would otherwise be run. Then the body, turning the
 * errors users may see into a failed state. Anything else is logged and reported as a generic
 * failure: the transaction around the body has already rolled back.
 */
export async function runAction(body: () => Promise<ActionState>): Promise<ActionState> {
  try {
    const requestHeaders = await headers();
    if (!isSameOrigin(requestHeaders)) {
      console.warn(
        JSON.stringify({
          event: "action.cross_origin",
          origin: requestHeaders.get("origin"),
          referer: requestHeaders.get("referer") ? "present" : null,
          secFetchSite: requestHeaders.get("sec-fetch-site"),
          host: requestHeaders.get("host"),
        }),
      );
      return { ok: false, message: CROSS_ORIGIN_MESSAGE };
    }
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
