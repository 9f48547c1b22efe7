"use client";

import { startTransition, useActionState, useState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { savePlanImportAction } from "@/lib/plan/actions";
import { draftNotices, draftProblems, draftToPayload, withYear, type PlanDraft } from "@/lib/plan/import-draft";
import { PLAN_STATUS_LABEL } from "@/components/plan-labels";

/** Saves the edited plan as a draft; asks before replacing the year's existing plan. */
export function PlanImportSave({ draft, onProblems }: { draft: PlanDraft; onProblems?: (problems: string[]) => void }) {
  const [state, formAction, pending] = useActionState(savePlanImportAction, IDLE);
  const [problems, setProblems] = useState<string[]>([]);
  const notices = draftNotices(draft);
  const [cancelled, setCancelled] = useState<ActionState | null>(null);

  function submit(replace: boolean) {
    const final = withYear(draft, draft.year);
    const found = draftProblems(final);
    setProblems(found);
    onProblems?.(found);
    if (found.length) {
      // The full list is at the top of the editor, each point's beside it.
      document.getElementById("draft-problems")?.scrollIntoView({ behavior: "smooth", block: "start" });
      return;
    }
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
        <p className="text-sm text-red-800">还有 {problems.length} 个问题需要处理，已在上方“第二步”顶部和对应要点旁标出。</p>
      ) : null}
      {notices.length ? (
        <ul className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" aria-label="保存前请注意" data-testid="save-notices">
          {notices.map((n) => <li key={n}>{n}</li>)}
        </ul>
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
