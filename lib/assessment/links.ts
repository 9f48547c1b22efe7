/**
 * What an indicator's links stand for, read from the data the portal already keeps (never asked
 * again): a work point's progress and a target's completion from the completion engine
 * (lib/progress), a ledger entry's review status from the ledger.
 *
 * Extension point: another kind (e.g. REGULATION from the 制度库) adds its resolver to
 * RESOLVERS and its name to LINK_KINDS (lib/assessment/schemas.ts) and LINK_KIND_LABELS; its
 * rows' refId then names its own table's id. Links of a kind without a resolver are shown as
 * "暂不支持" and count as not complete.
 */
import type { Db } from "@/lib/db";
import { isoDay, STATUS_LABEL as ENTRY_STATUS_LABEL, type EntryStatus } from "@/lib/ledger/constants";
import { formatQuantity, STATUS_LABEL } from "@/lib/progress";
import { loadPlanProgress, type PlanProgressData } from "@/lib/progress/queries";
import type { ScoreItem } from "./rules";

export const LINK_KIND_LABELS: Record<string, string> = { POINT: "工作要点", TARGET: "量化指标", LEDGER: "台账记录", REGULATION: "制度" };

export interface ResolvedLink extends ScoreItem {
  /** Where the coordinator can look at it. */
  href: string | null;
  found: boolean;
}

export interface LinkContext {
  db: Db;
  year: number;
  /** Loaded once per page (null when the year has no plan). */
  progress: () => Promise<PlanProgressData | null>;
}

type Resolver = (ctx: LinkContext, refIds: number[]) => Promise<Map<number, ResolvedLink>>;

const resolvePoints: Resolver = async (ctx, refIds) => {
  const data = await ctx.progress();
  const out = new Map<number, ResolvedLink>();
  for (const p of data?.progress.points ?? []) {
    if (!refIds.includes(p.pointId)) continue;
    out.set(p.pointId, {
      label: `要点${p.point.number} ${p.point.title}（${STATUS_LABEL[p.status]}，完成 ${Math.round(p.rate * 100)}%）`,
      done: p.status === "DONE",
      completion: p.rate,
      href: `/points/${p.pointId}`,
      found: true,
    });
  }
  return out;
};

const resolveTargets: Resolver = async (ctx, refIds) => {
  const data = await ctx.progress();
  const out = new Map<number, ResolvedLink>();
  if (!data) return out;
  for (const id of refIds) {
    const def = data.targetDefs.get(id);
    const t = data.progress.targets.get(id);
    if (!def || !t) continue;
    out.set(id, {
      label: `${def.subject} ${formatQuantity(t.actual, "")}/${formatQuantity(def.value, def.unit)}（${STATUS_LABEL[t.status]}）`,
      done: t.met,
      completion: t.rate,
      href: `/points/${def.workPointId}`,
      found: true,
    });
  }
  return out;
};

const resolveEntries: Resolver = async (ctx, refIds) => {
  const rows = await ctx.db.ledgerEntry.findMany({ where: { id: { in: refIds }, year: ctx.year, deletedAt: null }, select: { id: true, date: true, title: true, status: true } });
  return new Map(
    rows.map((e) => [
      e.id,
      { label: `${isoDay(e.date)} ${e.title}（${ENTRY_STATUS_LABEL[e.status as EntryStatus] ?? e.status}）`, done: e.status === "APPROVED", completion: e.status === "APPROVED" ? 1 : 0, href: `/ledger/${e.id}`, found: true },
    ]),
  );
};

const RESOLVERS: Partial<Record<string, Resolver>> = { POINT: resolvePoints, TARGET: resolveTargets, LEDGER: resolveEntries };

export function linkContext(db: Db, year: number): LinkContext {
  let cached: Promise<PlanProgressData | null> | null = null;
  return { db, year, progress: () => (cached ??= loadPlanProgress(db, year)) };
}

/** Resolves links of any kinds; each link's key is "KIND:refId". */
export async function resolveLinks(ctx: LinkContext, links: ReadonlyArray<{ kind: string; refId: number }>): Promise<Map<string, ResolvedLink>> {
  const byKind = new Map<string, number[]>();
  for (const l of links) byKind.set(l.kind, [...(byKind.get(l.kind) ?? []), l.refId]);
  const out = new Map<string, ResolvedLink>();
  for (const [kind, ids] of byKind) {
    const resolver: Resolver | undefined = RESOLVERS[kind];
    const resolved = resolver ? await resolver(ctx, [...new Set(ids)]) : new Map<number, ResolvedLink>();
    for (const refId of ids) {
      const hit = resolved.get(refId);
      const name = LINK_KIND_LABELS[kind] ?? kind;
      out.set(`${kind}:${refId}`, hit ?? { label: resolver ? `${name}（已删除或不属于本年度）` : `${name}（暂不支持）`, done: false, completion: 0, href: null, found: false });
    }
  }
  return out;
}

export interface LinkOption {
  kind: string;
  refId: number;
  label: string;
}

/** What may be linked in a year: its plan's points and targets, its approved ledger entries. */
export async function loadLinkOptions(db: Db, year: number): Promise<LinkOption[]> {
  const [points, targets, entries] = await Promise.all([
    db.workPoint.findMany({ where: { plan: { year } }, orderBy: { number: "asc" }, select: { id: true, number: true, title: true } }),
    db.target.findMany({ where: { plan: { year } }, orderBy: [{ workPointId: "asc" }, { ordinal: "asc" }], select: { id: true, subject: true, comparator: true, value: true, unit: true, workPoint: { select: { number: true } } } }),
    db.ledgerEntry.findMany({ where: { year, deletedAt: null, status: "APPROVED", linkedEntryId: null }, orderBy: [{ date: "asc" }, { id: "asc" }], take: 500, select: { id: true, date: true, title: true } }),
  ]);
  return [
    ...points.map((p) => ({ kind: "POINT", refId: p.id, label: `要点${p.number} ${p.title}` })),
    ...targets.map((t) => ({ kind: "TARGET", refId: t.id, label: `要点${t.workPoint.number}：${t.subject}${t.comparator === "<=" ? "不超过" : "不少于"}${t.value}${t.unit}` })),
    ...entries.map((e) => ({ kind: "LEDGER", refId: e.id, label: `${isoDay(e.date)} ${e.title}` })),
  ];
}
