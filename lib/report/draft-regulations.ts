/**
 * A point's 制度库 results in the report: "制定印发《X》《Y》，修订《Z》，开展《W》执行情况评估".
 * Rules adopted in the year come first, then revisions, then assessments; each in date order, a
 * rule named once per kind. Pure.
 */
import type { ReportRegulationFact } from "./types";

const VERB: Record<ReportRegulationFact["kind"], (titles: string) => string> = {
  ADOPTED: (titles) => `制定印发${titles}`,
  REVISED: (titles) => `修订${titles}`,
  ASSESSED: (titles) => `开展${titles}执行情况评估`,
};

export function regulationClause(facts: readonly ReportRegulationFact[] | undefined): string | null {
  if (!facts || facts.length === 0) return null;
  const sorted = [...facts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const pieces = (["ADOPTED", "REVISED", "ASSESSED"] as const).flatMap((kind) => {
    const titles = [...new Set(sorted.filter((f) => f.kind === kind).map((f) => f.title.replace(/^《|》$/gu, "").trim()).filter(Boolean))];
    return titles.length ? [VERB[kind](titles.map((t) => `《${t}》`).join(""))] : [];
  });
  return pieces.length ? pieces.join("，") : null;
}
