"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { ACCEPTED_FILE_TYPES, ACCEPTED_TYPES_LABEL, MAX_ATTACHMENT_BYTES } from "@/lib/ledger/constants";

/** Uploads one evidence file to POST /api/ledger/[id]/attachments (the server checks everything again). */
export function AttachmentUpload({ entryId }: { entryId: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: "请选择要上传的文件" });
    if (file.size === 0) return setMessage({ ok: false, text: "文件为空，请重新选择" });
    if (file.size > MAX_ATTACHMENT_BYTES) return setMessage({ ok: false, text: "文件超过 20 MB 上限" });
    setPending(true);
    setMessage(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(`/api/ledger/${entryId}/attachments`, { method: "POST", body });
      const result = (await response.json().catch(() => null)) as { ok?: boolean; message?: string } | null;
      const ok = response.ok && Boolean(result?.ok);
      setMessage({ ok, text: result?.message ?? (ok ? "已上传" : "上传失败，请稍后重试") });
      if (ok) {
        if (input.current) input.current.value = "";
        router.refresh();
      }
    } catch {
      setMessage({ ok: false, text: "网络错误，上传失败" });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" data-testid="attachment-upload">
      <div className="min-w-64">
        <label className="label" htmlFor={`upload-${entryId}`}>选择佐证材料</label>
        <input id={`upload-${entryId}`} ref={input} type="file" name="file" accept={ACCEPTED_FILE_TYPES} className="input" />
      </div>
      <button type="submit" className="btn" disabled={pending}>
        {pending ? "上传中…" : "上传"}
      </button>
      <span className="text-xs text-slate-500">支持 {ACCEPTED_TYPES_LABEL}，单个不超过 20 MB（签到表、照片、通知、纪要等）</span>
      {message ? (
        <span role={message.ok ? "status" : "alert"} className={message.ok ? "w-full text-sm text-green-700" : "w-full text-sm text-red-700"}>
          {message.text}
        </span>
      ) : null}
    </form>
  );
}
