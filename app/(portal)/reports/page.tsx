import Link from "next/link";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { listReportYears } from "@/lib/report/queries";
import { formatReportTime } from "@/lib/report/workflow";
import { ReportStatusBadge } from "@/components/report/report-workflow";

export const metadata = { title: "年度报告 - 法治建设工作台" };

export default async function ReportsPage() {
  const user = await requirePageUser("report:read");
  const rows = await listReportYears(prisma, user.role);
  const canExport = can(user.role, "report:export");
  return (
    <div className="space-y-4">
      <h1 className="page-title">法治建设年度报告</h1>
      <p className="text-sm text-slate-600">
        每年初根据上一年度工作要点和已审核通过的工作台账生成报告初稿，修改后送审、定稿，导出符合 GB/T 9704 格式的 Word 文件。
      </p>
      <div className="card overflow-x-auto">
        <table className="table" data-testid="report-years">
          <thead>
            <tr>
              <th>年度</th>
              <th>报告</th>
              <th>状态</th>
              <th>最后修改</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="text-slate-500">还没有工作要点，导入年度工作要点后即可生成报告。</td>
              </tr>
            ) : null}
            {rows.map((row) => (
              <tr key={row.year}>
                <td className="whitespace-nowrap font-medium">{row.year} 年</td>
                <td>{row.report?.title ?? <span className="text-slate-500">尚未生成{row.planTitle ? `（${row.planTitle}）` : ""}</span>}</td>
                <td>{row.report ? <ReportStatusBadge status={row.report.status} /> : <span className="text-slate-400">—</span>}</td>
                <td className="whitespace-nowrap">{row.report ? formatReportTime(row.report.updatedAt) : ""}</td>
                <td className="whitespace-nowrap">
                  <Link href={`/reports/${row.year}`} className="text-brand hover:underline">
                    {row.report ? "打开" : "查看 / 生成"}
                  </Link>
                  {row.report && canExport ? (
                    <>
                      <a href={`/api/export/report?year=${row.year}`} className="ml-3 text-brand hover:underline" download>
                        下载 Word
                      </a>
                      <Link href={`/reports/${row.year}/print`} className="ml-3 text-brand hover:underline">
                        打印
                      </Link>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
