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

/** The 督办 entries of 待我处理 (components/dashboard/my-tasks.tsx), each a link to where it is done. */
export function supervisionTaskItems(tasks: SupervisionTasks): React.ReactNode[] {
  const items: React.ReactNode[] = [];
  if (tasks.extensionsToDecide.length > 0) {
    items.push(
      <div key="extensions">
        <span className="font-medium">待审批的延期申请 {tasks.extensionsToDecide.length} 件</span>
        <PointList items={tasks.extensionsToDecide} testId="task-extension" />
      </div>,
    );
  }
  if (tasks.closuresToReview.length > 0) {
    items.push(
      <div key="closures">
        <span className="font-medium">待审核的办结申报 {tasks.closuresToReview.length} 件</span>
        <PointList items={tasks.closuresToReview} testId="task-closure" />
      </div>,
    );
  }
  if (tasks.closuresReturned.length > 0) {
    items.push(
      <div key="closures-returned">
        <span className="font-medium">被退回的办结申报 {tasks.closuresReturned.length} 件</span>
        <PointList items={tasks.closuresReturned} notePrefix="退回原因：" testId="task-closure-returned" />
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
