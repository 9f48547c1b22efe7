import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { ledgerHref } from "@/lib/dashboard/links";
import { percent, STATUS_BADGE } from "@/lib/dashboard/view";
import { STATUS_LABEL, describeProjection, formatChineseDate } from "@/lib/progress";
import { loadPlanProgress } from "@/lib/progress/queries";
import { compactQuantity, describePointShortfall, describeShortfall } from "@/lib/progress/shortfall";
import { REMINDABLE } from "@/lib/reminders/mutations";
import { remindersForPoint } from "@/lib/reminders/queries";
import { visiblePointWhere } from "@/lib/plan/visibility";
import { Reminders, SendReminderForm } from "./reminders";
import { SupervisionPanel } from "@/components/supervision/point-panel";
import { pointSupervision } from "@/lib/supervision/queries";
import { pointExtensionNote } from "@/lib/supervision/deadline";
import { regulationsForPoint } from "@/lib/regulations/point-links";
import { assessmentsForPoint } from "@/lib/regulations/assessment-queries";
import { PointRegulations } from "@/components/regulations/point-regulations";

export const metadata = { title: "工作要点 - 法治建设工作台" };

export default async function PointPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("dashboard:read");
  const { id: rawId } = await params;
  if (!/^\d{1,9}$/.test(rawId)) notFound();
  const id = Number(rawId);
  // A point of a draft plan is "not found" for roles that may not see drafts.
  const point = await prisma.workPoint.findFirst({
    where: { id, ...visiblePointWhere(user.role) },
    include: {
      plan: { select: { year: true, title: true, status: true } },
      section: { select: { title: true } },
      leadOffice: { select: { name: true } },
      supportOffices: { select: { officeId: true, office: { select: { name: true } } } },
    },
  });
  if (!point) notFound();
  const year = point.plan.year;
  const readsSupervision = can(user.role, "supervision:read");
  const readsRegulations = can(user.role, "regulation:read");
  const [data, reminders, supervision, regulationLinks, assessments] = await Promise.all([
    loadPlanProgress(prisma, year),
    remindersForPoint(prisma, id, user),
    readsSupervision ? pointSupervision(prisma, id, user) : null,
    readsRegulations ? regulationsForPoint(prisma, id) : Promise.resolve([]),
    readsRegulations ? assessmentsForPoint(prisma, id, user) : Promise.resolve([]),
  ]);
  const progress = data?.progress.points.find((p) => p.pointId === id);
  if (!data || !progress) notFound();

  const shortfall = describePointShortfall(progress, data.targetDefs);
  const maySend = can(user.role, "reminder:send");
  // 记录台账 for whoever records for this point: its lead or cooperating office, or the 法治办 for any office.
  const involved = user.officeId !== null && (point.leadOfficeId === user.officeId || point.supportOffices.some((s) => s.officeId === user.officeId));
  const mayRecord = point.plan.status === "PUBLISHED" && can(user.role, "ledger:write") && (involved || can(user.role, "ledger:writeAll"));
  const remindable = REMINDABLE.includes(progress.status);
  const extensionNote = pointExtensionNote(progress.point, year);
  const original = progress.point.extension?.originalDeadline;

  return (
    <div className="space-y-4">
      <nav aria-label="位置" className="no-print text-sm text-slate-600">
        <Link href={`/dashboard?year=${year}`} className="hover:underline">工作看板</Link> › {year}年 › 第{point.number}项
      </nav>
      <section className="card">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h1 className="text-xl font-semibold">{point.number}. {point.title.replace(/。$/u, "")}</h1>
          <span data-testid="point-status" className={`rounded px-2 py-1 text-sm ring-1 ${STATUS_BADGE[progress.status]}`}>{STATUS_LABEL[progress.status]}</span>
        </div>
        <p className="mt-1 text-sm text-slate-600">{point.section.title}</p>
        <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          <div><dt className="inline text-slate-500">牵头科室：</dt><dd className="inline">{point.leadOffice?.name ?? "（未指定）"}</dd></div>
          <div><dt className="inline text-slate-500">配合科室：</dt><dd className="inline">{point.supportOffices.map((s) => s.office.name).join("、") || "无"}</dd></div>
          <div><dt className="inline text-slate-500">完成时限：</dt><dd className="inline" data-testid="point-deadline">{formatChineseDate(progress.deadline)}{extensionNote ? `（${extensionNote}${original ? `，原定${formatChineseDate(original)}` : ""}）` : point.deadlineText ? `（${point.deadlineText}）` : ""}，{progress.daysLeft < 0 ? `已逾期 ${-progress.daysLeft} 天` : `剩余 ${progress.daysLeft} 天`}</dd></div>
          <div><dt className="inline text-slate-500">责任人：</dt><dd className="inline">{point.responsible || "—"}</dd></div>
          <div><dt className="inline text-slate-500">完成率：</dt><dd className="inline">{percent(progress.rate)}</dd></div>
          <div><dt className="inline text-slate-500">完成情况：</dt><dd className="inline" data-testid="point-shortfall">{shortfall}</dd></div>
        </dl>
        {point.text ? <p className="mt-3 whitespace-pre-line text-sm leading-6 text-slate-700">{point.text}</p> : null}
        <div className="no-print mt-3 flex flex-wrap gap-2">
          {mayRecord ? <Link href={`/ledger/new?pointId=${id}`} className="btn-primary" data-testid="point-record-link">记录台账</Link> : null}
          <Link href={ledgerHref({ year, pointId: id })} className="btn" data-testid="point-ledger-link">查看该要点的工作台账</Link>
        </div>
      </section>

      {progress.targets.length > 0 ? (
        <section className="card" aria-labelledby="targets-title">
          <h2 id="targets-title" className="mb-2 font-semibold">量化指标</h2>
          <div className="overflow-x-auto">
            <table className="table">
              <thead><tr><th>指标</th><th>目标</th><th>已完成</th><th>序时进度</th><th>状态</th><th>研判</th></tr></thead>
              <tbody>
                {progress.targets.map((tp) => {
                  const def = data.targetDefs.get(tp.targetId)!;
                  return (
                    <tr key={tp.targetId}>
                      <td>{def.subject}</td>
                      <td>{def.comparator === "<=" ? "不超过" : "不少于"}{compactQuantity(def.value, def.unit)}</td>
                      <td><Link href={ledgerHref({ year, pointId: id, targetId: def.id, status: "APPROVED" })} className="text-brand hover:underline">{compactQuantity(tp.actual, def.unit)}</Link></td>
                      <td>{def.comparator === "<=" ? "—" : compactQuantity(tp.expectedDue, def.unit)}</td>
                      <td><span className={`rounded px-1.5 py-0.5 text-xs ring-1 ${STATUS_BADGE[tp.status]}`}>{STATUS_LABEL[tp.status]}</span></td>
                      <td className="text-xs">{describeProjection(tp, def) ?? describeShortfall(tp, def)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {maySend ? (
        <section id="send-reminder" className="card no-print" aria-labelledby="send-title">
          <h2 id="send-title" className="mb-2 font-semibold">督办催办</h2>
          {remindable ? (
            <SendReminderForm pointId={id} deadline={progress.deadline} defaultMessage={`第${point.number}项“${point.title.replace(/。$/u, "")}”目前${STATUS_LABEL[progress.status]}：${shortfall}。请抓紧推进，按时完成。`} />
          ) : (
            <p className="text-sm text-slate-600">该工作要点当前状态为“{STATUS_LABEL[progress.status]}”，只有滞后或逾期的工作要点才能催办。</p>
          )}
        </section>
      ) : null}

      {supervision ? (
        <SupervisionPanel
          user={user}
          pointId={id}
          planYear={year}
          published={point.plan.status !== "DRAFT"}
          leadOfficeId={point.leadOfficeId}
          deadlineInForce={progress.deadline}
          sup={supervision}
        />
      ) : null}

      <PointRegulations links={regulationLinks} assessments={assessments} />
      <Reminders reminders={reminders} user={user} />
    </div>
  );
}
