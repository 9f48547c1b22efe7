"use client";

import { useState } from "react";
import { draftCounts, toDraft, withYear, type DraftPoint, type DraftTarget, type OfficeRef, type PlanDraft } from "@/lib/plan/import-draft";
import type { DocumentPlan, ImportInfo } from "@/lib/plan/import-document";
import type { ImportOptionsInput } from "@/lib/plan/import-options";
import type { ColumnRole } from "@/lib/plan/table/columns";
import { PlanImportInput } from "./input";
import { PlanSourceView } from "./source-view";
import { DraftPointCard } from "./draft-point";
import { DraftUnassignedTargets } from "./draft-unassigned";
import { PlanImportSave } from "./save";
import { ReadingPanel } from "./reading";
import { parseFile } from "./parse-client";

/** The import editor: holds the parsed plan as state; source on the left, the editable plan on the right. */
export function PlanImportEditor({ offices, defaults }: { offices: OfficeRef[]; defaults: { year: number; unitName: string } }) {
  const [draft, setDraft] = useState<PlanDraft | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [info, setInfo] = useState<ImportInfo | null>(null);
  const [options, setOptions] = useState<ImportOptionsInput>({});
  const [rereading, setRereading] = useState(false);
  const [rereadError, setRereadError] = useState("");
  // Problems found by the last save attempt: listed at the top of the editor and beside each point.
  const [problems, setProblems] = useState<string[]>([]);

  const onParsed = (result: DocumentPlan, source: File | null) => {
    setFile(source);
    setInfo(result.info);
    setOptions({});
    setRereadError("");
    setDraft(result.info.needsMapping ? null : toDraft(result.plan, offices, defaults));
  };
  /** Reads the same file again with the sheet or column mapping the user chose. */
  async function reread(next: ImportOptionsInput) {
    if (!file) return;
    setRereading(true);
    setRereadError("");
    const result = await parseFile(file, next);
    setRereading(false);
    if (!result.ok) {
      setRereadError(result.message);
      return;
    }
    setOptions(next);
    setInfo(result.info);
    setDraft(result.info.needsMapping ? null : toDraft(result.plan, offices, defaults));
  }
  const chooseSheet = (sheet: string) => void reread({ sheet });
  // The mapping belongs to the sheet it was made on: name it, so the re-read cannot land on another.
  const chooseMapping = (columns: ColumnRole[], headerRow: number) => {
    const sheet = options.sheet ?? info?.sheet;
    void reread({ ...(sheet ? { sheet } : {}), mapping: { columns, headerRow } });
  };
  const update = (patch: Partial<PlanDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const updatePoint = (key: string, patch: Partial<DraftPoint>) =>
    setDraft((d) => d && { ...d, sections: d.sections.map((s) => ({ ...s, points: s.points.map((p) => (p.key === key ? { ...p, ...patch } : p)) })) });
  const assign = (target: DraftTarget, pointKey: string) =>
    setDraft((d) => d && {
      ...d,
      unassigned: d.unassigned.filter((t) => t.key !== target.key),
      sections: d.sections.map((s) => ({ ...s, points: s.points.map((p) => (p.key === pointKey ? { ...p, targets: [...p.targets, target] } : p)) })),
    });
  const discard = (target: DraftTarget) => setDraft((d) => d && { ...d, unassigned: d.unassigned.filter((t) => t.key !== target.key) });

  const counts = draft ? draftCounts(draft) : null;
  return (
    <div className="space-y-4">
      <PlanImportInput onParsed={onParsed} />
      {info && file && (info.needsMapping || info.tables.length > 0 || (info.sheets?.length ?? 0) > 1 || info.format !== "txt") ? (
        <ReadingPanel info={info} pending={rereading} onSheet={chooseSheet} onMapping={chooseMapping} />
      ) : null}
      {rereadError ? <p role="alert" className="text-sm text-red-700" data-testid="reread-error">{rereadError}</p> : null}
      {draft && counts ? (
        <>
          <p role="status" className="rounded border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="parse-summary">
            识别出 {counts.sections} 个部分、{counts.points} 条要点、{counts.targets} 项量化指标
          </p>
          {draft.warnings.length ? (
            <ul className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" aria-label="解析提示">
              {draft.warnings.map((w) => <li key={w}>{w}</li>)}
            </ul>
          ) : null}
          <div className="grid gap-4 lg:grid-cols-2">
            <PlanSourceView draft={draft} pages={info?.pages} />
            <section className="card space-y-4" aria-labelledby="editor-title">
              <h2 id="editor-title" className="font-semibold">第二步：核对并修改</h2>
              {problems.length ? (
                <div id="draft-problems" role="alert" className="scroll-mt-4 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
                  <p className="font-medium">保存前请先处理以下问题：</p>
                  <ul className="list-disc pl-5">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
                </div>
              ) : null}
              <div className="grid gap-2 sm:grid-cols-4">
                <label>
                  <span className="label">年度</span>
                  <input className="input" inputMode="numeric" value={draft.year} onChange={(e) => update({ year: e.target.value })} onBlur={() => setDraft((d) => d && withYear(d, d.year))} />
                </label>
                <label className="sm:col-span-3">
                  <span className="label">标题</span>
                  <input className="input" value={draft.title} onChange={(e) => update({ title: e.target.value })} maxLength={200} />
                </label>
                <label className="sm:col-span-4">
                  <span className="label">单位名称</span>
                  <input className="input" value={draft.unitName} onChange={(e) => update({ unitName: e.target.value })} maxLength={60} />
                </label>
                <label className="sm:col-span-4">
                  <span className="label">导语</span>
                  <textarea className="input min-h-20 font-serif" value={draft.preamble} onChange={(e) => update({ preamble: e.target.value })} maxLength={5000} />
                </label>
              </div>
              <DraftUnassignedTargets draft={draft} onAssign={assign} onDiscard={discard} />
              {draft.sections.map((section, index) => (
                <section key={section.key} className="space-y-3" data-testid="draft-section">
                  <label className="block">
                    <span className="label">第{index + 1}部分标题</span>
                    <input
                      className="input font-semibold"
                      value={section.title}
                      onChange={(e) => setDraft((d) => d && { ...d, sections: d.sections.map((s) => (s.key === section.key ? { ...s, title: e.target.value } : s)) })}
                      maxLength={100}
                    />
                  </label>
                  {section.points.map((point) => (
                    <DraftPointCard
                      key={point.key}
                      point={point}
                      offices={offices}
                      onChange={(patch) => updatePoint(point.key, patch)}
                      problems={problems.filter((p) => p.startsWith(`要点 ${point.number}：`) || p.startsWith(`要点 ${point.number} `))}
                    />
                  ))}
                </section>
              ))}
            </section>
          </div>
          <PlanImportSave draft={draft} onProblems={setProblems} />
        </>
      ) : null}
    </div>
  );
}
