"use client";

import { useState } from "react";
import { FILE_TOO_LARGE_MESSAGE, ISSUERS, MAX_REGULATION_FILE_BYTES, REGULATION_FILE_ACCEPT } from "@/lib/regulations/constants";

interface Props {
  mode: "create" | "revise";
  /** revise: the rule and its row version. */
  regulationId?: number;
  expectedVersion?: number;
  defaultDocNumber?: string;
  categories?: string[];
  offices?: { id: number; name: string }[];
}

type Answer = { ok: boolean; message: string; id?: number; fieldErrors?: Record<string, string[]> };

/** 制定 and 修订: a file (.docx/.doc/.pdf/.txt) or pasted text, posted as multipart to the upload routes. */
export function RegulationUploadForm({ mode, regulationId, expectedVersion, defaultDocNumber = "", categories = [], offices = [] }: Props) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (file instanceof File && file.size > MAX_REGULATION_FILE_BYTES) {
      setAnswer({ ok: false, message: FILE_TOO_LARGE_MESSAGE });
      return;
    }
    setPending(true);
    try {
      const url = mode === "create" ? "/api/regulations" : `/api/regulations/${regulationId}/versions`;
      const response = await fetch(url, { method: "POST", body: form });
      const body = (await response.json().catch(() => ({ ok: false, message: "保存失败，请稍后重试" }))) as Answer;
      setAnswer(body);
      if (body.ok && body.id) window.location.assign(`/regulations/${body.id}`);
    } catch {
      setAnswer({ ok: false, message: "网络异常，未保存，请稍后重试" });
    } finally {
      setPending(false);
    }
  }

  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" data-testid={`regulation-${mode}-form`}>
      {mode === "revise" ? (
        <>
          <input type="hidden" name="expectedVersion" value={expectedVersion} />
        </>
      ) : (
        <>
          <div className="sm:col-span-2">
            <label className="label" htmlFor="reg-title">制度名称</label>
            <input id="reg-title" name="title" className="input" required maxLength={120} />
          </div>
          <div>
            <label className="label" htmlFor="reg-category-input">类别</label>
            <input id="reg-category-input" name="category" className="input" list="reg-categories" defaultValue={categories[0] ?? ""} required maxLength={30} />
            <datalist id="reg-categories">
              {categories.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </div>
          <div>
            <label className="label" htmlFor="reg-issuer">制定机关</label>
            <select id="reg-issuer" name="issuer" className="input" defaultValue="本机关">
              {ISSUERS.map((i) => (
                <option key={i} value={i}>{i}</option>
              ))}
            </select>
          </div>
          <div>
            <label className="label" htmlFor="reg-office-input">责任科室</label>
            <select id="reg-office-input" name="officeId" className="input" defaultValue="">
              <option value="">（未指定）</option>
              {offices.map((o) => (
                <option key={o.id} value={o.id}>{o.name}</option>
              ))}
            </select>
          </div>
          <div>
            <label className="label" htmlFor="reg-status-input">状态</label>
            <select id="reg-status-input" name="status" className="input" defaultValue="EFFECTIVE">
              <option value="EFFECTIVE">现行有效</option>
              <option value="TRIAL">试行（有效期默认 2 年）</option>
            </select>
          </div>
        </>
      )}
      <div>
        <label className="label" htmlFor={`reg-doc-${mode}`}>文号</label>
        <input id={`reg-doc-${mode}`} name="docNumber" className="input" defaultValue={defaultDocNumber} maxLength={60} placeholder="如：X政协办发〔2025〕3号" />
      </div>
      <div>
        <label className="label" htmlFor={`reg-adopted-${mode}`}>{mode === "create" ? "印发日期" : "修订印发日期"}</label>
        <input id={`reg-adopted-${mode}`} name="adoptedOn" type="date" className="input" defaultValue={today} required />
      </div>
      <div>
        <label className="label" htmlFor={`reg-effective-${mode}`}>施行日期（不填同印发日期）</label>
        <input id={`reg-effective-${mode}`} name="effectiveOn" type="date" className="input" />
      </div>
      {mode === "create" ? (
        <div>
          <label className="label" htmlFor="reg-valid">有效期至（不填：5 年，试行/暂行 2 年）</label>
          <input id="reg-valid" name="validUntil" type="date" className="input" />
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <label className="label" htmlFor={`reg-file-${mode}`}>制度文件（Word .docx/.doc、PDF、.txt，不超过 10 MB）</label>
        <input id={`reg-file-${mode}`} name="file" type="file" accept={REGULATION_FILE_ACCEPT} className="input" />
      </div>
      <div className="sm:col-span-2">
        <label className="label" htmlFor={`reg-text-${mode}`}>或粘贴制度全文（填写后以此为准）</label>
        <textarea id={`reg-text-${mode}`} name="fullText" rows={mode === "create" ? 10 : 8} className="input font-mono" placeholder={"第一章 总则\n第一条 为了……，制定本办法。"} />
      </div>
      <div className="sm:col-span-2">
        <label className="label" htmlFor={`reg-note-${mode}`}>{mode === "create" ? "说明（选填）" : "修订说明"}</label>
        <input id={`reg-note-${mode}`} name="note" className="input" maxLength={500} required={mode === "revise"} />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "正在保存…" : mode === "create" ? "保存制度" : "保存修订"}
        </button>
        {answer ? (
          <span role={answer.ok ? "status" : "alert"} className={answer.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>
            {answer.message}
          </span>
        ) : null}
      </div>
      {answer?.fieldErrors ? (
        <ul className="text-sm text-red-700 sm:col-span-2">
          {Object.entries(answer.fieldErrors).map(([field, messages]) => (
            <li key={field}>{messages.join("；")}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
