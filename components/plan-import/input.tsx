"use client";

import { useRef, useState } from "react";
import { IMPORT_ACCEPT, preUploadProblem } from "@/lib/plan/import-limits";
import type { DocumentPlan } from "@/lib/plan/import-document";
import { parseFile, parseText, type ParseResult } from "./parse-client";

/** Paste or upload: sends the text or file to /api/plans/parse and hands the result (and the file, for re-reading) on. */
export function PlanImportInput({ onParsed }: { onParsed: (result: DocumentPlan, file: File | null) => void }) {
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  async function run(request: Promise<ParseResult>, file: File | null) {
    setPending(true);
    setError("");
    const result = await request;
    setPending(false);
    if (result.ok) onParsed({ plan: result.plan, info: result.info }, file);
    else setError(result.message);
  }

  function submitText() {
    if (!text.trim()) {
      setError("请先粘贴工作要点全文");
      return;
    }
    void run(parseText(text), null);
  }

  function uploadFile(file: File | undefined) {
    if (!file) return;
    const problem = preUploadProblem(file);
    if (problem) {
      setError(problem);
      if (fileRef.current) fileRef.current.value = "";
      return;
    }
    void run(parseFile(file), file);
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
        <button type="button" className="btn-primary" onClick={submitText} disabled={pending}>
          {pending ? "正在解析…" : "解析文本"}
        </button>
        <label>
          <span className="label">或上传文件（Word、WPS、Excel、PDF 或文本，不超过 10 MB）</span>
          <input ref={fileRef} type="file" accept={IMPORT_ACCEPT} className="text-sm" disabled={pending} onChange={(e) => uploadFile(e.target.files?.[0])} />
        </label>
      </div>
      {error ? <p role="alert" className="text-sm text-red-700" data-testid="import-error">{error}</p> : null}
    </section>
  );
}
