"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { IDLE, type ActionState } from "@/lib/action-state";
import { ActionMessage, FieldErrors } from "@/components/action-feedback";

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
 * With `uploadField`, the files chosen in that file input are not sent to the action: once it has
 * created the entry (`data.id`), they are uploaded one by one to the entry's attachment route (which
 * checks each again), and the entry page is told how many went in and how many did not.
 */
export function LedgerActionForm({
  action,
  submitLabel,
  children,
  className,
  confirm,
  buttonClassName = "btn-primary",
  testId,
  uploadField,
}: {
  action: Action;
  submitLabel: string;
  children?: React.ReactNode;
  className?: string;
  confirm?: string;
  buttonClassName?: string;
  testId?: string;
  uploadField?: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const router = useRouter();
  const files = useRef<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const redirect = state.ok && typeof state.data?.redirect === "string" ? state.data.redirect : null;
  const createdId = state.ok && typeof state.data?.id === "number" ? state.data.id : null;
  useEffect(() => {
    // Only paths of this site: the value comes from our own actions, but never follow anything else.
    if (!redirect || !redirect.startsWith("/") || redirect.startsWith("//")) return;
    const chosen = files.current;
    files.current = [];
    if (chosen.length === 0 || createdId === null) {
      router.push(redirect);
      return;
    }
    setUploading(true);
    void (async () => {
      let uploaded = 0;
      for (const file of chosen) {
        const body = new FormData();
        body.set("file", file);
        const response = await fetch(`/api/ledger/${createdId}/attachments`, { method: "POST", body }).catch(() => null);
        if (response?.ok) uploaded += 1;
      }
      const separator = redirect.includes("?") ? "&" : "?";
      router.push(`${redirect}${separator}uploaded=${uploaded}&failed=${chosen.length - uploaded}`);
    })();
  }, [redirect, createdId, router]);
  return (
    <form
      action={formAction}
      className={className}
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const data = new FormData(event.currentTarget);
        if (uploadField) {
          files.current = data.getAll(uploadField).filter((f): f is File => f instanceof File && f.size > 0);
          data.delete(uploadField);
        }
        startTransition(() => formAction(data));
      }}
    >
      {children}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClassName} disabled={pending || uploading}>
          {uploading ? "正在上传佐证材料…" : pending ? "处理中…" : submitLabel}
        </button>
        <ActionMessage state={state} />
      </div>
      <FieldErrors state={state} label={fieldLabel} />
    </form>
  );
}
