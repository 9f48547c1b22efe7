import Link from "next/link";
import { formatChineseCounting } from "@/lib/plan/numerals";
import type { OfficeOption, PlanDocument as Plan } from "@/lib/plan/queries";
import { chineseDay, TargetChip } from "@/components/plan-labels";
import { PlanPointForm } from "@/components/plan-point-form";
import { TargetCreateForm, TargetEditForm } from "@/components/plan-target-forms";

export interface PlanViewAbilities {
  edit: boolean;
  recordLedger: boolean;
}

export function officeNames(point: Plan["sections"][number]["points"][number]) {
  return {
    lead: point.leadOffice?.name ?? "",
    support: point.supportOffices.map((s) => s.office.name).join("、"),
  };
}

/** The point's body without a repeated run-in title (the demo seed stores "标题。正文", the parser only the body). */
export function bodyText(point: { title: string; text: string }): string {
  const lead = `${point.title}。`;
  return point.text.startsWith(lead) ? point.text.slice(lead.length) : point.text;
}

export function deadlineLabel(point: { deadlineText: string; deadline: Date | null }): string {
  if (point.deadlineText && point.deadline) return `${point.deadlineText}（${chineseDay(point.deadline)}）`;
  return point.deadlineText || chineseDay(point.deadline) || "—";
}

/** The plan as a document: 一、 sections, numbered points with run-in titles, offices, deadlines, targets. */
export function PlanDocumentView({ plan, offices, can }: { plan: Plan; offices: OfficeOption[]; can: PlanViewAbilities }) {
  return (
    <article className="card space-y-6 font-serif" aria-label="工作要点正文">
      {plan.preamble ? <p className="indent-8 leading-8">{plan.preamble}</p> : null}
      {plan.sections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`} className="space-y-4">
          <h2 id={`section-${section.id}`} className="font-sans text-lg font-semibold">
            {formatChineseCounting(section.ordinal)}、{section.title}
          </h2>
          {section.points.map((point) => {
            const names = officeNames(point);
            const pointName = `要点${point.number}`;
            return (
              <div key={point.id} id={`point-${point.number}`} className="space-y-2 border-l-2 border-red-100 pl-3" data-testid="plan-point">
                <p className="indent-8 leading-8">
                  <strong>{point.number}.{point.title}。</strong>
                  {bodyText(point)}
                </p>
                <dl className="flex flex-wrap gap-x-5 gap-y-1 font-sans text-sm text-slate-600">
                  <div><dt className="inline">牵头科室：</dt><dd className="inline">{names.lead || "未指定"}</dd></div>
                  <div><dt className="inline">配合科室：</dt><dd className="inline">{names.support || "—"}</dd></div>
                  <div><dt className="inline">完成时限：</dt><dd className="inline">{deadlineLabel(point)}</dd></div>
                  {point.responsible ? <div><dt className="inline">责任人：</dt><dd className="inline">{point.responsible}</dd></div> : null}
                  {point.completedAt ? <div className="text-green-700">已完成（{chineseDay(point.completedAt)}）</div> : null}
                  {point.carriedOver ? <div className="text-amber-700">上年结转</div> : null}
                </dl>
                <div className="flex flex-wrap items-center gap-2 font-sans">
                  {point.targets.map((target) => <TargetChip key={target.id} target={target} />)}
                  <Link href={`/ledger?year=${plan.year}&pointId=${point.id}`} className="text-sm text-brand hover:underline">查看台账</Link>
                  {can.recordLedger ? <Link href={`/ledger/new?pointId=${point.id}`} className="text-sm text-brand hover:underline">记录台账</Link> : null}
                </div>
                {can.edit ? (
                  <div className="space-y-1 font-sans">
                    <details>
                      <summary className="cursor-pointer text-sm text-slate-600">编辑{pointName}</summary>
                      <PlanPointForm point={point} offices={offices} />
                    </details>
                    {point.targets.map((target, index) => (
                      <details key={target.id}>
                        <summary className="cursor-pointer text-sm text-slate-600">编辑{pointName}指标{index + 1}（{target.subject}）</summary>
                        <TargetEditForm target={target} name={`${pointName} 指标${index + 1}`} />
                      </details>
                    ))}
                    <details>
                      <summary className="cursor-pointer text-sm text-slate-600">为{pointName}添加指标</summary>
                      <TargetCreateForm workPointId={point.id} name={`${pointName} 新指标`} />
                    </details>
                  </div>
                ) : null}
              </div>
            );
          })}
        </section>
      ))}
    </article>
  );
}
