import Link from "next/link";
import { requirePageUser } from "@/lib/auth/dal";
import { prisma } from "@/lib/db";
import { ActionForm } from "@/components/action-form";
import { setCleanupActionAction } from "@/lib/regulations/actions";
import { CLEANUP_ACTIONS, CLEANUP_LABEL, loadCleanupList } from "@/lib/regulations/cleanup";
import { STATUS_LABEL, type RegulationStatus } from "@/lib/regulations/constants";
import { calendarDayAt } from "@/lib/progress";
import { day } from "@/components/regulations/labels";
import { PendingProposalsPanel } from "@/components/regulations/proposals";
import { pendingProposals } from "@/lib/regulations/proposal-queries";

export const metadata = { title: "制度清理 - 法治建设工作台" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The annual 制度清理 list: a proposed action per rule, filled here, exported as .xlsx. */
export default async function CleanupPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser("regulation:manage");
  const sp = await searchParams;
  const raw = typeof sp.year === "string" ? sp.year : "";
  const year = /^20\d{2}$/.test(raw) ? Number(raw) : calendarDayAt(new Date()).getUTCFullYear();
  const currentYear = calendarDayAt(new Date()).getUTCFullYear();
  const [rows, pending] = await Promise.all([loadCleanupList(prisma, year), pendingProposals(prisma)]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <Link href="/regulations" className="text-sm text-brand hover:underline">← 制度库</Link>
          <h1 className="page-title mb-0">{year}年度制度清理</h1>
        </div>
        <div className="flex gap-2">
          <Link href={`/regulations/cleanup?year=${year - 1}`} className="btn">{year - 1}年</Link>
          <a href={`/api/regulations/cleanup?year=${year}`} className="btn-primary">导出 Excel</a>
        </div>
      </div>
      <PendingProposalsPanel rows={pending} year={currentYear} />
      <p className="text-sm text-slate-600">已提出处理意见 {rows.filter((r) => r.action).length} / {rows.length} 项。</p>
      <table className="table" data-testid="cleanup-table">
        <thead>
          <tr>
            <th>制度</th>
            <th>现状</th>
            <th>有效期至</th>
            <th className="w-96">清理意见</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.regulationId}>
              <td>
                <Link href={`/regulations/${r.regulationId}`} className="text-brand hover:underline">{r.title}</Link>
                <div className="text-xs text-slate-500">{r.docNumber || "—"} · {r.office || "未指定科室"}</div>
              </td>
              <td>{STATUS_LABEL[r.status as RegulationStatus] ?? r.status}</td>
              <td>{day(r.validUntil)}</td>
              <td>
                <ActionForm action={setCleanupActionAction} submitLabel="保存" buttonClassName="btn" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="year" value={year} />
                  <input type="hidden" name="regulationId" value={r.regulationId} />
                  <select name="action" defaultValue={r.action ?? ""} className="input w-24" aria-label="清理意见" required>
                    <option value="" disabled>选择</option>
                    {CLEANUP_ACTIONS.map((a) => (
                      <option key={a} value={a}>{CLEANUP_LABEL[a]}</option>
                    ))}
                  </select>
                  <input name="note" defaultValue={r.note} className="input w-48" placeholder="说明（选填）" maxLength={200} aria-label="说明" />
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
