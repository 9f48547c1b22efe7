import { ActionForm } from "@/components/action-form";
import { generateBulletinAction } from "@/lib/bulletins/actions";

/** 生成通报: the year, and optionally the period (default: since the last bulletin, up to today). */
export function GenerateBulletinForm({ years, defaultYear }: { years: number[]; defaultYear: number }) {
  return (
    <ActionForm action={generateBulletinAction} submitLabel="生成通报初稿" className="flex flex-wrap items-end gap-3">
      <label>
        <span className="label">年度</span>
        <select className="input" name="year" defaultValue={defaultYear}>
          {years.map((y) => (
            <option key={y} value={y}>{y}年</option>
          ))}
        </select>
      </label>
      <label>
        <span className="label">期间开始（可不填）</span>
        <input className="input" type="date" name="periodStart" />
      </label>
      <label>
        <span className="label">期间截止（可不填，默认今天）</span>
        <input className="input" type="date" name="periodEnd" />
      </label>
      <label>
        <span className="label">发文字号（可不填）</span>
        <input className="input w-56" name="docNumber" />
      </label>
    </ActionForm>
  );
}
