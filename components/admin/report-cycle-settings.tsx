import { prisma } from "@/lib/db";
import { ActionForm } from "@/components/action-form";
import { updateReportCycleSettingsAction } from "@/lib/report-cycle/actions";
import { leaderChoices } from "@/lib/report-cycle/queries";
import { loadCycleSettings } from "@/lib/report-cycle/settings";

/** The 系统管理员's settings of the report cycle (issue 16), beside the unit settings on /admin. */
export async function ReportCycleSettingsSection() {
  const [settings, leaders] = await Promise.all([loadCycleSettings(prisma), leaderChoices(prisma)]);
  return (
    <section className="card" aria-labelledby="report-cycle-settings-title">
      <h2 id="report-cycle-settings-title" className="mb-3 font-semibold">年度报告报送与公开</h2>
      <ActionForm action={updateReportCycleSettingsAction} submitLabel="保存报送与公开设置" className="grid max-w-2xl gap-3 sm:grid-cols-2">
        <input type="hidden" name="version" value={settings.version || 1} />
        <label>
          <span className="label">主要负责人（审定签发报告、批准公开）</span>
          <select className="input" name="principalLeaderId" defaultValue={settings.principalLeaderId ?? ""} data-testid="settings-principal">
            <option value="">（未指定）</option>
            {leaders.map((leader) => (
              <option key={leader.id} value={leader.id}>
                {leader.displayName}（{leader.username}）
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">主送机关（报送版）</span>
          <input className="input" name="addressee" defaultValue={settings.addressee} maxLength={60} placeholder="中共XX市委全面依法治市委员会办公室" />
        </label>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" name="redHeader" defaultChecked={settings.redHeader} /> 报送版使用红头（发文机关标志）
        </label>
        <label>
          <span className="label">发文机关标志（留空则用署名）</span>
          <input className="input" name="redHeaderText" defaultValue={settings.redHeaderText} maxLength={30} />
        </label>
        <label>
          <span className="label">报送截止（次年，月-日）</span>
          <input className="input" name="submitDue" defaultValue={settings.submitDue} pattern="\d{2}-\d{2}" required />
        </label>
        <label>
          <span className="label">公开截止（次年，月-日）</span>
          <input className="input" name="publishDue" defaultValue={settings.publishDue} pattern="\d{2}-\d{2}" required />
        </label>
        <p className="text-xs text-slate-600 sm:col-span-2">
          法定期限：次年 3 月 1 日前报送上级，4 月 1 日前公开。只有主要负责人可以定稿；保密审查由法治办初审、其他领导复审、主要负责人批准。
        </p>
      </ActionForm>
    </section>
  );
}
