"use client";

import { useActionState, useState } from "react";
import { IDLE } from "@/lib/action-state";
import { importRubricAction } from "@/lib/assessment/actions";
import { RULE_LABELS, SCORING_RULES, formatScore, type ScoringRule } from "@/lib/assessment/rules";
import type { RubricRow } from "@/lib/assessment/rubric-table";
import type { RubricParseResponse } from "@/app/api/assessment/parse/route";

const LEVEL = ["", "一级", "二级", "三级"];

async function parse(file: File, pointsColumn?: number): Promise<RubricParseResponse> {
  const headers: Record<string, string> = { "Content-Type": "application/octet-stream", "X-File-Name": encodeURIComponent(file.name) };
  if (pointsColumn !== undefined) headers["X-Rubric-Options"] = encodeURIComponent(JSON.stringify({ pointsColumn }));
  try {
    const response = await fetch("/api/assessment/parse", { method: "POST", body: file, headers, credentials: "same-origin" });
    return (await response.json()) as RubricParseResponse;
  } catch {
    return { ok: false, message: "网络错误，未能上传，请稍后重试" };
  }
}

/** Upload a 考核指标 table (Word / Excel), preview and correct it, then save (nothing is saved before). */
export function RubricImport({ year, hasRubric }: { year: number; hasRubric: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RubricParseResponse | null>(null);
  const [rows, setRows] = useState<RubricRow[]>([]);
  const [pointsColumn, setPointsColumn] = useState("");
  const [state, formAction, pending] = useActionState(importRubricAction, IDLE);

  async function read(column?: number) {
    if (!file) return;
    setBusy(true);
    const parsed = await parse(file, column);
    setBusy(false);
    setResult(parsed);
    setRows(parsed.ok ? parsed.rows : []);
  }
  const update = (i: number, patch: Partial<RubricRow>) => setRows((all) => all.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const isLeaf = (i: number) => !rows[i + 1] || (rows[i + 1] as RubricRow).level <= (rows[i] as RubricRow).level;
  const total = rows.reduce((s, r, i) => s + (isLeaf(i) ? (r.points ?? 0) : 0), 0);
  const needsReplace = Boolean(state.data?.needsReplace) || hasRubric;

  return (
    <section className="card space-y-3" aria-labelledby="rubric-import-title">
      <h2 id="rubric-import-title" className="text-lg font-semibold">导入考核指标</h2>
      <p className="text-sm text-slate-600">上传上级下发的考核指标表（Word .docx 或 Excel .xlsx），识别一级/二级/三级指标、评分标准和分值，预览核对后再保存。</p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="text-sm">
          考核指标文件
          <input type="file" accept=".docx,.xlsx,.doc,.wps,.pdf" className="ml-2" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); setRows([]); }} />
        </label>
        <button type="button" className="btn" disabled={!file || busy} onClick={() => read()}>{busy ? "识别中…" : "识别"}</button>
      </div>
      {result && !result.ok ? (
        <div role="alert" className="space-y-2 text-sm text-red-700">
          <p>{result.message}</p>
          {result.needsPointsColumn ? (
            <div className="flex items-center gap-2 text-slate-800">
              <label>
                分值所在的列
                <select className="ml-2 input" value={pointsColumn} onChange={(e) => setPointsColumn(e.target.value)}>
                  <option value="">请选择</option>
                  {result.needsPointsColumn.map((h, i) => <option key={i} value={i}>{`第${i + 1}列${h ? `：${h}` : ""}`}</option>)}
                </select>
              </label>
              <button type="button" className="btn" disabled={pointsColumn === "" || busy} onClick={() => read(Number(pointsColumn))}>重新识别</button>
            </div>
          ) : null}
        </div>
      ) : null}
      {result?.ok ? (
        <div className="space-y-2" data-testid="rubric-preview">
          <p className="text-sm">识别到 {rows.length} 项指标，分值合计 <strong>{formatScore(total)}</strong> 分。请核对后保存。</p>
          {result.warnings.length > 0 ? <ul className="list-disc pl-5 text-sm text-amber-800">{result.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul> : null}
          <div className="overflow-x-auto">
            <table className="table">
              <thead><tr className="text-left"><th>级别</th><th>指标</th><th>评分标准</th><th>分值</th><th>计分规则</th></tr></thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i} className="border-t align-top">
                    <td className="whitespace-nowrap">{LEVEL[row.level]}</td>
                    <td style={{ paddingLeft: `${(row.level - 1) * 1.2}em` }}>{row.title}{row.content ? <div className="text-xs text-slate-500">{row.content}</div> : null}</td>
                    <td className="max-w-md text-xs">{row.criteria}</td>
                    <td>
                      {isLeaf(i) ? (
                        <input aria-label={`${row.title} 分值`} className="input w-16" inputMode="decimal" value={row.points ?? ""} onChange={(e) => update(i, { points: e.target.value === "" || Number.isNaN(Number(e.target.value)) ? null : Number(e.target.value) })} />
                      ) : row.points !== null ? `（${formatScore(row.points)}）` : ""}
                    </td>
                    <td>
                      {isLeaf(i) ? (
                        <div className="flex items-center gap-1">
                          <select aria-label={`${row.title} 计分规则`} className="input" value={row.rule} onChange={(e) => update(i, { rule: e.target.value as ScoringRule })}>
                            {SCORING_RULES.map((r) => <option key={r} value={r}>{RULE_LABELS[r]}</option>)}
                          </select>
                          {row.rule === "DEDUCTION" ? <input aria-label={`${row.title} 每项扣分`} className="input w-14" value={row.deduction ?? ""} onChange={(e) => update(i, { deduction: e.target.value === "" ? null : Number(e.target.value) })} /> : null}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form action={formAction} className="flex flex-wrap items-center gap-3">
            <input type="hidden" name="year" value={year} />
            <input type="hidden" name="rows" value={JSON.stringify(rows)} />
            {needsReplace ? (
              <label className="text-sm"><input type="checkbox" name="replace" value="1" /> 替换 {year} 年度已有的考核指标</label>
            ) : null}
            <button type="submit" className="btn-primary" disabled={pending}>{pending ? "保存中…" : "保存考核指标"}</button>
            {state.message ? <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>{state.message}</span> : null}
          </form>
          {state.fieldErrors ? <ul className="text-sm text-red-700">{Object.entries(state.fieldErrors).map(([k, v]) => <li key={k}>{v.join("；")}</li>)}</ul> : null}
        </div>
      ) : null}
    </section>
  );
}
