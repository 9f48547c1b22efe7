import Link from "next/link";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { NOT_FOUND_MESSAGE, STATUS_LABEL, describeTarget, isEntryStatus, isoDay } from "@/lib/ledger/constants";
import { updateEntryAction } from "@/lib/ledger/actions";
import { asWorkflowEntry } from "@/lib/ledger/access";
import { entryContributors } from "@/lib/ledger/contributors";
import { getEntryDetail, linkCandidates } from "@/lib/ledger/queries";
import { targetTotals } from "@/lib/ledger/totals";
import { availableActions, canDelete, canEdit, canRestore } from "@/lib/ledger/workflow";
import { writeAudit } from "@/lib/audit";
import { AttachmentList } from "@/components/ledger/attachment-list";
import { EntryDetails } from "@/components/ledger/entry-details";
import { EntryForm } from "@/components/ledger/entry-form";
import { TargetTotals } from "@/components/ledger/target-totals";
import { WorkflowPanel } from "@/components/ledger/workflow-panel";
import { parseEvidenceKinds, TARGET_KINDS, targetsNeedingEvidence } from "@/lib/ledger/evidence-rules";
import { coHostWindowWarning } from "@/lib/ledger/cohost-window";
import { NotFoundPage } from "@/components/not-found-page";

export const metadata = { title: "台账详情 - 法治建设工作台" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EntryPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const user = await requirePageUser("ledger:read");
  const { id: rawId } = await params;
  const sp = await searchParams;
  // Counts from the first form's uploads (LedgerActionForm uploadField); only small numbers are shown.
  const countParam = (v: string | string[] | undefined) => (typeof v === "string" && /^\d{1,2}$/.test(v) ? Number(v) : 0);
  const uploaded = countParam(sp.uploaded);
  const failed = countParam(sp.failed);
  const id = /^[1-9]\d{0,9}$/.test(rawId) ? Number(rawId) : null;
  const entry = id !== null && id <= 2_147_483_647 ? await getEntryDetail(prisma, user, id) : null;
  if (!entry) {
    // Same answer whether the id does not exist or belongs to another office: no existence leak.
    await writeAudit(prisma, { id: user.id, username: user.username, role: user.role }, { entity: "LedgerEntry", entityId: rawId.slice(0, 20), action: "denied", after: { reason: NOT_FOUND_MESSAGE } });
    return <NotFoundPage detail={NOT_FOUND_MESSAGE} back={{ href: "/ledger", label: "返回工作台账" }} />;
  }

  // The approve button is offered only to a reviewer who took no part in the entry (four eyes; the
  // approving transaction checks it again).
  const contributorIds = entry.status === "SUBMITTED" && can(user.role, "ledger:review") ? await entryContributors(prisma, entry) : undefined;
  const wf = { ...asWorkflowEntry(entry), contributorIds };
  const editable = canEdit(user, wf).ok;
  const point = entry.workPoint;
  const [totals, links, lead] = await Promise.all([
    targetTotals(prisma, point.targets),
    editable ? linkCandidates(prisma, point, entry.officeId) : Promise.resolve([]),
    entry.linkedEntryId === null ? null : prisma.ledgerEntry.findUnique({ where: { id: entry.linkedEntryId }, select: { status: true, deletedAt: true } }),
  ]);
  // Keep the current link selectable while the lead record is being corrected (returned or recalled),
  // or saving the form would silently drop it.
  const current = entry.linkedEntry;
  const linkOptions = editable && current && lead?.deletedAt === null && !links.some((l) => l.id === current.id) ? [{ id: current.id, date: current.date, title: current.title }, ...links] : links;
  // A lead record with live 协办 links cannot be deleted (lib/ledger/mutations.ts deleteEntry).
  const coHosted = entry._count.coHostEntries > 0;
  const settings = await prisma.unitSettings.findUnique({ where: { id: 1 }, select: { evidenceKinds: true, coHostWindowDays: true } });
  const linkWarning = entry.linkedEntry ? coHostWindowWarning(entry.date, entry.linkedEntry.date, settings?.coHostWindowDays ?? 31) : null;
  const evidenceSubjects = targetsNeedingEvidence(entry.quantities, parseEvidenceKinds(settings ? settings.evidenceKinds : TARGET_KINDS.join(",")));
  const quantityOf = new Map(entry.quantities.map((q) => [q.targetId, q]));
  const targets = point.targets.map((t) => {
    const total = totals.get(t.id);
    return {
      id: t.id,
      subject: t.subject,
      unit: t.unit,
      kind: t.kind,
      goal: describeTarget(t),
      approved: total?.approved ?? 0,
      pending: total?.pending ?? 0,
      pendingEntries: total?.pendingEntries ?? 0,
      value: quantityOf.get(t.id)?.value,
      completes: quantityOf.get(t.id)?.completes,
    };
  });

  return (
    <div className="space-y-4">
      <nav className="text-sm text-slate-500">
        <Link href={`/ledger?year=${entry.year}`} className="hover:underline">工作台账</Link> / 台账详情
      </nav>
      {/* "Saved as a draft" only while it is one: after 提交 the banner would be stale. */}
      {sp.created === "1" && entry.status === "DRAFT" ? (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="created-banner">
          台账已保存为草稿。{uploaded > 0 ? `已上传 ${uploaded} 个佐证材料。` : "可上传佐证材料后提交审核。"}
        </p>
      ) : null}
      {sp.created === "1" && failed > 0 ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="upload-failed-banner">
          有 {failed} 个文件未能上传（文件类型、大小或内容不符合要求，或与已上传的文件相同），请在下方“佐证材料”处重新选择上传。
        </p>
      ) : null}
      <EntryDetails entry={entry} />
      <section className="card" aria-labelledby="targets-title">
        <h2 id="targets-title" className="mb-2 font-semibold">指标完成情况（{point.number}. {point.title}）</h2>
        <TargetTotals rows={targets} />
        <p className="mt-2 text-xs text-slate-500">只有审核通过的台账计入完成数；协办关联的记录不重复计数。</p>
      </section>
      {lead && (lead.deletedAt !== null || lead.status !== "APPROVED") ? (
        <p role="status" data-testid="link-pending" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {lead.deletedAt !== null
            ? "关联的牵头科室台账已删除，本条协办记录不计入完成数；请法治办先恢复该台账。"
            : `关联的牵头科室台账当前为“${isEntryStatus(lead.status) ? STATUS_LABEL[lead.status] : lead.status}”，该活动暂不计入完成数；牵头科室的台账审核通过后计入（本条协办记录不重复计数）。`}
        </p>
      ) : null}
      {linkWarning ? (
        <p role="note" data-testid="link-window-warning" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">{linkWarning}</p>
      ) : null}
      {coHosted && canDelete(user, wf).ok ? (
        <p className="text-sm text-slate-600">本条已有配合科室的协办记录关联，不能删除；如需删除，请先由配合科室取消关联或删除其记录。</p>
      ) : null}
      <AttachmentList entryId={entry.id} attachments={entry.attachments} editable={editable} />
      {/* The workflow (提交审核, 审核通过 …) before the long edit form, so it stays within reach on a phone. */}
      <WorkflowPanel
        id={entry.id}
        version={entry.version}
        evidenceWarning={evidenceSubjects.length > 0 && entry.attachments.length === 0 ? evidenceSubjects : null}
        actions={availableActions(user, wf)}
        canDelete={canDelete(user, wf).ok && !coHosted}
        canRestore={canRestore(user, wf).ok && can(user.role, "ledger:restore")}
      />
      {editable ? (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title" className="mb-3 font-semibold">修改台账</h2>
          <EntryForm
            action={updateEntryAction}
            year={entry.year}
            entry={entry}
            targets={targets}
            linkOptions={linkOptions}
          />
        </section>
      ) : null}
      <p className="text-xs text-slate-400">
        记录编号 {entry.id} · 版本 {entry.version} · 最近更新 {isoDay(entry.updatedAt)}
      </p>
    </div>
  );
}
