/**
 * An entry's workflow history in order, grouped into review rounds (issue 20: after a resubmission
 * the page read "提交于 08:15 · 审核于 08:14"). Pure: built from the entry's append-only audit rows.
 * A round begins with each submission (and a reopening, which puts the entry back under review);
 * what happened before the first submission is the 填报 round.
 */
export interface HistoryAuditRow {
  at: Date;
  action: string;
  actorName: string;
  after: string | null;
}

export interface HistoryEvent {
  at: Date;
  label: string;
  actorName: string;
  note: string | null;
}

export interface HistoryRound {
  /** "填报", then "第1轮审核", "第2轮审核", … */
  title: string;
  events: HistoryEvent[];
}

const LABEL: Record<string, string> = {
  create: "录入",
  update: "修改",
  submit: "提交审核",
  recall: "撤回提交",
  approve: "审核通过",
  return: "退回",
  reopen: "撤销通过",
  delete: "删除",
  restore: "恢复",
};

function returnReason(after: string | null): string | null {
  if (!after) return null;
  try {
    const parsed = JSON.parse(after) as { returnReason?: unknown };
    return typeof parsed.returnReason === "string" && parsed.returnReason ? `原因：${parsed.returnReason}` : null;
  } catch {
    return null;
  }
}

export function entryHistory(rows: HistoryAuditRow[]): HistoryRound[] {
  const sorted = [...rows].filter((r) => r.action in LABEL).sort((a, b) => a.at.getTime() - b.at.getTime());
  const rounds: HistoryRound[] = [];
  let current: HistoryRound = { title: "填报", events: [] };
  let reviewRounds = 0;
  for (const row of sorted) {
    if (row.action === "submit" || row.action === "reopen") {
      if (current.events.length > 0) rounds.push(current);
      reviewRounds += 1;
      current = { title: `第${reviewRounds}轮审核`, events: [] };
    }
    current.events.push({ at: row.at, label: LABEL[row.action], actorName: row.actorName, note: row.action === "return" ? returnReason(row.after) : null });
  }
  if (current.events.length > 0) rounds.push(current);
  return rounds;
}
