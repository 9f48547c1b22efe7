import { ActionForm } from "@/components/action-form";
import { updateOutboundSettingsAction } from "@/lib/outbound/actions";
import { SMTP_SECURITY, SMTP_SECURITY_LABEL } from "@/lib/outbound/settings";

export interface SettingsRow {
  version: number;
  remindersEnabled: boolean;
  reminderLeadDays: number;
  overdueRepeatDays: number;
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: string;
  smtpUser: string;
  hasPassword: boolean;
  smtpFrom: string;
  webhookUrl: string;
}

/** The 系统管理员's form for automatic reminders, the unit's SMTP server and the robot webhook. */
export function OutboundSettingsForm({ settings }: { settings: SettingsRow }) {
  return (
    <ActionForm action={updateOutboundSettingsAction} submitLabel="保存提醒设置" className="grid max-w-3xl gap-3 sm:grid-cols-2">
      <input type="hidden" name="version" value={settings.version} />
      <fieldset className="sm:col-span-2 grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 font-medium">自动提醒</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="remindersEnabled" defaultChecked={settings.remindersEnabled} /> 开启自动提醒
        </label>
        <label>
          <span className="label">临近提醒：到期前天数</span>
          <input className="input" type="number" min={0} max={60} name="reminderLeadDays" defaultValue={settings.reminderLeadDays} required />
        </label>
        <label>
          <span className="label">到期催办：逾期后每隔天数（0 为只催一次）</span>
          <input className="input" type="number" min={0} max={60} name="overdueRepeatDays" defaultValue={settings.overdueRepeatDays} required />
        </label>
        <p className="sm:col-span-3 text-xs text-slate-600">
          每天 8 时起发送：临近提醒发给牵头科室人员；到期催办发给牵头科室人员和法治办。站内消息总会发送；填写邮件服务器后，同时发邮件给已登记邮箱的人员；填写推送地址后，同时推送到政务微信/钉钉群。
        </p>
      </fieldset>
      <fieldset className="sm:col-span-2 grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 font-medium">邮件服务器（SMTP，可不填）</legend>
        <label>
          <span className="label">服务器地址</span>
          <input className="input" name="smtpHost" defaultValue={settings.smtpHost} placeholder="mail.example.gov.cn" />
        </label>
        <label>
          <span className="label">端口</span>
          <input className="input" type="number" min={1} max={65535} name="smtpPort" defaultValue={settings.smtpPort} required />
        </label>
        <label>
          <span className="label">加密方式</span>
          <select className="input" name="smtpSecurity" defaultValue={settings.smtpSecurity}>
            {SMTP_SECURITY.map((s) => (
              <option key={s} value={s}>{SMTP_SECURITY_LABEL[s]}</option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">发件人</span>
          <input className="input" name="smtpFrom" defaultValue={settings.smtpFrom} placeholder="法治办 <fazhiban@example.gov.cn>" />
        </label>
        <label>
          <span className="label">登录用户名（可不填）</span>
          <input className="input" name="smtpUser" defaultValue={settings.smtpUser} autoComplete="off" />
        </label>
        <label>
          <span className="label">登录密码{settings.hasPassword ? "（已设置，留空则不变）" : "（可不填）"}</span>
          <input className="input" type="password" name="smtpPassword" autoComplete="new-password" />
        </label>
        {settings.hasPassword ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="clearSmtpPassword" /> 清除已保存的密码
          </label>
        ) : null}
      </fieldset>
      <label className="sm:col-span-2">
        <span className="label">政务微信 / 钉钉群机器人推送地址（可不填）</span>
        <input className="input" name="webhookUrl" defaultValue={settings.webhookUrl} placeholder="https://…/cgi-bin/webhook/send?key=…" />
      </label>
    </ActionForm>
  );
}
