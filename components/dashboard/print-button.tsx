"use client";

export function PrintButton() {
  return (
    <button type="button" className="btn no-print" onClick={() => window.print()}>
      打印看板
    </button>
  );
}
