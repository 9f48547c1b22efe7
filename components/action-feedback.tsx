import type { ActionState } from "@/lib/action-state";

/** An action's Chinese result message, beside the form's button (ActionForm, LedgerActionForm). */
export function ActionMessage({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return (
    <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>
      {state.message}
    </span>
  );
}

/** The refused fields' messages under the form; `label` names each field when the form has many. */
export function FieldErrors({ state, label }: { state: ActionState; label?: (field: string) => string }) {
  if (!state.fieldErrors || Object.keys(state.fieldErrors).length === 0) return null;
  return (
    <ul className="mt-1 text-sm text-red-700">
      {Object.entries(state.fieldErrors).map(([field, messages]) => (
        <li key={field}>
          {label ? `${label(field)}：` : null}
          {messages.join("；")}
        </li>
      ))}
    </ul>
  );
}
