"use client";

import { useActionState } from "react";
import { IDLE } from "@/lib/action-state";
import { changePasswordAction } from "@/lib/account/actions";

function FieldError({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return <p className="mt-1 text-sm text-red-700">{messages.join("；")}</p>;
}

export function PasswordForm({ username }: { username: string }) {
  const [state, formAction, pending] = useActionState(changePasswordAction, IDLE);
  const errors = state.fieldErrors ?? {};
  const shownAtField = Object.values(errors).some((messages) => messages.includes(state.message));
  return (
    <form action={formAction} className="max-w-sm space-y-4">
      {/* For password managers: which account this password belongs to. */}
      <input type="text" value={username} autoComplete="username" readOnly hidden />
      <div>
        <label className="label" htmlFor="currentPassword">当前密码</label>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" className="input" required />
        <FieldError messages={errors.currentPassword} />
      </div>
      <div>
        <label className="label" htmlFor="newPassword">新密码</label>
        <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" className="input" required />
        <FieldError messages={errors.newPassword} />
      </div>
      <div>
        <label className="label" htmlFor="confirmPassword">确认新密码</label>
        <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" className="input" required />
        <FieldError messages={errors.confirmPassword} />
      </div>
      {state.message && !state.ok && !shownAtField ? (
        <p role="alert" data-testid="password-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{state.message}</p>
      ) : null}
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "正在保存…" : "修改密码"}
      </button>
    </form>
  );
}
