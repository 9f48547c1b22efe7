import { ACCEPTED_FILE_TYPES, ACCEPTED_TYPES_LABEL, CATEGORY_HINT, CATEGORY_LABEL, ENTRY_CATEGORIES, ENTRY_FORMS, MAX_QUANTITY, formatNumber, isoDay } from "@/lib/ledger/constants";
import type { ActionState } from "@/lib/action-state";
import { LedgerActionForm } from "./ledger-action-form";

export interface TargetField {
  id: number;
  subject: string;
  unit: string;
  kind: string;
  goal: string;
  approved: number;
  pending: number;
  value?: number;
  completes?: boolean;
}

export interface EntryValues {
  id: number;
  version: number;
  date: Date;
  title: string;
  form: string;
  description: string;
  participants: string;
  category: string;
  linkedEntryId: number | null;
}

interface Props {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  year: number;
  /** Create: the point recorded for. Edit: absent (the point never changes). */
  pointId?: number;
  entry?: EntryValues;
  /** ledger:writeAll on create: the office select; otherwise the office is the user's own. */
  offices?: { id: number; name: string }[];
  defaultOfficeId?: number | null;
  targets: TargetField[];
  linkOptions: { id: number; date: Date; title: string }[];
  defaultDate?: string;
}

/** The entry fields and the point's target quantities; used by /ledger/new and the entry page. */
export function EntryForm({ action, year, pointId, entry, offices, defaultOfficeId, targets, linkOptions, defaultDate }: Props) {
  const editing = Boolean(entry);
  return (
    <LedgerActionForm action={action} submitLabel={editing ? "保存修改" : "保存草稿"} className="grid gap-3 sm:grid-cols-2" testId="entry-form" uploadField={editing ? undefined : "evidence"}>
      {entry ? (
        <>
          <input type="hidden" name="id" value={entry.id} />
          <input type="hidden" name="version" value={entry.version} />
        </>
      ) : (
        <input type="hidden" name="pointId" value={pointId} />
      )}
      {offices ? (
        <Field id="entry-office" label="填报科室">
          <select id="entry-office" name="officeId" className="input" defaultValue={defaultOfficeId ?? ""} required>
            <option value="">请选择</option>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>{o.name}</option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id="entry-date" label="日期">
        <input id="entry-date" type="date" name="date" className="input" min={`${year}-01-01`} max={`${year}-12-31`} defaultValue={entry ? isoDay(entry.date) : defaultDate} required />
      </Field>
      <Field id="entry-title" label="具体工作/活动" wide>
        <input id="entry-title" name="title" className="input" maxLength={100} defaultValue={entry?.title} placeholder="例如：专题学习：习近平法治思想的核心要义" required />
      </Field>
      <Field id="entry-form-kind" label="活动形式">
        <select id="entry-form-kind" name="form" className="input" defaultValue={entry?.form ?? ENTRY_FORMS[0]}>
          {ENTRY_FORMS.map((f) => (
            <option key={f} value={f}>{f}</option>
          ))}
        </select>
      </Field>
      <Field id="entry-category" label="类别" hint={`第一责任人履职：${CATEGORY_HINT}`}>
        <select id="entry-category" name="category" className="input" defaultValue={entry?.category ?? "NORMAL"} aria-describedby="entry-category-hint">
          {ENTRY_CATEGORIES.map((c) => (
            <option key={c} value={c}>{CATEGORY_LABEL[c]}</option>
          ))}
        </select>
      </Field>
      <Field id="entry-participants" label="参加人员" wide>
        <input id="entry-participants" name="participants" className="input" maxLength={500} defaultValue={entry?.participants} placeholder="例如：机关全体干部、政协委员代表" />
      </Field>
      <Field id="entry-description" label="完成情况" wide>
        <textarea id="entry-description" name="description" className="input min-h-24" maxLength={2000} defaultValue={entry?.description} />
      </Field>
      {linkOptions.length > 0 ? (
        <Field id="entry-link" label="协办关联" wide hint="与牵头科室共同开展的同一活动请关联其记录：关联后本条数量不重复计入指标。">
          <select id="entry-link" name="linkedEntryId" className="input" defaultValue={entry?.linkedEntryId ?? ""} aria-describedby="entry-link-hint">
            <option value="">不关联（本科室独立开展）</option>
            {linkOptions.map((o) => (
              <option key={o.id} value={o.id}>{isoDay(o.date)} {o.title}</option>
            ))}
          </select>
        </Field>
      ) : null}
      {targets.length > 0 ? (
        <fieldset className="rounded border border-slate-200 p-3 sm:col-span-2">
          <legend className="px-1 text-sm font-medium">量化指标（本条记录计入的数量）</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {targets.map((t) => (
              <QuantityField key={t.id} target={t} />
            ))}
          </div>
        </fieldset>
      ) : null}
      {editing ? null : (
        <Field id="entry-evidence" label="佐证材料（可多选，保存时一并上传）">
          <input id="entry-evidence" name="evidence" type="file" multiple accept={ACCEPTED_FILE_TYPES} className="input" />
          <span className="mt-1 block text-xs text-slate-500">支持 {ACCEPTED_TYPES_LABEL}，单个不超过 20 MB；也可保存后再上传。计入量化指标的记录提交审核前须有佐证材料。</span>
        </Field>
      )}
    </LedgerActionForm>
  );
}

function QuantityField({ target: t }: { target: TargetField }) {
  const hint = `目标 ${t.goal} · 已通过 ${formatNumber(t.approved)}${t.unit} · 待审核 ${formatNumber(t.pending)}${t.unit}`;
  const hintId = `target-hint-${t.id}`;
  if (t.kind === "BOOLEAN") {
    return (
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={`done.${t.id}`} defaultChecked={t.completes} aria-describedby={hintId} />
          本条记录完成该指标：{t.subject}
        </label>
        <span id={hintId} className="mt-1 block text-xs text-slate-500">{hint}</span>
      </div>
    );
  }
  const percent = t.kind === "PERCENT";
  const id = `qty-${t.id}`;
  return (
    <div>
      <label className="label" htmlFor={id}>{t.subject}（{t.unit}）</label>
      <input
        id={id}
        type="number"
        name={`qty.${t.id}`}
        className="input"
        min={0}
        max={percent ? 100 : MAX_QUANTITY}
        step={percent ? "0.01" : "1"}
        defaultValue={t.value ?? ""}
        aria-describedby={hintId}
      />
      <span id={hintId} className="mt-1 block text-xs text-slate-500">{hint}</span>
    </div>
  );
}

/** A label tied to its control by id, so the control's accessible name is exactly the label. */
function Field({ id, label, hint, wide, children }: { id: string; label: string; hint?: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <label className="label" htmlFor={id}>{label}</label>
      {children}
      {hint ? <span id={`${id}-hint`} className="mt-1 block text-xs text-slate-500">{hint}</span> : null}
    </div>
  );
}
