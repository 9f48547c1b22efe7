import Link from "next/link";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { describeTarget, isoDay } from "@/lib/ledger/constants";
import { createEntryAction } from "@/lib/ledger/actions";
import { defaultYear, getPointForRecording, linkCandidates, officeInvolved, recordablePoints } from "@/lib/ledger/queries";
import { targetTotals } from "@/lib/ledger/totals";
import { MESSAGES } from "@/lib/ledger/validate";
import { calendarDayAt } from "@/lib/progress/dates";
import { EntryForm } from "@/components/ledger/entry-form";
import { TargetTotals } from "@/components/ledger/target-totals";

export const metadata = { title: "新增台账 - 法治建设工作台" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const positiveInt = (v: unknown) => (typeof v === "string" && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : null);

function Refusal({ message }: { message: string }) {
  return (
    <div className="card max-w-xl">
      <p role="alert" className="text-red-700">{message}</p>
      <Link href="/ledger/new" className="btn mt-3">选择其他工作要点</Link>
    </div>
  );
}

/** The offices ledger:writeAll may record for on this point: its lead office first, then the cooperating ones (active only). */
async function involvedOffices(point: { leadOfficeId: number | null; supportOffices: { office: { id: number } }[] }) {
  const ids = [...(point.leadOfficeId === null ? [] : [point.leadOfficeId]), ...point.supportOffices.map((s) => s.office.id)];
  const rows = await prisma.office.findMany({ where: { active: true, id: { in: ids } }, select: { id: true, name: true } });
  return rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}

/** /ledger/new?pointId=ID records an entry for that point; without pointId it lists the points the user may record for. */
export default async function NewEntryPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("ledger:write");
  const sp = await searchParams;
  const pointId = positiveInt(sp.pointId);
  const writeAll = can(user.role, "ledger:writeAll");

  if (pointId === null) {
    const yearParam = positiveInt(sp.year);
    const year = yearParam && yearParam >= 2000 && yearParam <= 2100 ? yearParam : await defaultYear(prisma, user.role);
    const points = await recordablePoints(prisma, user, year);
    return (
      <div>
        <h1 className="page-title">新增台账 · 选择工作要点（{year}年）</h1>
        {points.length === 0 ? (
          <p className="card text-slate-600">{year}年没有{writeAll ? "" : "本科室牵头或配合的"}已发布工作要点。</p>
        ) : (
          <ul className="card divide-y divide-slate-100">
            {points.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2 py-2">
                <Link href={`/ledger/new?pointId=${p.id}`} className="text-brand hover:underline">{p.number}. {p.title}</Link>
                <span className="text-xs text-slate-500">牵头：{p.leadOffice?.name ?? "—"}{!writeAll && p.leadOfficeId !== user.officeId ? " · 本科室配合" : ""}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  const point = await getPointForRecording(prisma, user.role, pointId);
  if (!point) return <Refusal message={MESSAGES.pointMissing} />;
  if (point.plan.status !== "PUBLISHED") return <Refusal message={MESSAGES.planNotOpen} />;
  if (!writeAll && !officeInvolved(point, user.officeId)) return <Refusal message={MESSAGES.notInvolved} />;

  const [totals, offices, links] = await Promise.all([
    targetTotals(prisma, point.targets),
    writeAll ? involvedOffices(point) : null,
    writeAll ? linkCandidates(prisma, point, -1) : linkCandidates(prisma, point, user.officeId),
  ]);
  if (offices && offices.length === 0) return <Refusal message="该工作要点没有可填报的牵头或配合科室（未设置或已停用），请先在计划页面中设置" />;
  const targets = point.targets.map((t) => {
    const total = totals.get(t.id);
    return { id: t.id, subject: t.subject, unit: t.unit, kind: t.kind, goal: describeTarget(t), approved: total?.approved ?? 0, pending: total?.pending ?? 0, pendingEntries: total?.pendingEntries ?? 0 };
  });
  const today = isoDay(calendarDayAt(new Date()));
  const year = point.plan.year;

  return (
    <div className="space-y-4">
      <nav className="text-sm text-slate-500"><Link href={`/ledger?year=${year}`} className="hover:underline">工作台账</Link> / 新增台账</nav>
      <h1 className="page-title">新增台账</h1>
      <section className="card">
        <h2 className="font-semibold">{point.number}. {point.title}</h2>
        <p className="mt-1 text-sm text-slate-600">
          {year}年 · 牵头科室：{point.leadOffice?.name ?? "—"} · 配合科室：{point.supportOffices.map((s) => s.office.name).join("、") || "—"} · 完成时限：{point.deadlineText || "—"}
        </p>
        <div className="mt-3"><TargetTotals rows={targets} /></div>
      </section>
      <section className="card" aria-labelledby="form-title">
        <h2 id="form-title" className="mb-3 font-semibold">台账内容</h2>
        <EntryForm
          action={createEntryAction}
          year={year}
          pointId={point.id}
          offices={offices ?? undefined}
          defaultOfficeId={point.leadOfficeId}
          targets={targets}
          linkOptions={links}
          defaultDate={today.startsWith(String(year)) ? today : undefined}
        />
        <p className="mt-3 text-xs text-slate-500">保存后为草稿，可上传佐证材料（签到表、照片、通知、纪要等），再提交审核。</p>
      </section>
    </div>
  );
}
