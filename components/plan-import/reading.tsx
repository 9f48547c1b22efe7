"use client";

import type { ImportInfo } from "@/lib/plan/import-document";
import type { ColumnRole } from "@/lib/plan/table/columns";
import { ColumnMappingForm } from "./column-mapping";

const FORMAT_NAMES: Record<ImportInfo["format"], string> = {
  text: "粘贴的文本", txt: "文本文件", docx: "Word 文档", doc: "Word 97-2003 文档", wps: "WPS 文字文档", xlsx: "Excel 工作簿", pdf: "PDF 文件",
};

function modeText(info: ImportInfo): string {
  // A space between Chinese and a Latin word: "从 Word 文档", "从粘贴的文本".
  const name = FORMAT_NAMES[info.format];
  const source = /^[A-Za-z]/.test(name) ? ` ${name}` : name;
  if (info.mode === "table") return `从${source}的表格（任务分解表）读取：各列的对应如下，可修改后重新识别。`;
  if (info.mode === "text+table") return `从${source}的正文读取工作要点，附件分解表中的牵头科室、配合科室、完成时限已补入对应要点。`;
  return `从${source}的正文段落读取。`;
}

/** How the file was read (format, sheet, table columns), with the choices that re-read it. */
export function ReadingPanel({ info, pending, onSheet, onMapping }: {
  info: ImportInfo;
  pending: boolean;
  onSheet: (sheet: string) => void;
  onMapping: (columns: ColumnRole[], headerRow: number) => void;
}) {
  // The table to map: the first one not continuing an earlier (page-split) one.
  const table = info.tables.find((t) => t.source === "none") ?? info.tables.find((t) => t.source !== "continued");
  return (
    <section className="card space-y-3" aria-labelledby="reading-title" data-testid="reading-panel">
      <h2 id="reading-title" className="font-semibold">读取方式</h2>
      {info.needsMapping ? (
        <p role="alert" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          未能识别表格的表头，请指定各列对应的内容后重新识别。
        </p>
      ) : (
        <p className="text-sm text-slate-700" data-testid="reading-mode">{modeText(info)}</p>
      )}
      {info.sheets && info.sheets.length > 1 ? (
        <label className="block max-w-md">
          <span className="label">工作表</span>
          <select className="input" value={info.sheet ?? ""} disabled={pending} onChange={(e) => onSheet(e.target.value)}>
            {info.sheets.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </label>
      ) : null}
      {table ? <ColumnMappingForm key={`${table.index}:${table.roles.join(",")}:${table.headerRow}`} table={table} pending={pending} onApply={onMapping} /> : null}
    </section>
  );
}
