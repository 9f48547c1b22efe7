import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { ActionForm } from "@/components/action-form";
import { signDateReportYear } from "@/lib/report/output";
import { formatChineseDate } from "@/lib/report/sentences";
import { createOfficeAction, updateOfficeAction, updateSettingsAction } from "@/lib/admin/actions";
import { UsersSection } from "@/components/admin/users-section";
import { EvidenceRuleFields } from "@/components/admin/evidence-rule-fields";
import { ReportCycleSettingsSection } from "@/components/admin/report-cycle-settings";

export const metadata = { title: "系统管理 - 法治建设工作台" };

export default async function AdminPage() {
  await requirePageUser("admin:users");
  const [offices, users, settings] = await Promise.all([
    prisma.office.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }),
    prisma.user.findMany({ orderBy: { id: "asc" }, include: { office: true } }),
    prisma.unitSettings.findUnique({ where: { id: 1 } }),
  ]);
  const activeOffices = offices.filter((o) => o.active);

  return (
    <div className="space-y-8">
      <h1 className="page-title">系统管理</h1>

      <section className="card" aria-labelledby="settings-title">
        <h2 id="settings-title" className="mb-3 font-semibold">单位设置</h2>
        <ActionForm action={updateSettingsAction} submitLabel="保存设置" className="grid max-w-2xl gap-3 sm:grid-cols-2">
          <input type="hidden" name="version" value={settings?.version ?? 1} />
          <label>
            <span className="label">单位名称</span>
            <input className="input" name="unitName" defaultValue={settings?.unitName ?? ""} required />
          </label>
          <label>
            <span className="label">报告署名</span>
            <input className="input" name="signature" defaultValue={settings?.signature ?? ""} required />
          </label>
          <label>
            <span className="label">报告落款日期（可不填）</span>
            <input className="input" type="date" name="reportDate" min="2000-01-01" max="2100-12-31" defaultValue={settings?.reportDate ? settings.reportDate.toISOString().slice(0, 10) : ""} />
          </label>
          <p className="self-end text-xs text-slate-600" data-testid="settings-report-date-hint">
            {settings?.reportDate
              ? `用于${signDateReportYear(settings.reportDate)}年度法治建设报告的落款（${formatChineseDate(settings.reportDate, { withYear: true })}）。`
              : "未设置时，报告落款使用定稿日期（草稿为当天）。"}
            1 月至 11 月的日期用于上一年度报告，12 月的日期用于当年报告。各年度报告的署名均随此处设置，除非报告单独修改了署名。
          </p>
          <EvidenceRuleFields evidenceKinds={settings?.evidenceKinds ?? "COUNT,SUM,PERCENT,BOOLEAN"} coHostWindowDays={settings?.coHostWindowDays ?? 31} />
        </ActionForm>
      </section>

      <ReportCycleSettingsSection />

      <section className="card" aria-labelledby="offices-title">
        <h2 id="offices-title" className="mb-3 font-semibold">科室 / 委室</h2>
        <table className="table mb-4">
          <thead>
            <tr><th>名称</th><th>简称</th><th>状态</th><th>操作</th></tr>
          </thead>
          <tbody>
            {offices.map((office) => (
              <tr key={office.id}>
                <td colSpan={4}>
                  <ActionForm action={updateOfficeAction} submitLabel="保存" buttonClassName="btn" className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="id" value={office.id} />
                    <input type="hidden" name="version" value={office.version} />
                    <input className="input w-48" name="name" defaultValue={office.name} aria-label="科室名称" />
                    <input className="input w-24" name="shortName" defaultValue={office.shortName} aria-label="简称" />
                    <label className="flex items-center gap-1 text-sm">
                      <input type="checkbox" name="active" defaultChecked={office.active} /> 启用
                    </label>
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ActionForm action={createOfficeAction} submitLabel="新增科室" className="flex flex-wrap items-end gap-2">
          <label><span className="label">科室名称</span><input className="input w-48" name="name" required /></label>
          <label><span className="label">简称</span><input className="input w-24" name="shortName" required /></label>
        </ActionForm>
      </section>

      <UsersSection users={users} offices={activeOffices} />
    </div>
  );
}
