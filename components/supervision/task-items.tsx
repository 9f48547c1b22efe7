import Link from "next/link";
import type { SupervisionTaskItem, SupervisionTasks } from "@/lib/supervision/tasks";

function PointList({ items, notePrefix, testId }: { items: SupervisionTaskItem[]; notePrefix?: string; testId: string }) {
  return (
    <ul className="mt-1 space-y-1 text-sm">
      {items.map((i) => (
        <li key={i.pointId} data-testid={testId}>
          <Link className="text-brand underline-offset-2 hover:underline" href={`/points/${i.pointId}#supervision`}>
            {i.officeName} · 第{i.pointNumber}项 · {i.pointTitle}
          </Link>
          {i.note ? <span className={`ml-2 text-xs ${notePrefix ? "text-red-700" : "text-slate-600"}`}>{notePrefix ?? ""}{i.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The lists of points waiting on the user: heading, items, the note's prefix and the test id. */
const POINT_GROUPS = [
  { key: "extensions", pick: (t: SupervisionTasks) => t.extensionsToDecide, heading: "待审批的延期申请", testId: "task-extension" },
  { key: "closures", pick: (t: SupervisionTasks) => t.closuresToReview, heading: "待审核的办结申报", testId: "task-closure" },
  { key: "closures-returned", pick: (t: SupervisionTasks) => t.closuresReturned, heading: "被退回的办结申报", testId: "task-closure-returned", notePrefix: "退回原因：" },
] as const;

/** The 督办 entries of 待我处理 (components/dashboard/my-tasks.tsx), each a link to where it is done. */
export function supervisionTaskItems(tasks: SupervisionTasks): React.ReactNode[] {
  const items: React.ReactNode[] = [];
  for (const group of POINT_GROUPS) {
    const points = group.pick(tasks);
    if (points.length === 0) continue;
    items.push(
      <div key={group.key}>
        <span className="font-medium">{group.heading} {points.length} 件</span>
        <PointList items={points} notePrefix={"notePrefix" in group ? group.notePrefix : undefined} testId={group.testId} />
      </div>,
    );
  }
  if (tasks.closuresToRate > 0) {
    items.push(
      <div key="ratings">
        <span className="font-medium">已办结、可评价的要点 {tasks.closuresToRate} 项</span>
        <p className="text-xs text-slate-600">评价可选，在各要点页面的“督办办理”中进行。</p>
      </div>,
    );
  }
  if (tasks.missingFeedback) {
    const m = tasks.missingFeedback;
    items.push(
      <div key="feedback">
        <Link className="font-medium" href="/supervision/feedback">{m.periodLabel}进展反馈未填 {m.count} 项</Link>
        <p className="text-xs text-slate-600">请于{m.due}前填写。</p>
      </div>,
    );
  }
  return items;
}
