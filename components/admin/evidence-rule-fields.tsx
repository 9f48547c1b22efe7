import { parseEvidenceKinds, TARGET_KIND_LABEL, TARGET_KINDS } from "@/lib/ledger/evidence-rules";

/** The unit's evidence rule and 协办 window, inside the unit settings form. */
export function EvidenceRuleFields({ evidenceKinds, coHostWindowDays }: { evidenceKinds: string; coHostWindowDays: number }) {
  const kinds = parseEvidenceKinds(evidenceKinds);
  return (
    <fieldset className="sm:col-span-2 rounded border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">佐证材料要求</legend>
      <input type="hidden" name="evidenceRules" value="1" />
      <p className="mb-2 text-xs text-slate-600">计入下列类型量化指标的台账，提交审核前须至少上传一份佐证材料（一份即可）；审核人审核无佐证的记录时会收到提醒。</p>
      <div className="flex flex-wrap gap-4">
        {TARGET_KINDS.map((kind) => (
          <label key={kind} className="flex items-center gap-1 text-sm">
            <input type="checkbox" name={`evidence_${kind}`} defaultChecked={kinds.has(kind)} /> {TARGET_KIND_LABEL[kind]}
          </label>
        ))}
      </div>
      <label className="mt-3 block">
        <span className="label">协办关联的日期最多相差（天）</span>
        <input className="input w-28" type="number" name="coHostWindowDays" min={0} max={366} defaultValue={coHostWindowDays} />
      </label>
    </fieldset>
  );
}
