import Link from "next/link";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { loadReportForExport } from "@/lib/report/queries";
import { hidesDraftYear } from "@/lib/plan/visibility";
import { parseReportYear } from "@/lib/report/workflow";
import { ReportPrintButton } from "@/components/report-print-button";
import { ReportDocument } from "@/components/report/report-document";

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props) {
  const { year } = await params;
  return { title: `${year} 年度报告（打印） - 法治建设工作台` };
}

/** The report as it will look on paper: same structure and measures as the Word export. */
export default async function ReportPrintPage({ params }: Props) {
  const user = await requirePageUser("report:read");
  const year = parseReportYear((await params).year);
  if (year === null) notFound();
  const report = (await hidesDraftYear(prisma, user.role, year)) ? null : await loadReportForExport(prisma, year);
  if (!report) {
    return (
      <div className="card">
        <p>该年度报告尚未生成。</p>
        <Link href={`/reports/${year}`} className="text-brand hover:underline">返回年度报告</Link>
      </div>
    );
  }
  const draft = report.status !== "FINAL";
  return (
    <div>
      <div className="no-print mb-3 flex flex-wrap items-center gap-3">
        <Link href={`/reports/${year}`} className="btn">返回编辑页</Link>
        <ReportPrintButton />
        <span className="text-sm text-slate-600">
          {draft ? "当前为草稿，打印件带“草稿”标记。" : "已定稿。"}打印时请在对话框中选择 A4 纸、关闭“页眉和页脚”。
        </span>
      </div>
      <ReportDocument title={report.title} preface={report.preface} parts={report.parts} signature={report.signature} date={report.date} draft={draft} />
    </div>
  );
}
