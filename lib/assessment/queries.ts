/**
 * A year's 考核 as the page and the exports show it: the rubric in order with each leaf's links
 * (resolved from progress and ledger data), its proposed 自评得分 with the figures behind it,
 * the scores recorded, and last year's scores of the same indicator (matched by its titles).
 */
import type { Db } from "@/lib/db";
import { linkContext, resolveLinks, type ResolvedLink } from "./links";
import { proposeScore, round2, type NoProposal, type Proposal, type ScoringRule } from "./rules";

export interface LinkView extends ResolvedLink {
  id: number;
  kind: string;
  refId: number;
}

export interface IndicatorView {
  id: number;
  parentId: number | null;
  level: number;
  ordinal: number;
  /** "1", "1.2", "1.2.3": its place in the rubric. */
  code: string;
  title: string;
  /** The titles from the top down, for matching across years. */
  path: string;
  content: string;
  criteria: string;
  points: number | null;
  rule: ScoringRule;
  deduction: number | null;
  isLeaf: boolean;
  selfScore: number | null;
  selfReason: string;
  selfSource: string | null;
  scoredAt: Date | null;
  assessorScore: number | null;
  assessorRemark: string;
  version: number;
  links: LinkView[];
  proposal: Proposal | NoProposal | null;
  lastYear: { selfScore: number | null; assessorScore: number | null } | null;
}

export interface Totals {
  points: number;
  self: number;
  assessor: number;
  scored: number;
  assessed: number;
  leaves: number;
}

export interface AssessmentView {
  year: number;
  indicators: IndicatorView[];
  totals: Totals;
  lastYear: { year: number; totals: Totals } | null;
}

type Row = Awaited<ReturnType<typeof loadRows>>[number];

async function loadRows(db: Db, year: number) {
  return db.assessmentIndicator.findMany({ where: { year }, orderBy: [{ ordinal: "asc" }, { id: "asc" }], include: { links: { orderBy: { id: "asc" } } } });
}

/** Codes and paths from the parent links (rows in rubric order). */
function shape(rows: readonly Row[]) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const childCount = new Map<number | null, number>();
  const code = new Map<number, string>();
  const path = new Map<number, string>();
  const parents = new Set(rows.map((r) => r.parentId).filter((id): id is number => id !== null));
  for (const r of rows) {
    const n = (childCount.get(r.parentId) ?? 0) + 1;
    childCount.set(r.parentId, n);
    const parentCode = r.parentId !== null && byId.has(r.parentId) ? code.get(r.parentId) : undefined;
    code.set(r.id, parentCode ? `${parentCode}.${n}` : String(n));
    const parentPath = r.parentId !== null ? path.get(r.parentId) : undefined;
    path.set(r.id, parentPath ? `${parentPath}/${r.title}` : r.title);
  }
  return { code, path, isLeaf: (id: number) => !parents.has(id) };
}

function totalsOf(rows: ReadonlyArray<{ isLeaf: boolean; points: number | null; selfScore: number | null; assessorScore: number | null }>): Totals {
  const leaves = rows.filter((r) => r.isLeaf);
  return {
    points: round2(leaves.reduce((s, r) => s + (r.points ?? 0), 0)),
    self: round2(leaves.reduce((s, r) => s + (r.selfScore ?? 0), 0)),
    assessor: round2(leaves.reduce((s, r) => s + (r.assessorScore ?? 0), 0)),
    scored: leaves.filter((r) => r.selfScore !== null).length,
    assessed: leaves.filter((r) => r.assessorScore !== null).length,
    leaves: leaves.length,
  };
}

export async function loadAssessment(db: Db, year: number): Promise<AssessmentView> {
  const [rows, previous] = await Promise.all([loadRows(db, year), loadRows(db, year - 1)]);
  const ctx = linkContext(db, year);
  const resolved = await resolveLinks(ctx, rows.flatMap((r) => r.links));
  const { code, path, isLeaf } = shape(rows);
  const prev = shape(previous);
  const prevByPath = new Map(previous.filter((r) => prev.isLeaf(r.id)).map((r) => [prev.path.get(r.id), r]));

  const indicators: IndicatorView[] = rows.map((r) => {
    const links: LinkView[] = r.links.map((l) => ({ id: l.id, kind: l.kind, refId: l.refId, ...(resolved.get(`${l.kind}:${l.refId}`) as ResolvedLink) }));
    const leaf = isLeaf(r.id);
    const last = leaf ? prevByPath.get(path.get(r.id)) : undefined;
    return {
      id: r.id,
      parentId: r.parentId,
      level: r.level,
      ordinal: r.ordinal,
      code: code.get(r.id) ?? "",
      title: r.title,
      path: path.get(r.id) ?? r.title,
      content: r.content,
      criteria: r.criteria,
      points: r.points,
      rule: r.rule as ScoringRule,
      deduction: r.deduction,
      isLeaf: leaf,
      selfScore: r.selfScore,
      selfReason: r.selfReason,
      selfSource: r.selfSource,
      scoredAt: r.scoredAt,
      assessorScore: r.assessorScore,
      assessorRemark: r.assessorRemark,
      version: r.version,
      links,
      proposal: leaf ? proposeScore({ rule: r.rule as ScoringRule, points: r.points ?? 0, deduction: r.deduction, items: links }) : null,
      lastYear: last ? { selfScore: last.selfScore, assessorScore: last.assessorScore } : null,
    };
  });
  const prevTotals = previous.length > 0 ? totalsOf(previous.map((r) => ({ ...r, isLeaf: prev.isLeaf(r.id) }))) : null;
  return { year, indicators, totals: totalsOf(indicators), lastYear: prevTotals ? { year: year - 1, totals: prevTotals } : null };
}

/** One indicator's proposal, computed afresh (what "采纳" stores). */
export async function loadProposal(db: Db, id: number) {
  const row = await db.assessmentIndicator.findUnique({ where: { id }, include: { links: true, _count: { select: { children: true } } } });
  if (!row) return null;
  const resolved = await resolveLinks(linkContext(db, row.year), row.links);
  const items = row.links.map((l) => resolved.get(`${l.kind}:${l.refId}`) as ResolvedLink);
  return { row, isLeaf: row._count.children === 0, proposal: proposeScore({ rule: row.rule as ScoringRule, points: row.points ?? 0, deduction: row.deduction, items }) };
}

/** Years that have a rubric, newest first. */
export async function assessmentYears(db: Db): Promise<number[]> {
  const rows = await db.assessmentIndicator.groupBy({ by: ["year"], orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}
