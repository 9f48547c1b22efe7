"use client";

import { useActionState, useState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { confirmTotpAction, disableTotpAction, regenerateRecoveryCodesAction } from "@/lib/account/totp-actions";

interface Offer {
  secret: string;
  uri: string;
  token: string;
}

interface Props {
  /** When the factor was enabled (formatted), or null. */
  enabledAt: string | null;
  canDisable: boolean;
  remaining: number;
  total: number;
  offer: Offer;
  qrDataUrl: string;
  /** Where "我已保存" goes: the dashboard once a pending enrolment is done, else this page again. */
  afterSave: string;
}

function Message({ state, testId }: { state: ActionState; testId: string }) {
  if (!state.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      data-testid={testId}
      className={`rounded px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
    >
      {state.message}
    </p>
  );
}

function recoveryCodesOf(state: ActionState): string[] | null {
  const codes = state.ok ? state.data?.recoveryCodes : undefined;
  return Array.isArray(codes) && codes.every((code) => typeof code === "string") ? (codes as string[]) : null;
}

/** Recovery codes, shown once: the page moves on only when the user says they are saved. */
function RecoveryCodes({ codes, afterSave }: { codes: string[]; afterSave: string }) {
  const [saved, setSaved] = useState(false);
  return (
    <section className="card space-y-3 border-amber-300" aria-labelledby="recovery-title">
      <h2 id="recovery-title" className="text-lg font-semibold">恢复码（只显示这一次）</h2>
      <p className="text-sm text-slate-600">
        手机丢失或无法使用验证器时，可用恢复码代替动态验证码登录，每个恢复码只能使用一次。请抄写或打印后妥善保管，不要保存在本电脑上。
      </p>
      <ol data-testid="recovery-codes" className="grid grid-cols-2 gap-2 font-mono text-base">
        {codes.map((code) => (
          <li key={code} className="rounded border border-slate-200 bg-slate-50 px-3 py-1 text-center">{code}</li>
        ))}
      </ol>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        我已妥善保存以上恢复码
      </label>
      <button type="button" className="btn-primary" disabled={!saved} onClick={() => window.location.assign(afterSave)}>
        我已保存，继续
      </button>
    </section>
  );
}

function CurrentFactorField({ id }: { id: string }) {
  return (
    <div>
      <label className="label" htmlFor={id}>当前动态验证码或恢复码</label>
      <input id={id} name="current" autoComplete="one-time-code" className="input max-w-xs" required maxLength={32} />
    </div>
  );
}

export function TotpPanel({ enabledAt, canDisable, remaining, total, offer, qrDataUrl, afterSave }: Props) {
  const [enrolState, enrolAction, enrolPending] = useActionState(confirmTotpAction, IDLE);
  const [regenState, regenAction, regenPending] = useActionState(regenerateRecoveryCodesAction, IDLE);
  const [disableState, disableAction, disablePending] = useActionState(disableTotpAction, IDLE);
  const newCodes = recoveryCodesOf(enrolState) ?? recoveryCodesOf(regenState);
  if (newCodes) {
    return (
      <div className="space-y-4">
        <p role="status" data-testid="totp-done" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
          {(recoveryCodesOf(enrolState) ? enrolState : regenState).message}
        </p>
        <RecoveryCodes codes={newCodes} afterSave={afterSave} />
      </div>
    );
  }
  if (disableState.ok) {
    return (
      <div className="space-y-3">
        <Message state={disableState} testId="totp-disable-message" />
        <button type="button" className="btn" onClick={() => window.location.assign("/account/security")}>刷新</button>
      </div>
    );
  }

  const enrolForm = (reenrol: boolean) => (
    <EnrolFormWithState offer={offer} qrDataUrl={qrDataUrl} reenrol={reenrol} state={enrolState} action={enrolAction} pending={enrolPending} />
  );

  if (!enabledAt) {
    return (
      <section className="card space-y-4">
        <p className="text-sm" data-testid="totp-status">状态：<strong>未启用</strong></p>
        {enrolForm(false)}
      </section>
    );
  }

  return (
    <div className="space-y-6">
      <section className="card space-y-2">
        <p className="text-sm" data-testid="totp-status">状态：<strong className="text-green-700">已启用</strong>（{enabledAt} 起）</p>
        <p className="text-sm" data-testid="recovery-remaining">
          剩余可用恢复码：<strong>{remaining}</strong> / {total} 个{remaining <= 3 ? "，建议重新生成" : ""}
        </p>
      </section>

      <section className="card space-y-3">
        <h2 className="font-semibold">重新生成恢复码</h2>
        <p className="text-sm text-slate-600">生成一组新的 {total} 个恢复码，原有恢复码（无论是否用过）全部作废。</p>
        <form action={regenAction} className="space-y-3">
          <CurrentFactorField id="regen-current" />
          <Message state={regenState} testId="totp-regen-message" />
          <button type="submit" className="btn" disabled={regenPending}>{regenPending ? "正在生成…" : "重新生成恢复码"}</button>
        </form>
      </section>

      <section className="card">
        <details>
          <summary className="cursor-pointer font-semibold">更换手机 / 重新绑定验证器</summary>
          <div className="mt-3">{enrolForm(true)}</div>
        </details>
      </section>

      {canDisable ? (
        <section className="card space-y-3">
          <h2 className="font-semibold">停用双因素认证</h2>
          <p className="text-sm text-slate-600">停用后登录只需用户名和密码，安全性降低。管理员账户不能停用。</p>
          <form action={disableAction} className="space-y-3">
            <CurrentFactorField id="disable-current" />
            <Message state={disableState} testId="totp-disable-message" />
            <button type="submit" className="btn-danger" disabled={disablePending}>{disablePending ? "正在停用…" : "停用双因素认证"}</button>
          </form>
        </section>
      ) : (
        <p className="text-sm text-slate-500">管理员账户必须启用双因素认证，不能停用；更换手机时请重新绑定。</p>
      )}
    </div>
  );
}

/** The enrolment form driven by the panel's action state (so the recovery codes replace the whole panel). */
function EnrolFormWithState({
  offer,
  qrDataUrl,
  reenrol,
  state,
  action,
  pending,
}: {
  offer: Offer;
  qrDataUrl: string;
  reenrol: boolean;
  state: ActionState;
  action: (formData: FormData) => void;
  pending: boolean;
}) {
  const grouped = offer.secret.replace(/(.{4})/g, "$1 ").trim();
  return (
    <form action={action} className="space-y-4" data-testid="totp-enrol-form">
      <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
        <li>在手机上打开身份验证器 App（如 Microsoft Authenticator、Google 身份验证器、FreeOTP 等任一支持 TOTP 的应用）。</li>
        <li>扫描下面的二维码；无法扫码时，选择“手动输入密钥”并输入下面的密钥（基于时间，6 位，30 秒）。</li>
        <li>输入 App 当前显示的 6 位动态验证码，完成绑定。</li>
      </ol>
      <div className="flex flex-wrap items-start gap-6">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
        <img src={qrDataUrl} alt="动态验证码绑定二维码" width={192} height={192} className="rounded border border-slate-200 bg-white" />
        <div className="min-w-0 flex-1 space-y-2 text-sm">
          <div>
            <div className="text-slate-500">密钥</div>
            <code data-testid="totp-secret" data-secret={offer.secret} className="break-all font-mono text-base">{grouped}</code>
          </div>
          <details>
            <summary className="cursor-pointer text-slate-500">绑定链接（otpauth）</summary>
            <code data-testid="totp-uri" className="break-all text-xs">{offer.uri}</code>
          </details>
        </div>
      </div>
      <input type="hidden" name="token" value={offer.token} />
      <div>
        <label className="label" htmlFor="totp-code">验证器显示的 6 位验证码</label>
        <input id="totp-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} className="input max-w-xs tracking-widest" required />
      </div>
      {reenrol ? <CurrentFactorField id="reenrol-current" /> : null}
      <Message state={state} testId="totp-enrol-message" />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "正在验证…" : reenrol ? "确认重新绑定" : "确认绑定"}
      </button>
    </form>
  );
}
