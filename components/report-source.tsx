"use client";

import Link from "next/link";
import { useId, useState } from "react";

export interface FigureSource {
  id: number;
  /** "2025年3月12日" */
  dateText: string;
  title: string;
  officeName: string;
  current: boolean;
}

/**
 * A figure of the draft ("组织专题学习6次") that opens, on hover or click, the ledger entries it
 * was counted from, each linking to /ledger/[id]. A click pins the list open; Esc closes it.
 */
export function ReportFigure({ text, sources }: { text: string; sources: FigureSource[] }) {
  const [hover, setHover] = useState(false);
  const [pinned, setPinned] = useState(false);
  const panelId = useId();
  const open = hover || pinned;
  return (
    <span className="relative inline" onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)}>
      {/* A span, not a <button>: a button is an unbreakable inline block, which would tear
          the justified lines of a long figure phrase apart. */}
      <span
        role="button"
        tabIndex={0}
        className="cursor-pointer rounded-sm bg-amber-50 underline decoration-amber-500 decoration-dotted underline-offset-4 hover:bg-amber-100 focus:outline-2 focus:outline-amber-500"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="report-figure"
        onClick={() => setPinned((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            setPinned((value) => !value);
          } else if (event.key === "Escape") {
            setPinned(false);
            setHover(false);
          }
        }}
      >
        {text}
      </span>
      {open ? (
        <span
          id={panelId}
          role="dialog"
          aria-label="数据来源"
          className="absolute left-0 top-full z-20 mt-1 block w-80 max-w-[80vw] rounded border border-slate-300 bg-white p-2 indent-0 font-sans text-sm leading-normal shadow-lg"
          data-testid="report-figure-sources"
        >
          <span className="mb-1 block text-xs text-slate-500">数据来源：{sources.length} 条台账记录</span>
          <span className="block max-h-60 overflow-y-auto">
            {sources.map((entry) => (
              <span key={entry.id} className="block border-t border-slate-100 py-1 first:border-t-0">
                <span className="block text-xs text-slate-500">
                  {entry.dateText} · {entry.officeName}
                  {entry.current ? null : <span className="ml-1 text-red-700">（已撤回或删除）</span>}
                </span>
                <Link href={`/ledger/${entry.id}`} className="text-brand hover:underline">
                  {entry.title}
                </Link>
              </span>
            ))}
          </span>
        </span>
      ) : null}
    </span>
  );
}
