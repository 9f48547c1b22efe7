import Link from "next/link";
import { StudyMarkToggle } from "./mark-toggle";
import { AddThisRuleForm } from "./manage-forms";

/** On a rule's page: the years whose 学法清单 lists it, the reader's own toggle, and 列入 for the 法治办. */
export function RegulationStudyPanel({
  regulationId,
  repealed,
  currentYear,
  listedYears,
  ownMarkedYears,
  manage,
}: {
  regulationId: number;
  repealed: boolean;
  currentYear: number;
  listedYears: number[];
  ownMarkedYears: number[];
  manage: boolean;
}) {
  const canAdd = manage && !repealed && !listedYears.includes(currentYear);
  if (listedYears.length === 0 && !canAdd) return null;
  return (
    <div className="card regulation-side no-print space-y-2" data-testid="regulation-study">
      <h2 className="font-semibold">学法清单</h2>
      {listedYears.map((year) => (
        <div key={year} className="flex flex-wrap items-center gap-3 text-sm">
          <Link href={`/regulations/study?year=${year}`} className="text-brand hover:underline">列入{year}年学法清单</Link>
          <StudyMarkToggle year={year} regulationId={regulationId} studied={ownMarkedYears.includes(year)} />
        </div>
      ))}
      {canAdd ? <AddThisRuleForm year={currentYear} regulationId={regulationId} /> : null}
    </div>
  );
}
