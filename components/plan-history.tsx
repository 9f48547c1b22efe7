import type { OfficeOption, PlanHistoryRow } from "@/lib/plan/queries";
import { COMPARATOR_LABEL, KIND_LABEL, PLAN_STATUS_LABEL } from "@/components/plan-labels";

const ACTION_LABEL: Record<string, string> = {
  "Plan:import": "导入工作要点",
  "Plan:import.replace": "导入工作要点（替换原有要点）",
  "Plan:publish": "发布",
  "Plan:archive": "归档",
  "Plan:copy": "由上一年度复制生成",
  "Plan:copy.out": "复制到下一年度",
  "WorkPoint:update": "修改要点",
  "Target:create": "新增量化指标",
  "Target:update": "修改量化指标",
  "Target:delete": "删除量化指标",
};

const FIELD_LABEL: Record<string, string> = {
  title: "标题", text: "正文", leadOfficeId: "牵头科室", supportOfficeIds: "配合科室", deadline: "截止日期",
  deadlineText: "完成时限", responsible: "责任人", completedAt: "完成日期", carriedOver: "上年结转",
  subject: "指标内容", comparator: "比较方式", value: "目标值", unit: "单位", kind: "类型", sourceText: "原文", status: "状态",
};

type Json = Record<string, unknown>;

function parse(raw: string | null): Json | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" ? (value as Json) : null;
  } catch {
    return null;
  }
}

function show(field: string, value: unknown, officeName: (id: number) => string): string {
  if (value === null || value === undefined || value === "") return "（空）";
  if (field === "leadOfficeId" && typeof value === "number") return officeName(value);
  if (field === "supportOfficeIds" && Array.isArray(value)) return value.length ? value.map((id) => officeName(Number(id))).join("、") : "（空）";
  if (field === "comparator") return COMPARATOR_LABEL[String(value)] ?? String(value);
  if (field === "kind") return KIND_LABEL[String(value)] ?? String(value);
  if (field === "status") return PLAN_STATUS_LABEL[String(value)] ?? String(value);
  if (typeof value === "boolean") return value ? "是" : "否";
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function subjectOf(row: PlanHistoryRow, data: Json | null): string {
  if (row.entity === "WorkPoint") return `要点 ${String(data?.number ?? "")}`;
  if (row.entity === "Target") return `要点 ${String(data?.pointNumber ?? "")} 指标“${String(data?.subject ?? "")}”`;
  return "工作要点";
}

/** 变更记录: who changed what and when, with before → after per changed field. */
export function PlanHistory({ rows, offices }: { rows: PlanHistoryRow[]; offices: OfficeOption[] }) {
  const names = new Map(offices.map((o) => [o.id, o.name]));
  const officeName = (id: number) => names.get(id) ?? `科室#${id}`;
  const time = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short", hour12: false });
  return (
    <section className="card" aria-labelledby="plan-history-title">
      <h2 id="plan-history-title" className="mb-3 font-semibold">变更记录</h2>
      {rows.length === 0 ? <p className="text-sm text-slate-500">暂无变更记录。</p> : null}
      <ol className="space-y-2 text-sm" data-testid="plan-history">
        {rows.map((row) => {
          const before = parse(row.before);
          const after = parse(row.after);
          const data = after ?? before;
          const changed = before && after
            ? Object.keys(FIELD_LABEL).filter((f) => f in after && JSON.stringify(before[f]) !== JSON.stringify(after[f]))
            : [];
          const afterPublish = before?.planStatus === "PUBLISHED" || (row.entity !== "Plan" && after?.planStatus === "PUBLISHED");
          return (
            <li key={row.id} className="border-b border-slate-100 pb-2">
              <div className="flex flex-wrap gap-x-3 text-slate-600">
                <span>{time.format(row.at)}</span>
                <span>{row.username || "系统"}</span>
                <span className="font-medium text-slate-900">{ACTION_LABEL[`${row.entity}:${row.action}`] ?? row.action}</span>
                {row.entity !== "Plan" ? <span>{subjectOf(row, data)}</span> : null}
                {afterPublish ? <span className="text-amber-700">（发布后变更）</span> : null}
              </div>
              {changed.length ? (
                <ul className="mt-1 list-disc pl-5 text-slate-700">
                  {changed.map((f) => (
                    <li key={f}>{FIELD_LABEL[f]}：{show(f, before?.[f], officeName)} → {show(f, after?.[f], officeName)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
