/**
 * A 协办 record links a cooperating office's record to the lead office's record of the same event.
 * Dates months apart are more likely a wrong link than one event: warn (not refuse) when they
 * differ by more than the unit's window (UnitSettings.coHostWindowDays, default 31).
 */
const DAY_MS = 86_400_000;

export function coHostGapDays(entryDate: Date, leadDate: Date): number {
  return Math.round(Math.abs(entryDate.getTime() - leadDate.getTime()) / DAY_MS);
}

export function coHostWindowWarning(entryDate: Date, leadDate: Date, windowDays: number): string | null {
  const gap = coHostGapDays(entryDate, leadDate);
  if (gap <= windowDays) return null;
  return `本记录与关联的牵头科室记录日期相差 ${gap} 天，超过单位设定的 ${windowDays} 天，请确认是否为同一项活动`;
}
