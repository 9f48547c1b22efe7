import { removeAttachmentAction } from "@/lib/ledger/actions";
import { LedgerActionForm } from "./ledger-action-form";
import { AttachmentUpload } from "./attachment-upload";

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function AttachmentList({
  entryId,
  attachments,
  editable,
}: {
  entryId: number;
  attachments: { id: number; fileName: string; mimeType: string; size: number; sha256: string }[];
  editable: boolean;
}) {
  return (
    <section className="card space-y-3" aria-labelledby="attachments-title">
      <h2 id="attachments-title" className="font-semibold">佐证材料（{attachments.length}）</h2>
      {attachments.length === 0 ? <p className="text-sm text-slate-500">尚未上传佐证材料。</p> : null}
      <ul className="divide-y divide-slate-100" data-testid="attachment-list">
        {attachments.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
            {a.mimeType === "image/jpeg" || a.mimeType === "image/png" ? (
              <a href={`/api/attachments/${a.id}?preview=1`} target="_blank" rel="noopener" className="shrink-0" title="在新窗口查看原图">
                {/* eslint-disable-next-line @next/next/no-img-element -- an authorised download, not a static asset */}
                <img src={`/api/attachments/${a.id}?preview=1`} alt={`${a.fileName} 预览`} className="h-16 w-16 rounded border border-slate-200 object-cover" loading="lazy" data-testid="attachment-thumbnail" />
              </a>
            ) : null}
            <a href={`/api/attachments/${a.id}`} className="text-brand hover:underline" download>{a.fileName}</a>
            {a.mimeType === "application/pdf" || a.mimeType.startsWith("image/") ? (
              <a href={`/api/attachments/${a.id}?preview=1`} target="_blank" rel="noopener" className="text-xs text-brand hover:underline" data-testid="attachment-preview">预览</a>
            ) : null}
            <span className="text-xs text-slate-500">{size(a.size)}</span>
            <span className="font-mono text-xs text-slate-400" title={`SHA-256 ${a.sha256}`}>SHA-256 {a.sha256.slice(0, 12)}…</span>
            {editable ? (
              <LedgerActionForm action={removeAttachmentAction} submitLabel="删除" buttonClassName="text-xs text-red-700 hover:underline" className="ml-auto">
                <input type="hidden" name="id" value={a.id} />
              </LedgerActionForm>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? <AttachmentUpload entryId={entryId} /> : null}
    </section>
  );
}
