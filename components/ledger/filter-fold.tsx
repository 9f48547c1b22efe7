"use client";

import { useEffect, useState } from "react";

/**
 * The ledger filters fold away on a phone (≤ 640 px) behind a 筛选 button, so the list starts on
 * the first screen; on wider screens they stay open. Rendered open on the server (desktop first).
 */
export function FilterFold({ active, children }: { active: number; children: React.ReactNode }) {
  const [narrow, setNarrow] = useState(false);
  const [open, setOpen] = useState(true);
  useEffect(() => {
    const query = window.matchMedia("(max-width: 639px)");
    const apply = () => {
      setNarrow(query.matches);
      setOpen(!query.matches);
    };
    apply();
    query.addEventListener("change", apply);
    return () => query.removeEventListener("change", apply);
  }, []);
  return (
    <div data-testid="filter-fold">
      {narrow ? (
        <button type="button" className="btn mb-2 w-full justify-center" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {open ? "收起筛选" : `筛选${active ? `（已设 ${active} 项）` : ""}`}
        </button>
      ) : null}
      {open ? children : null}
    </div>
  );
}
