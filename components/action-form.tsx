"use client";

import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** A form bound to a server action, showing its Chinese result message and field errors. */
export function ActionForm({
  action,
  submitLabel,
  children,
  className,
  confirm,
  buttonClassName = "btn-primary",
}: {
  action: Action;
  submitLabel: string;
  children?: React.ReactNode;
  className?: string;
  confirm?: string;
  buttonClassName?: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      className={className}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {children}
      <div className="mt-2 flex items-center gap-3">
        <button type="submit" className={buttonClassName} disabled={pending}>
          {pending ? "处理中…" : submitLabel}
        </button>
        {state.message ? (
          <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>
            {state.message}
          </span>
        ) : null}
      </div>
      {state.fieldErrors && Object.keys(state.fieldErrors).length > 0 ? (
        <ul className="mt-1 text-sm text-red-700">
          {Object.entries(state.fieldErrors).map(([field, messages]) => (
            <li key={field}>{messages.join("；")}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
