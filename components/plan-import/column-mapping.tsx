"use client";

import { useState } from "react";
import type { ImportTableInfo } from "@/lib/plan/import-document";
import { COLUMN_ROLE_LABELS, COLUMN_ROLES, mappingProblems, type ColumnRole } from "@/lib/plan/table/columns";

/** The name of a column in the form: its header text, or its position when it has none. */
function columnName(table: ImportTableInfo, column: number, headerRow: number): string {
  const header = headerRow >= 0 ? (table.sample[headerRow]?.[column] ?? "") : "";
  return header.trim() !== "" ? `第${column + 1}列（${header.replace(/\s+/g, "")}）` : `第${column + 1}列`;
}

/** One select per column: which part of a work point the column holds; and which row is the header. */
export function ColumnMappingForm({ table, pending, onApply }: { table: ImportTableInfo; pending: boolean; onApply: (columns: ColumnRole[], headerRow: number) => void }) {
  const initialRoles = table.roles.length === table.columnCount ? table.roles : Array.from({ length: table.columnCount }, (): ColumnRole => "ignore");
  const [roles, setRoles] = useState<ColumnRole[]>(initialRoles);
  const [headerRow, setHeaderRow] = useState<number>(table.headerRow ?? 0);
  const [problems, setProblems] = useState<string[]>([]);
  const sampleRow = table.sample[headerRow + 1] ?? table.sample[0] ?? [];

  function apply() {
    const found = mappingProblems(roles);
    setProblems(found);
    if (found.length === 0) onApply(roles, headerRow);
  }

  return (
    <fieldset className="space-y-3" data-testid="column-mapping">
      <legend className="text-sm font-semibold">表格列对应（共 {table.columnCount} 列{table.sheet ? `，工作表“${table.sheet}”` : ""}{table.page ? `，第 ${table.page} 页起` : ""}）</legend>
      <label className="block max-w-md">
        <span className="label">表头所在行</span>
        <select className="input" value={headerRow} onChange={(e) => setHeaderRow(Number(e.target.value))}>
          <option value={-1}>无表头（从第一行起都是内容）</option>
          {table.sample.map((row, index) => (
            <option key={index} value={index}>第{index + 1}行：{row.filter((cell) => cell !== "").join(" | ").slice(0, 60)}</option>
          ))}
        </select>
      </label>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {roles.map((role, column) => (
          <label key={column} className="block">
            <span className="label">{columnName(table, column, headerRow)}</span>
            <select
              className="input"
              value={role}
              onChange={(e) => setRoles((current) => current.map((r, i) => (i === column ? (e.target.value as ColumnRole) : r)))}
            >
              {COLUMN_ROLES.map((option) => <option key={option} value={option}>{COLUMN_ROLE_LABELS[option]}</option>)}
            </select>
            {sampleRow[column] ? <span className="mt-1 block truncate text-xs text-slate-500">例：{sampleRow[column]}</span> : null}
          </label>
        ))}
      </div>
      {problems.length > 0 ? <ul role="alert" className="text-sm text-red-700">{problems.map((p) => <li key={p}>{p}</li>)}</ul> : null}
      <button type="button" className="btn-primary" onClick={apply} disabled={pending}>{pending ? "正在识别…" : "按此对应重新识别"}</button>
    </fieldset>
  );
}
