import Link from "next/link";
import { assessmentEvidenceLine } from "@/lib/regulations/assessment-rules";
import type { AssessmentRow } from "@/lib/regulations/assessment-queries";
import { StatusBadge, day } from "./labels";

type Linked = Awaited<ReturnType<typeof import("@/lib/regulations/point-links").regulationsForPoint>>;

/** On a work point's page: the rules adopted for it and the 执行情况评估 counted for it (from the 制度库). */
export function PointRegulations({ links, assessments = [] }: { links: Linked; assessments?: AssessmentRow[] }) {
  if (links.length === 0 && assessments.length === 0) return null;
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
        {assessments.map((a) => (
          <li key={`a${a.id}`} data-testid="point-assessment">
            制度执行评估：
            <Link href={`/regulations/${a.regulation.id}`} className="text-brand hover:underline">
              {assessmentEvidenceLine({ ...a, officeName: a.office.name, title: a.regulation.title })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
