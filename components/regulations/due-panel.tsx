import Link from "next/link";
import type { DueRegulation } from "@/lib/regulations/queries";
import { REVIEW_REASON_LABEL } from "@/lib/regulations/validity";
import { day } from "./labels";

/** The coordinator's dashboard: rules to review (validity ending within 6 months, or not reviewed for a year). */
export function RegulationsDuePanel({ items }: { items: DueRegulation[] }) {
  if (items.length === 0) return null;
  return (
    <section className="card no-print" data-testid="regulations-due">
      <h2 className="mb-2 font-semibold">制度待评估复核（{items.length}）</h2>
      <ul className="space-y-1 text-sm">
        {items.slice(0, 20).map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2">
            <Link href={`/regulations/${r.id}`} className="text-brand hover:underline">{r.title}</Link>
            <span className="text-amber-700">{REVIEW_REASON_LABEL[r.reason]}</span>
            <span className="text-xs text-slate-500">有效期至 {day(r.validUntil)}{r.officeName ? ` · ${r.officeName}` : ""}</span>
          </li>
        ))}
      </ul>
      {items.length > 20 ? <p className="mt-1 text-xs text-slate-500">另有 {items.length - 20} 项，请到制度库查看。</p> : null}
    </section>
  );
}
