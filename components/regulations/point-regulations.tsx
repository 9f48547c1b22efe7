import Link from "next/link";
import { StatusBadge, day } from "./labels";

type Linked = Awaited<ReturnType<typeof import("@/lib/regulations/point-links").regulationsForPoint>>;

/** On a work point's page: the rules adopted or assessed for it (linked from the 制度库). */
export function PointRegulations({ links }: { links: Linked }) {
  if (links.length === 0) return null;
  return (
    <section className="card" data-testid="point-regulations">
      <h2 className="mb-2 font-semibold">关联制度</h2>
      <ul className="space-y-1 text-sm">
        {links.map((l) => (
          <li key={l.id} className="flex flex-wrap items-center gap-2">
            <Link href={`/regulations/${l.regulation.id}`} className="text-brand hover:underline">《{l.regulation.title}》</Link>
            {l.regulation.docNumber ? <span className="text-slate-600">{l.regulation.docNumber}</span> : null}
            <StatusBadge status={l.regulation.status} />
            <span className="text-xs text-slate-500">印发 {day(l.regulation.adoptedOn)}</span>
            {l.note ? <span className="text-slate-600">{l.note}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
