"use client";

/** Opens the browser's print dialog, where "另存为 PDF" is one of the printers. */
export function ReportPrintButton() {
  return (
    <button type="button" className="btn-primary" onClick={() => window.print()}>
      打印 / 另存为 PDF
    </button>
  );
}
