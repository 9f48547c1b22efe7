import { ActionForm } from "@/components/action-form";
import { linkPointAction, repealRegulationAction, reviewRegulationAction, unlinkPointAction } from "@/lib/regulations/actions";
import { RegulationUploadForm } from "./upload-form";

interface Reg {
  id: number;
  version: number;
  status: string;
  docNumber: string | null;
}

/** 修订, 复核, 废止 and point links, for those with regulation:manage. */
export function ManagePanels({
  reg,
  choices,
  points,
  today,
}: {
  reg: Reg;
  choices: { id: number; title: string }[];
  points: { id: number; number: number; title: string; plan: { year: number } }[];
  today: string;
}) {
  if (reg.status === "REPEALED") return <p className="card text-sm text-slate-600">该制度已废止，不能再修订；历史版本和废止记录保留在此页。</p>;
  return (
    <div className="regulation-manage no-print space-y-3">
      <details className="card" data-testid="regulation-revise">
        <summary className="cursor-pointer font-medium">修订（生成新版本，原版本保留）</summary>
        <div className="mt-3">
          <RegulationUploadForm mode="revise" regulationId={reg.id} expectedVersion={reg.version} defaultDocNumber={reg.docNumber ?? ""} />
        </div>
      </details>
      <details className="card">
        <summary className="cursor-pointer font-medium">复核 / 关联工作要点</summary>
        <div className="mt-3 space-y-4">
          <ActionForm action={reviewRegulationAction} submitLabel="记录复核：继续有效" buttonClassName="btn">
            <input type="hidden" name="regulationId" value={reg.id} />
            <input type="hidden" name="expectedVersion" value={reg.version} />
            <p className="text-sm text-slate-600">经评估该制度无需修订时记录一次复核（一年内不再列入待复核）。</p>
          </ActionForm>
          <ActionForm action={linkPointAction} submitLabel="关联" buttonClassName="btn">
            <input type="hidden" name="regulationId" value={reg.id} />
            <label className="label" htmlFor="reg-point">关联工作要点（该制度或其执行评估作为该要点的工作成果）</label>
            <select id="reg-point" name="workPointId" className="input" required defaultValue="">
              <option value="" disabled>选择工作要点</option>
              {points.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.plan.year}年 第{p.number}项 {p.title.slice(0, 40)}
                </option>
              ))}
            </select>
            <input name="note" className="input mt-2" placeholder="说明（选填），如：落实第6项制定的新制度" maxLength={200} />
          </ActionForm>
        </div>
      </details>
      <details className="card">
        <summary className="cursor-pointer font-medium text-red-700">废止</summary>
        <ActionForm action={repealRegulationAction} submitLabel="确认废止" buttonClassName="btn-danger" confirm="确定废止该制度？废止后不能再修订。" className="mt-3 grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="regulationId" value={reg.id} />
          <input type="hidden" name="expectedVersion" value={reg.version} />
          <div>
            <label className="label" htmlFor="reg-repealed">废止日期</label>
            <input id="reg-repealed" name="repealedOn" type="date" className="input" defaultValue={today} required />
          </div>
          <div>
            <label className="label" htmlFor="reg-replaced">替代制度（选填）</label>
            <select id="reg-replaced" name="replacedById" className="input" defaultValue="">
              <option value="">（无）</option>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>{c.title}</option>
              ))}
            </select>
          </div>
          <div className="sm:col-span-2">
            <label className="label" htmlFor="reg-reason">废止理由</label>
            <input id="reg-reason" name="reason" className="input" required maxLength={500} />
          </div>
        </ActionForm>
      </details>
    </div>
  );
}

export function UnlinkButton({ linkId }: { linkId: number }) {
  return (
    <ActionForm action={unlinkPointAction} submitLabel="取消关联" buttonClassName="text-xs text-red-700 hover:underline" className="inline">
      <input type="hidden" name="linkId" value={linkId} />
    </ActionForm>
  );
}
