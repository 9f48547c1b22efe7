import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { ActionForm } from "@/components/action-form";
import { approveBulletinAction, returnBulletinAction, submitBulletinAction } from "@/lib/bulletins/actions";
import { BULLETIN_TRANSITIONS, statusLabel, type BulletinTransition } from "@/lib/bulletins/workflow";

const STATUS_CLASS: Record<string, string> = {
  DRAFT: "border-amber-300 bg-amber-50 text-amber-800",
  IN_REVIEW: "border-sky-300 bg-sky-50 text-sky-800",
  APPROVED: "border-green-300 bg-green-50 text-green-800",
};

export function BulletinStatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs ${STATUS_CLASS[status] ?? "border-slate-300 bg-slate-100"}`} data-testid="bulletin-status">
      {statusLabel(status)}
    </span>
  );
}

const ACTIONS = { submit: submitBulletinAction, approve: approveBulletinAction, return: returnBulletinAction } as const;

/** The buttons this user may press on a bulletin in this status, and the Word download. */
export function BulletinWorkflow({ id, status, version, role }: { id: number; status: string; version: number; role: Role }) {
  const available = (Object.keys(BULLETIN_TRANSITIONS) as BulletinTransition[]).filter(
    (kind) => BULLETIN_TRANSITIONS[kind].from === status && can(role, BULLETIN_TRANSITIONS[kind].permission),
  );
  return (
    <div className="flex flex-wrap items-start gap-3" data-testid="bulletin-workflow">
      {available.map((kind) => (
        <ActionForm key={kind} action={ACTIONS[kind]} submitLabel={BULLETIN_TRANSITIONS[kind].label} buttonClassName={kind === "return" ? "btn" : "btn-primary"} className="flex flex-wrap items-end gap-2 [&>div]:mt-0">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          {kind === "return" ? <input className="input w-64" name="comment" aria-label="修改意见" placeholder="修改意见（必填）" /> : null}
        </ActionForm>
      ))}
      <a href={`/api/export/bulletin?id=${id}`} className="btn" download data-testid="bulletin-export">
        下载 Word
      </a>
    </div>
  );
}
