"use client";

import { startTransition, useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { IDLE, type ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

const FIELD_LABEL: Record<string, string> = {
  date: "日期",
  title: "具体工作/活动",
  form: "活动形式",
  description: "完成情况",
  participants: "参加人员",
  category: "类别",
  linkedEntryId: "协办关联",
  officeId: "填报科室",
  pointId: "工作要点",
  quantities: "数量",
  reason: "退回原因",
  id: "编号",
  version: "版本",
};

function fieldLabel(key: string): string {
  const head = key.split(".")[0];
  return FIELD_LABEL[head] ?? key;
}

/**
 * A form bound to a ledger server action. Unlike a plain `<form action>`, it does not reset the
 * fields after the action returns, so a refused save (bad date, conflict) keeps what was typed.
 * When a successful result carries `data.redirect` (a new entry, a deletion), it navigates there.
 */
export function LedgerActionForm({
  action,
  submitLabel,
  children,
  className,
  confirm,
  buttonClassName = "btn-primary",
  testId,
}: {
  action: Action;
  submitLabel: string;
  children?: React.ReactNode;
  className?: string;
  confirm?: string;
  buttonClassName?: string;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const router = useRouter();
  const redirect = state.ok && typeof state.data?.redirect === "string" ? state.data.redirect : null;
  useEffect(() => {
    // Only paths of this site: the value comes from our own actions, but never follow anything else.
    if (redirect && redirect.startsWith("/") && !redirect.startsWith("//")) router.push(redirect);
  }, [redirect, router]);
  return (
    <form
      action={formAction}
      className={className}
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {children}
      <div className="mt-2 flex flex-wrap items-center gap-3">
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
            <li key={field}>
              {fieldLabel(field)}：{messages.join("；")}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
