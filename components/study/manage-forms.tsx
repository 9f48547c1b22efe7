import { ActionForm } from "@/components/action-form";
import { addStudyItemAction, removeStudyItemAction, updateStudyNoteAction } from "@/lib/study/actions";

/** 列入学法清单 from the list page: a select of the rules in force not yet on the year's list. */
export function AddStudyItemForm({ year, candidates }: { year: number; candidates: { id: number; title: string; docNumber: string }[] }) {
  if (candidates.length === 0) return <p className="text-sm text-slate-600">现行制度均已列入{year}年学法清单。</p>;
  return (
    <ActionForm action={addStudyItemAction} submitLabel={`列入${year}年学法清单`} className="grid gap-2 sm:grid-cols-3">
      <input type="hidden" name="year" value={year} />
      <div className="sm:col-span-2">
        <label className="label" htmlFor="study-add-rule">制度</label>
        <select id="study-add-rule" name="regulationId" className="input" required defaultValue="">
          <option value="" disabled>选择现行制度</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>{c.title}{c.docNumber ? `（${c.docNumber}）` : ""}</option>
          ))}
        </select>
      </div>
      <div>
        <label className="label" htmlFor="study-add-note">学习提示（选填）</label>
        <input id="study-add-note" name="note" className="input" maxLength={200} placeholder="如：重点学习第三章" />
      </div>
    </ActionForm>
  );
}

/** 列入 from a rule's own page. */
export function AddThisRuleForm({ year, regulationId }: { year: number; regulationId: number }) {
  return (
    <ActionForm action={addStudyItemAction} submitLabel={`列入${year}年学法清单`} buttonClassName="btn" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="regulationId" value={regulationId} />
      <input name="note" className="input w-64" maxLength={200} placeholder="学习提示（选填），如：重点学习第三章" aria-label="学习提示" />
    </ActionForm>
  );
}

export function StudyNoteForm({ itemId, note }: { itemId: number; note: string }) {
  return (
    <ActionForm action={updateStudyNoteAction} submitLabel="保存提示" buttonClassName="btn" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="itemId" value={itemId} />
      <input name="note" defaultValue={note} className="input w-56" maxLength={200} aria-label="学习提示" />
    </ActionForm>
  );
}

export function RemoveStudyItemButton({ itemId, year }: { itemId: number; year: number }) {
  return (
    <ActionForm action={removeStudyItemAction} submitLabel="移出清单" buttonClassName="btn" confirm={`确定移出${year}年学法清单？读者对该制度的已学标记将一并删除。`}>
      <input type="hidden" name="itemId" value={itemId} />
    </ActionForm>
  );
}
