import Link from "next/link";
import type { RegulationListRow } from "@/lib/regulations/queries";
import { StatusBadge, day } from "./labels";

export function SearchResults({ rows, searched }: { rows: RegulationListRow[]; searched: boolean }) {
  if (rows.length === 0) {
    return <p className="card text-sm text-slate-600" data-testid="regulation-empty">{searched ? "没有找到符合条件的制度。" : "制度库中还没有制度。"}</p>;
  }
  return (
    <ol className="space-y-2" data-testid="regulation-results">
      {rows.map((r) => (
        <li key={r.id} className="card" data-testid="regulation-result">
          <div className="flex flex-wrap items-baseline gap-2">
            <Link href={`/regulations/${r.id}`} className="font-medium text-brand hover:underline">
              {r.title}
            </Link>
            {r.docNumber ? <span className="text-sm text-slate-600">{r.docNumber}</span> : null}
            <StatusBadge status={r.status} />
            {!r.searchable ? <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-700">无法检索</span> : null}
          </div>
          <div className="mt-1 text-xs text-slate-500">
            {r.category} · {r.officeName ?? "未指定科室"} · 印发 {day(r.adoptedOn)} · 有效期至 {day(r.validUntil)}
          </div>
          {r.passages.length > 0 ? (
            <div className="mt-2 space-y-1 text-sm text-slate-700">
              {r.passages.map((p, i) => (
                <p key={i} data-testid="regulation-passage">
                  {p.pieces.map((piece, j) => (piece.hit ? <mark key={j} className="bg-yellow-200 px-0.5">{piece.text}</mark> : <span key={j}>{piece.text}</span>))}
                </p>
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
