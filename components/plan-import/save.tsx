"use client";

import { startTransition, useActionState, useState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { savePlanImportAction } from "@/lib/plan/actions";
import { draftProblems, draftToPayload, withYear, type PlanDraft } from "@/lib/plan/import-draft";
import { PLAN_STATUS_LABEL } from "@/components/plan-labels";

/** Saves the edited plan as a draft; asks before replacing the year's existing plan. */
export function PlanImportSave({ draft }: { draft: PlanDraft }) {
  const [state, formAction, pending] = useActionState(savePlanImportAction, IDLE);
  const [problems, setProblems] = useState<string[]>([]);
  const [cancelled, setCancelled] = useState<ActionState | null>(null);

  function submit(replace: boolean) {
    const final = withYear(draft, draft.year);
    const found = draftProblems(final);
    setProblems(found);
    if (found.length) return;
    const formData = new FormData();
    formData.set("payload", JSON.stringify(draftToPayload(final)));
    if (replace) formData.set("replace", "true");
    startTransition(() => formAction(formData));
  }

  const asking = state.data?.confirmReplace === true && cancelled !== state;
  const existingStatus = typeof state.data?.existingStatus === "string" ? PLAN_STATUS_LABEL[state.data.existingStatus] : "";
  return (
    <section className="card space-y-3" aria-labelledby="save-title">
      <h2 id="save-title" className="font-semibold">第三步：保存为草稿</h2>
      {problems.length ? (
        <div role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          <p className="font-medium">请先处理以下问题：</p>
          <ul className="list-disc pl-5">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      {asking ? (
        <div role="alertdialog" aria-labelledby="replace-question" className="rounded border border-amber-300 bg-amber-50 p-3">
          <p id="replace-question" className="font-medium text-amber-900">{state.message}</p>
          <p className="mb-2 text-sm text-amber-900">
            {draft.year} 年现有工作要点{existingStatus ? `（${existingStatus}）` : ""}将被删除，并以本次导入的内容另存为草稿。
          </p>
          <div className="flex gap-2">
            <button type="button" className="btn-primary" disabled={pending} onClick={() => submit(true)}>确认替换</button>
            <button type="button" className="btn" onClick={() => setCancelled(state)}>取消</button>
          </div>
        </div>
      ) : null}
      <div className="flex items-center gap-3">
        <button type="button" className="btn-primary" disabled={pending} onClick={() => submit(false)}>
          {pending ? "正在保存…" : "保存为草稿"}
        </button>
        {state.message && !asking && !(state.data?.confirmReplace && cancelled === state) ? (
          <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-700" : "text-sm text-red-700"} data-testid="save-message">
            {state.message}
          </span>
        ) : null}
      </div>
      {state.fieldErrors && Object.keys(state.fieldErrors).length > 0 ? (
        <ul className="text-sm text-red-700">
          {Object.entries(state.fieldErrors).map(([field, messages]) => <li key={field}>{messages.join("；")}</li>)}
        </ul>
      ) : null}
    </section>
  );
}
