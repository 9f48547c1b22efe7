/**
 * Roll-ups of point progress: the whole plan, by section, by office.
 */

import { mean } from "./numbers";
import type { OfficeRollup, PointProgress, ProgressStatus, Rollup } from "./types";

function zeroByStatus(): Record<ProgressStatus, number> {
  return { DONE: 0, ON_TRACK: 0, BEHIND: 0, OVERDUE: 0, NOT_STARTED: 0 };
}

export function emptyRollup(): Rollup {
  return { pointCount: 0, byStatus: zeroByStatus(), rate: 0, targetsMet: 0, targetCount: 0 };
}

/** Each point counts once; rate is the mean of capped point rates (0 for an empty set). */
export function rollupPlan(points: readonly PointProgress[]): Rollup {
  const byStatus = zeroByStatus();
  let targetsMet = 0;
  let targetCount = 0;
  for (const p of points) {
    byStatus[p.status] += 1;
    targetCount += p.targets.length;
    targetsMet += p.targets.filter((t) => t.met).length;
  }
  return { pointCount: points.length, byStatus, rate: mean(points.map((p) => p.rate)), targetsMet, targetCount };
}

/**
 * Groups points by one or several keys each (a point listing a key twice counts once under
 * it) and rolls each group up. Points whose key is null/undefined are left out. The map keeps
 * the order in which keys first appear.
 */
export function rollupBy<K extends string | number>(
  points: readonly PointProgress[],
  keyFn: (point: PointProgress) => K | readonly K[] | null | undefined,
): Map<K, Rollup> {
  const groups = new Map<K, PointProgress[]>();
  for (const p of points) {
    const raw = keyFn(p);
    if (raw === null || raw === undefined) continue;
    const keys: readonly K[] = Array.isArray(raw) ? (raw as readonly K[]) : [raw as K];
    for (const key of new Set(keys)) {
      const group = groups.get(key);
      if (group) group.push(p);
      else groups.set(key, [p]);
    }
  }
  const result = new Map<K, Rollup>();
  for (const [key, group] of groups) result.set(key, rollupPlan(group));
  return result;
}

export function rollupBySection(points: readonly PointProgress[]): Map<number, Rollup> {
  return rollupBy(points, (p) => p.point.sectionId);
}

/**
 * One row per office that leads or cooperates on any point, lead (牵头) and cooperating (配合)
 * work kept apart, sorted by officeId. An office listed as both lead and cooperating office of
 * the same point counts only as its lead.
 */
export function rollupByOffice(points: readonly PointProgress[]): OfficeRollup[] {
  const lead = rollupBy(points, (p) => p.point.leadOfficeId);
  const support = rollupBy(points, (p) => p.point.supportOfficeIds.filter((id) => id !== p.point.leadOfficeId));
  const officeIds = [...new Set([...lead.keys(), ...support.keys()])].sort((a, b) => a - b);
  return officeIds.map((officeId) => ({
    officeId,
    lead: lead.get(officeId) ?? emptyRollup(),
    support: support.get(officeId) ?? emptyRollup(),
  }));
}
