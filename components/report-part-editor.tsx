"use client";

import { startTransition, useActionState, useEffect, useState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { regenerateReportPartAction, saveReportPartAction } from "@/lib/report/actions";

function Message({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return (
    <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>
      {state.message}
    </span>
  );
}

function Hidden({ year, partKey, version }: { year: number; partKey: string; version: number }) {
  return (
    <>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="key" value={partKey} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/**
 * 重新生成本部分. A part a person edited is not overwritten on the first click: the server answers
 * "needsConfirm" and the form asks again, then resubmits with confirm=1.
 */
export function ReportRegenerateForm({ year, partKey, version, heading }: { year: number; partKey: string; version: number; heading: string }) {
  const [state, action, pending] = useActionState(regenerateReportPartAction, IDLE);
  const [dismissed, setDismissed] = useState<ActionState | null>(null);
  const asking = state.data?.needsConfirm === true && dismissed !== state;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" aria-label={`重新生成${heading}`}>
      <Hidden year={year} partKey={partKey} version={version} />
      <input type="hidden" name="confirm" value={asking ? "1" : "0"} />
      {asking ? (
        <>
          <span role="alert" className="text-sm text-amber-800">{state.message}</span>
          <button type="submit" className="btn-danger" disabled={pending}>{pending ? "处理中…" : "确认重新生成"}</button>
          <button type="button" className="btn" onClick={() => setDismissed(state)}>取消</button>
        </>
      ) : (
        <>
          <button type="submit" className="btn" disabled={pending}>{pending ? "处理中…" : "重新生成本部分"}</button>
          {state.data?.needsConfirm ? null : <Message state={state} />}
        </>
      )}
    </form>
  );
}

/**
 * One part of the report: the read view (server-rendered children, figures linked to the ledger)
 * or, for the coordinator while the report is a draft, a textarea with one paragraph per line.
 */
export function ReportPartEditor({
  year,
  partKey,
  heading,
  version,
  content,
  editable,
  children,
}: {
  year: number;
  partKey: string;
  heading: string;
  version: number;
  content: string;
  editable: boolean;
  children: React.ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(content);
  const [state, action, pending] = useActionState(saveReportPartAction, IDLE);
  useEffect(() => {
    if (state.ok) setEditing(false);
  }, [state]);
  const rows = Math.min(30, Math.max(8, content.split("\n").length * 3));

  if (!editable || !editing) {
    return (
      <div>
        {children}
        {editable ? (
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <button
              type="button"
              className="btn-primary"
              onClick={() => {
                setText(content);
                setEditing(true);
              }}
            >
              编辑本部分
            </button>
            <Message state={state} />
          </div>
        ) : null}
      </div>
    );
  }
  // Submitted by hand rather than through <form action>, so a refused save (e.g. a version
  // conflict) does not reset the textarea and lose what was typed.
  return (
    <form
      className="space-y-2"
      aria-label={`编辑${heading}`}
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => action(formData));
      }}
    >
      <Hidden year={year} partKey={partKey} version={version} />
      <p className="text-xs text-slate-500">
        {partKey === "preface"
          ? "开头语一般为一段：概括年度工作的指导思想和总体情况，以“现将……报告如下。”结尾。"
          : `每段一行。层次：部分标题“${heading.slice(0, 2)}”固定不变；二级标题以“（一）”开头；三级标题以“1.”开头，标题到第一个“。”为止。`}
      </p>
      <textarea
        name="content"
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={rows}
        className="input font-serif text-base leading-7"
        aria-label={`${heading}正文`}
        required
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>{pending ? "保存中…" : "保存"}</button>
        <button type="button" className="btn" onClick={() => setEditing(false)} disabled={pending}>取消</button>
        <Message state={state} />
      </div>
      {state.fieldErrors && Object.keys(state.fieldErrors).length > 0 ? (
        <ul className="text-sm text-red-700">
          {Object.entries(state.fieldErrors).map(([field, messages]) => (
            <li key={field}>{messages.join("；")}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
