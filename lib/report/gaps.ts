/**
 * What is still missing before a report goes to review (送审): every placeholder left in its text
 * ("（请补充：…）", "待补充", "待完善", …) and every ledger entry of the year nobody has reviewed yet
 * (草稿, 待审核, 已退回), which the draft does not count. Placeholders block 送审; unreviewed
 * entries are a warning to the drafter (the figures may still change). Pure.
 */

/** Bracketed prompts first, so "（请补充：…）" is one gap, not two. */
const PLACEHOLDER = /[（(](?:请补充|待补充|请填写|待填写|待完善|请完善)[^）)]*[）)]|请补充|待补充|待完善|待填写|请填写/gu;

/** The placeholders in a text, in order of appearance. */
export function placeholdersIn(content: string): string[] {
  return content.match(PLACEHOLDER) ?? [];
}

export interface GapPart {
  key: string;
  heading: string;
  content: string;
}

export interface UnreviewedEntry {
  id: number;
  /** ISO date. */
  date: string;
  title: string;
  officeName: string;
  status: string;
}

export interface PlaceholderGap {
  key: string;
  heading: string;
  text: string;
}

export interface ReportGaps {
  placeholders: PlaceholderGap[];
  unreviewed: UnreviewedEntry[];
}

export const UNREVIEWED_STATUSES = ["DRAFT", "SUBMITTED", "RETURNED"] as const;

export const UNREVIEWED_LABEL: Record<string, string> = { DRAFT: "草稿未提交", SUBMITTED: "待审核", RETURNED: "已退回待修改" };

export function findReportGaps(parts: readonly GapPart[], entries: readonly UnreviewedEntry[]): ReportGaps {
  const placeholders = parts.flatMap((part) => placeholdersIn(part.content).map((text) => ({ key: part.key, heading: part.heading, text })));
  const unreviewed = entries
    .filter((entry) => (UNREVIEWED_STATUSES as readonly string[]).includes(entry.status))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  return { placeholders, unreviewed };
}

/** Why 送审 is refused, or null: the headings of the parts still holding a placeholder. */
export function submitBlockedByPlaceholders(parts: readonly GapPart[]): string | null {
  const unfinished = parts.filter((part) => placeholdersIn(part.content).length > 0);
  if (unfinished.length === 0) return null;
  return `以下部分仍有待补充的内容，请完善后再送审：${unfinished.map((part) => part.heading).join("；")}`;
}
