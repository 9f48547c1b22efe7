import { redirect } from "next/navigation";
import { getCurrentUser, requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { homePathFor } from "@/components/nav";
import { prisma } from "@/lib/db";
import { loadDashboard } from "@/lib/dashboard/data";
import { DashboardHeader } from "@/components/dashboard/header";
import { Charts } from "@/components/dashboard/charts";
import { AttentionTable, Comparison, Headline, OfficeRankingTable, PointsGrid, UpcomingTable } from "@/components/dashboard/blocks";
import { loadMyTasks } from "@/lib/dashboard/my-tasks";
import { MyTasksPanel } from "@/components/dashboard/my-tasks";
import { RegulationsDuePanel } from "@/components/regulations/due-panel";
import { regulationsDueForReview } from "@/lib/regulations/queries";
import { calendarDayAt } from "@/lib/progress";
import { ReportDeadlinesPanel } from "@/components/dashboard/report-deadlines";
import { OfficeWorkPanel } from "@/components/dashboard/office-work";
import { officeWork } from "@/lib/dashboard/office-work";
import "./dashboard.css";
import "./print.css";

export const metadata = { title: "工作看板 - 法治建设工作台" };

type SearchParams = Record<string, string | string[] | undefined>;

function intParam(value: string | string[] | undefined): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^\d{1,9}$/.test(raw)) return null;
  return Number(raw);
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // The login lands here; the 安全保密管理员 and 安全审计员 have no dashboard and go to their own page.
  const signedIn = await getCurrentUser();
  if (signedIn && !signedIn.securityStep && !can(signedIn.role, "dashboard:read")) redirect(homePathFor(signedIn.role));
  const user = await requirePageUser("dashboard:read");
  const params = await searchParams;
  const status = typeof params.status === "string" ? params.status : null;
  const [dash, tasks, dueRegulations] = await Promise.all([
    loadDashboard(prisma, user, { year: intParam(params.year), officeId: intParam(params.officeId), status }),
    loadMyTasks(prisma, user),
    can(user.role, "regulation:manage") ? regulationsDueForReview(prisma, calendarDayAt(new Date())) : Promise.resolve([]),
  ]);

  if (!dash) {
    return (
      <div>
        <h1 className="page-title">工作看板</h1>
        <p className="card text-sm text-slate-600">尚未录入任何年度的工作要点。请法治办先导入或新建工作要点。</p>
      </div>
    );
  }

  return (
    <div className="dashboard-print space-y-4">
      <DashboardHeader dash={dash} />
      <p className="hidden text-xs text-slate-600 print:block" data-testid="print-time">
        打印时间：{new Date().toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}
      </p>
      <MyTasksPanel tasks={tasks} />
      <RegulationsDuePanel items={dueRegulations} />
      {user.role === "COORDINATOR" || user.role === "LEADER" ? <ReportDeadlinesPanel /> : null}
      {user.role === "STAFF" && user.officeId !== null ? (
        <OfficeWorkPanel officeName={user.officeName ?? ""} rows={officeWork(dash.data, user.officeId)} canRecord={can(user.role, "ledger:write") && dash.data.plan.status === "PUBLISHED"} />
      ) : null}
      {/* The leader's ten seconds: what is behind, since when, who leads it, what was done about it — before the charts. */}
      <AttentionTable dash={dash} maySend={can(user.role, "reminder:send")} />
      <Headline dash={dash} />
      <Comparison dash={dash} />
      <Charts dash={dash} />
      {/* On paper the 需关注 table and the charts carry the lights; the grid of every point stays on screen. */}
      <PointsGrid dash={dash} className="print-hide" />
      <div className="grid gap-4 xl:grid-cols-2 print:grid-cols-1">
        <UpcomingTable dash={dash} className="print-hide min-w-0" />
        <OfficeRankingTable dash={dash} className="min-w-0" />
      </div>
    </div>
  );
}
