import { ActionForm } from "@/components/action-form";
import type { CurrentUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { isoDay } from "@/lib/dashboard/links";
import { calendarDayAt, dateFromDayIndex, dayIndex, formatChineseDate } from "@/lib/progress";
import { replyReminderAction, sendReminderAction } from "@/lib/reminders/actions";
import type { ReminderView } from "@/lib/reminders/queries";
import { defaultRequestedBy } from "@/lib/reminders/due-date";

function beijingTime(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3_600_000);
  return `${formatChineseDate(local)} ${local.toISOString().slice(11, 16)}`;
}

export function SendReminderForm({ pointId, deadline, defaultMessage }: { pointId: number; deadline: Date | null; defaultMessage: string }) {
  const todayDate = calendarDayAt(new Date());
  const today = dayIndex(todayDate);
  // A week from today, never after the point's own deadline (lib/reminders/due-date.ts).
  const proposed = defaultRequestedBy(todayDate, deadline);
  return (
    <ActionForm action={sendReminderAction} submitLabel="发送催办" className="grid max-w-2xl gap-3">
      <input type="hidden" name="workPointId" value={pointId} />
      <label>
        <span className="label">催办内容</span>
        <textarea name="message" className="input h-24" defaultValue={defaultMessage} required minLength={5} maxLength={500} />
      </label>
      <label className="max-w-xs">
        <span className="label">要求完成日期</span>
        <input type="date" name="requestedBy" className="input" required min={isoDay(dateFromDayIndex(today))} defaultValue={isoDay(proposed)} data-testid="reminder-requested-by" />
      </label>
    </ActionForm>
  );
}

export function Reminders({ reminders, user }: { reminders: ReminderView[]; user: CurrentUser }) {
  if (!can(user.role, "reminder:read")) return null;
  const today = isoDay(calendarDayAt(new Date()));
  return (
    <section className="card" aria-labelledby="reminders-title">
      <h2 id="reminders-title" className="mb-2 font-semibold">督办记录（{reminders.length}）</h2>
      {reminders.length === 0 ? <p className="text-sm text-slate-500">暂无督办记录。</p> : null}
      <ol className="space-y-3">
        {reminders.map((r) => {
          const mayReply = can(user.role, "reminder:reply") && user.officeId === r.officeId && r.reply === null;
          return (
            <li key={r.id} id={`reminder-${r.id}`} data-testid="reminder" className="rounded border border-slate-200 p-3">
              <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span>
                  <strong>{r.sentByName}</strong> 于 {beijingTime(r.createdAt)} 催办{r.officeName}
                  {r.requestedBy ? `，要求${formatChineseDate(r.requestedBy)}前完成` : ""}
                </span>
                <a href={`/api/reminders/${r.id}/docx`} className="btn no-print" download data-testid="supervision-docx">下载督办单</a>
              </div>
              <p className="mt-1 text-sm text-slate-800">{r.message}</p>
              {r.reply !== null ? (
                <div className="mt-2 rounded bg-green-50 p-2 text-sm" data-testid="reminder-reply">
                  <div className="text-green-900">科室反馈：{r.reply}</div>
                  <div className="text-xs text-green-800">
                    {r.repliedByName} 于 {r.repliedAt ? beijingTime(r.repliedAt) : ""} 反馈{r.replyExpectedDate ? `，预计${formatChineseDate(r.replyExpectedDate)}完成` : ""}
                  </div>
                </div>
              ) : (
                <div className="mt-2 text-sm text-yellow-800">待{r.officeName}反馈</div>
              )}
              {mayReply ? (
                <ActionForm action={replyReminderAction} submitLabel="提交反馈" className="no-print mt-3 grid max-w-2xl gap-3">
                  <input type="hidden" name="reminderId" value={r.id} />
                  <label>
                    <span className="label">反馈内容</span>
                    <textarea name="reply" className="input h-20" required minLength={5} maxLength={1000} placeholder="工作进展、存在的困难和下一步安排" />
                  </label>
                  <label className="max-w-xs">
                    <span className="label">预计完成日期</span>
                    <input type="date" name="replyExpectedDate" className="input" required min={today} />
                  </label>
                </ActionForm>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
