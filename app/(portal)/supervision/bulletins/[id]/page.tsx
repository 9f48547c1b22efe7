import Link from "next/link";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { loadBulletin } from "@/lib/bulletins/queries";
import { periodLabel } from "@/lib/bulletins/draft";
import { BulletinStatusBadge, BulletinWorkflow } from "@/components/bulletins/bulletin-workflow";
import { BulletinEditor, BulletinText } from "@/components/bulletins/bulletin-editor";
import { formatReportTime } from "@/lib/report/workflow";

export const metadata = { title: "情况通报 - 法治建设工作台" };

export default async function BulletinPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("bulletin:read");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const bulletin = await loadBulletin(prisma, Number(id));
  if (!bulletin) notFound();
  const editable = bulletin.status === "DRAFT" && can(user.role, "bulletin:edit");
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link className="text-brand underline" href="/supervision/bulletins">← 情况通报</Link></p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="page-title mb-0" data-testid="bulletin-title">{bulletin.title}</h1>
        <BulletinStatusBadge status={bulletin.status} />
      </div>
      <p className="text-sm text-slate-600">
        {bulletin.year}年第{bulletin.number}期 · 通报期间 {periodLabel(bulletin.periodStart, bulletin.periodEnd)} · 起草：{bulletin.createdByName}
        {bulletin.approvedAt ? ` · 审定：${bulletin.approvedByName}（${formatReportTime(bulletin.approvedAt)}）` : ""}
        {bulletin.docNumber ? ` · ${bulletin.docNumber}` : ""}
      </p>
      {bulletin.returnComment && bulletin.status === "DRAFT" ? (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="bulletin-return-comment">
          领导退回意见：{bulletin.returnComment}
        </p>
      ) : null}
      <BulletinWorkflow id={bulletin.id} status={bulletin.status} version={bulletin.version} role={user.role} />
      <section className="card">
        {editable ? (
          <BulletinEditor id={bulletin.id} version={bulletin.version} title={bulletin.title} docNumber={bulletin.docNumber} content={bulletin.content} />
        ) : (
          <BulletinText content={bulletin.content} />
        )}
      </section>
    </div>
  );
}
