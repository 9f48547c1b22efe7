import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { recordAssessmentAction, updateRectificationAction } from "@/lib/regulations/actions";
import { ASSESSMENT_METHODS, METHOD_LABEL, RECTIFICATION_LABEL, RECTIFICATION_STATUSES, methodLabel, rectificationLabel } from "@/lib/regulations/assessment-rules";
import type { AssessmentRow } from "@/lib/regulations/assessment-queries";
import { day, isoDay } from "./labels";

type PointChoice = { id: number; number: number; title: string; plan: { year: number } };

const STATUS_BADGE: Record<string, string> = { NONE: "bg-slate-100 text-slate-700", OPEN: "bg-amber-100 text-amber-800", DONE: "bg-green-100 text-green-800" };

/** 执行情况评估 on a rule's page: the records (newest first) and, for regulation:manage, the forms. */
export function AssessmentSection({
  regulationId,
  rows,
  manage,
  canRecord,
  offices,
  points,
  defaultOfficeId,
  today,
}: {
  regulationId: number;
  rows: AssessmentRow[];
  manage: boolean;
  canRecord: boolean;
  offices: { id: number; name: string }[];
  points: PointChoice[];
  defaultOfficeId: number | null;
  today: string;
}) {
  const years = [...new Set(points.map((p) => p.plan.year))];
  return (
    <section className="card regulation-side no-print space-y-3" data-testid="regulation-assessments">
      <h2 className="font-semibold">执行情况评估</h2>
      {rows.length === 0 ? <p className="text-sm text-slate-600">尚无评估记录。</p> : null}
      <ol className="space-y-3 text-sm">
        {rows.map((a) => (
          <li key={a.id} className="rounded border border-slate-200 p-2" data-testid="assessment-row">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{day(a.assessedOn)}</span>
              <span>{a.office.name}</span>
              <span>{methodLabel(a.method)}</span>
              <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_BADGE[a.rectificationStatus] ?? ""}`}>{rectificationLabel(a.rectificationStatus)}</span>
              {a.rectifiedOn ? <span className="text-xs text-slate-500">整改完成 {day(a.rectifiedOn)}</span> : null}
            </div>
            <p className="mt-1 whitespace-pre-wrap">发现问题：{a.findings}</p>
            {a.rectification ? <p className="whitespace-pre-wrap">整改措施：{a.rectification}</p> : null}
            {a.workPoint ? (
              <p className="text-slate-600">
                计入工作要点：
                <Link href={`/points/${a.workPoint.id}`} className="text-brand hover:underline">
                  {a.workPoint.plan.year}年 第{a.workPoint.number}项 {a.workPoint.title}
                </Link>
              </p>
            ) : null}
            {manage && a.rectificationStatus !== "DONE" ? <RectificationForm row={a} today={today} /> : null}
          </li>
        ))}
      </ol>
      {manage && canRecord ? (
        <details className="rounded border border-slate-200 p-2" data-testid="assessment-new">
          <summary className="cursor-pointer font-medium">记录一次执行情况评估</summary>
          <ActionForm action={recordAssessmentAction} submitLabel="保存评估记录" className="mt-3 grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="regulationId" value={regulationId} />
            <div>
              <label className="label" htmlFor="as-date">评估日期</label>
              <input id="as-date" name="assessedOn" type="date" className="input" defaultValue={today} max={today} required />
            </div>
            <div>
              <label className="label" htmlFor="as-office">评估科室</label>
              <select id="as-office" name="officeId" className="input" defaultValue={defaultOfficeId ?? ""} required>
                <option value="" disabled>选择科室</option>
                {offices.map((o) => (
                  <option key={o.id} value={o.id}>{o.name}</option>
                ))}
              </select>
            </div>
            <div>
              <label className="label" htmlFor="as-method">评估方式</label>
              <select id="as-method" name="method" className="input" defaultValue="SELF" required>
                {ASSESSMENT_METHODS.map((m) => (
                  <option key={m} value={m}>{METHOD_LABEL[m]}</option>
                ))}
              </select>
            </div>
            <div>
              <label className="label" htmlFor="as-point">计入工作要点（选填）</label>
              <select id="as-point" name="workPointId" className="input" defaultValue="">
                <option value="">（不计入）</option>
                {years.map((year) => (
                  <optgroup key={year} label={`${year}年工作要点`}>
                    {points.filter((p) => p.plan.year === year).map((p) => (
                      <option key={p.id} value={p.id}>{year}年 第{p.number}项 {p.title.slice(0, 40)}</option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <div className="sm:col-span-2">
              <label className="label" htmlFor="as-findings">发现问题 / 评估结论</label>
              <textarea id="as-findings" name="findings" className="input" rows={3} required maxLength={2000} />
            </div>
            <div className="sm:col-span-2">
              <label className="label" htmlFor="as-rect">整改措施（无需整改的不填）</label>
              <textarea id="as-rect" name="rectification" className="input" rows={2} maxLength={1000} />
            </div>
            <StatusFields idPrefix="as" defaultStatus="NONE" today={today} />
            <p className="text-xs text-slate-500 sm:col-span-2">保存后该制度的“最近评估复核”日期更新为评估日期；评估记录不能删除。</p>
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}

function StatusFields({ idPrefix, defaultStatus, today }: { idPrefix: string; defaultStatus: string; today: string }) {
  return (
    <>
      <div>
        <label className="label" htmlFor={`${idPrefix}-status`}>整改状态</label>
        <select id={`${idPrefix}-status`} name="rectificationStatus" className="input" defaultValue={defaultStatus} required>
          {RECTIFICATION_STATUSES.map((s) => (
            <option key={s} value={s}>{RECTIFICATION_LABEL[s]}</option>
          ))}
        </select>
      </div>
      <div>
        <label className="label" htmlFor={`${idPrefix}-done`}>整改完成日期（已整改的填写）</label>
        <input id={`${idPrefix}-done`} name="rectifiedOn" type="date" className="input" max={today} />
      </div>
    </>
  );
}

function RectificationForm({ row, today }: { row: AssessmentRow; today: string }) {
  const prefix = `as-${row.id}`;
  return (
    <details className="mt-2" data-testid="assessment-rectify">
      <summary className="cursor-pointer text-brand">更新整改情况</summary>
      <ActionForm action={updateRectificationAction} submitLabel="保存整改情况" buttonClassName="btn" className="mt-2 grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="assessmentId" value={row.id} />
        <input type="hidden" name="expectedVersion" value={row.version} />
        <div className="sm:col-span-2">
          <label className="label" htmlFor={`${prefix}-rect`}>整改措施</label>
          <textarea id={`${prefix}-rect`} name="rectification" className="input" rows={2} maxLength={1000} defaultValue={row.rectification} />
        </div>
        <StatusFields idPrefix={prefix} defaultStatus={row.rectificationStatus === "OPEN" ? "DONE" : row.rectificationStatus} today={today} />
        <p className="text-xs text-slate-500 sm:col-span-2">评估于 {isoDay(row.assessedOn)}；整改完成日期不早于评估日期。</p>
      </ActionForm>
    </details>
  );
}
