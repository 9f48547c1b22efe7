import Link from "next/link";
import type { MyTasks, TaskEntry } from "@/lib/dashboard/my-tasks";
import { supervisionTaskItems } from "@/components/supervision/task-items";

function EntryList({ entries, showNote }: { entries: TaskEntry[]; showNote?: boolean }) {
  return (
    <ul className="mt-1 space-y-1 text-sm">
      {entries.map((e) => (
        <li key={e.id}>
          <Link className="text-brand underline-offset-2 hover:underline" href={`/ledger/${e.id}`}>
            {e.officeName} · 第{e.pointNumber}项 · {e.title}
          </Link>
          {showNote && e.note ? <span className="ml-2 text-xs text-red-700">退回原因：{e.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** "待我处理" at the top of the home page: what waits on this person, each with its link. */
export function MyTasksPanel({ tasks }: { tasks: MyTasks }) {
  const items: React.ReactNode[] = [];
  if (tasks.toReview && tasks.toReview.count > 0) {
    items.push(
      <div key="review">
        <Link className="font-medium" href="/ledger?status=SUBMITTED">待审核台账 {tasks.toReview.count} 条</Link>
        <EntryList entries={tasks.toReview.entries} />
      </div>,
    );
  }
  if (tasks.returned.length > 0) {
    items.push(
      <div key="returned">
        <Link className="font-medium" href="/ledger?status=RETURNED">被退回、待修改的台账 {tasks.returned.length} 条</Link>
        <EntryList entries={tasks.returned} showNote />
      </div>,
    );
  }
  if (tasks.drafts.length > 0) {
    items.push(
      <div key="drafts">
        <Link className="font-medium" href="/ledger?status=DRAFT">未提交的草稿 {tasks.drafts.length} 条</Link>
        <EntryList entries={tasks.drafts} />
      </div>,
    );
  }
  if (tasks.remindersToAnswer > 0) {
    items.push(
      <div key="reminders">
        <Link className="font-medium" href="/notifications">待反馈的督办 {tasks.remindersToAnswer} 件</Link>
      </div>,
    );
  }
  items.push(...supervisionTaskItems(tasks.supervision));
  if (tasks.unreadNotifications > 0) {
    items.push(
      <div key="notifications">
        <Link className="font-medium" href="/notifications">未读消息 {tasks.unreadNotifications} 条</Link>
      </div>,
    );
  }
  return (
    <section className="card no-print" aria-labelledby="my-tasks-title" data-testid="my-tasks">
      <h2 id="my-tasks-title" className="mb-2 font-semibold">待我处理</h2>
      {items.length > 0 ? <div className="grid gap-3 md:grid-cols-2">{items}</div> : <p className="text-sm text-slate-600">暂无待处理事项。</p>}
    </section>
  );
}
