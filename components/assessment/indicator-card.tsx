import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { acceptProposalAction, deleteIndicatorAction, overrideScoreAction, recordAssessorScoreAction, unlinkItemAction } from "@/lib/assessment/actions";
import { LINK_KIND_LABELS, type LinkOption } from "@/lib/assessment/links";
import type { IndicatorView } from "@/lib/assessment/queries";
import { RULE_LABELS, formatScore } from "@/lib/assessment/rules";
import { IndicatorEditForm } from "./indicator-form";
import { LinkPicker } from "./link-picker";

const fmt = (n: number | null) => (n === null ? "—" : formatScore(n));

/** One indicator: a heading for a parent; for a leaf its links, the proposed score with its figures, and the scores. */
export function IndicatorCard({ ind, canEdit, options }: { ind: IndicatorView; canEdit: boolean; options: LinkOption[] }) {
  if (!ind.isLeaf) {
    return (
      <div className="pt-2" style={{ paddingLeft: `${(ind.level - 1) * 1.5}rem` }}>
        <h3 className={ind.level === 1 ? "text-base font-semibold" : "font-medium"}>
          {ind.code} {ind.title}{ind.points !== null ? <span className="ml-2 text-sm text-slate-500">（{formatScore(ind.points)} 分）</span> : null}
        </h3>
        {canEdit ? <IndicatorEditForm ind={ind} /> : null}
      </div>
    );
  }
  const proposal = ind.proposal;
  return (
    <article className="card space-y-2" style={{ marginLeft: `${(ind.level - 1) * 1.5}rem` }} data-testid={`indicator-${ind.code}`} aria-label={`指标 ${ind.title}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-medium">{ind.code} {ind.title}</h3>
        <span className="text-sm">分值 <strong>{fmt(ind.points)}</strong> 分 · {RULE_LABELS[ind.rule]}{ind.rule === "DEDUCTION" && ind.deduction ? `（每项扣 ${formatScore(ind.deduction)} 分）` : ""}</span>
      </div>
      {ind.content ? <p className="text-sm text-slate-700">{ind.content}</p> : null}
      {ind.criteria ? <p className="text-sm text-slate-600">评分标准：{ind.criteria}</p> : null}
      <div className="text-sm">
        <span className="font-medium">关联：</span>
        {ind.links.length === 0 ? <span className="text-slate-500">尚未关联</span> : null}
        <ul className="ml-4 list-disc">
          {ind.links.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center gap-2">
              <span>{LINK_KIND_LABELS[l.kind] ?? l.kind}：{l.href ? <Link className="text-brand hover:underline" href={l.href}>{l.label}</Link> : l.label}</span>
              <span className={l.done ? "text-green-700" : "text-amber-700"}>{l.done ? "已完成" : "未完成"}</span>
              {canEdit ? <ActionForm action={unlinkItemAction} submitLabel="取消关联" buttonClassName="text-xs text-red-700 hover:underline"><input type="hidden" name="linkId" value={l.id} /></ActionForm> : null}
            </li>
          ))}
        </ul>
        {canEdit ? <LinkPicker indicatorId={ind.id} title={ind.title} options={options} /> : null}
      </div>
      <div className="rounded bg-slate-50 p-2 text-sm" data-testid="proposal">
        {proposal && proposal.score !== null ? (
          <p>建议得分 <strong>{formatScore(proposal.score)}</strong> 分：{proposal.basis}</p>
        ) : (
          <p className="text-slate-600">暂无建议得分：{proposal?.basis}</p>
        )}
        {canEdit && proposal && proposal.score !== null ? (
          <ActionForm action={acceptProposalAction} submitLabel="采纳建议得分" buttonClassName="btn">
            <input type="hidden" name="id" value={ind.id} />
            <input type="hidden" name="version" value={ind.version} />
          </ActionForm>
        ) : null}
      </div>
      <p className="text-sm" data-testid="self-score">
        自评得分：<strong>{fmt(ind.selfScore)}</strong>
        {ind.selfScore !== null ? <span className="text-slate-600">（{ind.selfSource === "OVERRIDE" ? "人工调整" : "采纳建议"}：{ind.selfReason}）</span> : null}
        {ind.assessorScore !== null ? <span className="ml-3">考核得分：<strong>{fmt(ind.assessorScore)}</strong>{ind.assessorRemark ? `（${ind.assessorRemark}）` : ""}</span> : null}
        {ind.lastYear ? <span className="ml-3 text-slate-500">上年：自评 {fmt(ind.lastYear.selfScore)} / 考核 {fmt(ind.lastYear.assessorScore)}</span> : null}
      </p>
      {canEdit ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand">调整自评得分 / 记录考核得分 / 修改指标</summary>
          <div className="mt-2 grid gap-4 md:grid-cols-2">
            <ActionForm action={overrideScoreAction} submitLabel="保存自评得分" className="space-y-1">
              <input type="hidden" name="id" value={ind.id} />
              <input type="hidden" name="version" value={ind.version} />
              <label className="label">自评得分（0–{fmt(ind.points)}）<input name="score" className="input" inputMode="decimal" defaultValue={ind.selfScore ?? ""} /></label>
              <label className="label">理由（必填）<textarea name="reason" className="input" rows={2} /></label>
            </ActionForm>
            <ActionForm action={recordAssessorScoreAction} submitLabel="记录考核得分" className="space-y-1">
              <input type="hidden" name="id" value={ind.id} />
              <input type="hidden" name="version" value={ind.version} />
              <label className="label">考核得分<input name="score" className="input" inputMode="decimal" defaultValue={ind.assessorScore ?? ""} /></label>
              <label className="label">考核意见<textarea name="remark" className="input" rows={2} defaultValue={ind.assessorRemark} /></label>
            </ActionForm>
          </div>
          <IndicatorEditForm ind={ind} />
          <ActionForm action={deleteIndicatorAction} submitLabel="删除该指标" buttonClassName="btn-danger" confirm={`确定删除指标“${ind.title}”？其关联和评分将一并删除。`}>
            <input type="hidden" name="id" value={ind.id} />
          </ActionForm>
        </details>
      ) : null}
    </article>
  );
}
