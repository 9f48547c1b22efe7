"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { AuthError, getCurrentUser, NOT_LOGGED_IN_MESSAGE } from "@/lib/auth/dal";
import { formToObject, invalidInput, type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/run-action";
import { clientAddress } from "@/lib/security/client-address";
import { changePasswordSchema } from "./schemas";
import { changeOwnPassword } from "./mutations";

/**
 * Changes the signed-in user's own password. Open to every signed-in account, also (and above
 * all) one whose pending security step is this change, so it asks getCurrentUser rather than
 * requirePermission. On success the user goes on to the dashboard, still signed in.
 */
export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(async () => {
    const user = await getCurrentUser();
    if (!user) throw new AuthError(401, NOT_LOGGED_IN_MESSAGE);
    const parsed = changePasswordSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const outcome = await changeOwnPassword(prisma, user.id, parsed.data, clientAddress(await headers()));
    if (!outcome.ok) return { ok: false, message: outcome.message, fieldErrors: outcome.field ? { [outcome.field]: [outcome.message] } : undefined };
    return { ok: true, message: "密码已修改" };
  });
  if (result.ok) redirect("/dashboard");
  return result;
}
