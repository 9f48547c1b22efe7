"use client";

import { useRef, useState } from "react";
import { preUploadProblem } from "@/lib/plan/import-limits";
import type { ParsedPlan } from "@/lib/plan/types";

type ParseResponse = { ok: true; plan: ParsedPlan } | { ok: false; message: string };

async function postForParse(body: BodyInit, headers: Record<string, string>): Promise<ParseResponse> {
  let response: Response;
  try {
    response = await fetch("/api/plans/parse", { method: "POST", body, headers, credentials: "same-origin" });
  } catch {
    return { ok: false, message: "网络错误，未能上传，请稍后重试" };
  }
  try {
    return (await response.json()) as ParseResponse;
  } catch {
    return { ok: false, message: response.status === 413 ? "文件超过 10 MB，无法导入" : `解析失败（${response.status}），请稍后重试` };
  }
}

/** Paste or upload: sends the text or file to /api/plans/parse and hands the ParsedPlan on. */
export function PlanImportInput({ onParsed }: { onParsed: (plan: ParsedPlan) => void }) {
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  async function run(body: BodyInit, headers: Record<string, string>) {
    setPending(true);
    setError("");
    const result = await postForParse(body, headers);
    setPending(false);
    if (result.ok) onParsed(result.plan);
    else setError(result.message);
  }

  function parseText() {
    if (!text.trim()) {
      setError("请先粘贴工作要点全文");
      return;
    }
    void run(text, { "Content-Type": "text/plain; charset=utf-8" });
  }

  function uploadFile(file: File | undefined) {
    if (!file) return;
    const problem = preUploadProblem(file);
    if (problem) {
      setError(problem);
      if (fileRef.current) fileRef.current.value = "";
      return;
    }
    void run(file, { "Content-Type": "application/octet-stream", "X-File-Name": encodeURIComponent(file.name) });
  }

  return (
    <section className="card mb-4 space-y-3" aria-labelledby="import-input-title">
      <h2 id="import-input-title" className="font-semibold">第一步：提供工作要点原文</h2>
      <label className="block">
        <span className="label">要点全文</span>
        <textarea
          className="input min-h-40 font-serif"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="将工作要点全文粘贴到这里（包括标题、“一、”“1.”等编号）"
        />
      </label>
      <div className="flex flex-wrap items-end gap-4">
        <button type="button" className="btn-primary" onClick={parseText} disabled={pending}>
          {pending ? "正在解析…" : "解析文本"}
        </button>
        <label>
          <span className="label">或上传文件（.txt / .docx，不超过 10 MB）</span>
          <input
            ref={fileRef}
            type="file"
            accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            className="text-sm"
            disabled={pending}
            onChange={(e) => uploadFile(e.target.files?.[0])}
          />
        </label>
      </div>
      {error ? <p role="alert" className="text-sm text-red-700" data-testid="import-error">{error}</p> : null}
    </section>
  );
}
