"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { ActionMessage, FieldErrors } from "@/components/action-feedback";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A form bound to a server action, showing its Chinese result message and field errors.
 * It submits through startTransition rather than `<form action>`: React resets a form after its
 * action whatever the result, which wiped what the user typed when the server refused it. Now a
 * refused submission keeps every field for correction, and only a successful one clears the form.
 */
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
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form
      ref={formRef}
      // Before hydration the form still posts to the server action (no GET with the fields in the URL);
      // once hydrated, onSubmit takes over and React does not run the action a second time.
      action={formAction}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        if (pending || (confirm && !window.confirm(confirm))) return;
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        const formData = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : undefined);
        startTransition(() => formAction(formData));
      }}
    >
      {children}
      <div className="mt-2 flex items-center gap-3">
        <button type="submit" className={buttonClassName} disabled={pending}>
          {pending ? "处理中…" : submitLabel}
        </button>
        <ActionMessage state={state} />
      </div>
      <FieldErrors state={state} />
    </form>
  );
}
