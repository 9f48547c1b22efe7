/**
 * The difference between two versions of a rule, article by article, for the side-by-side view
 * of a 修订. Articles are matched by their text (a longest common subsequence), not by number, so
 * an article inserted in the middle shows as one addition and the renumbered ones after it as
 * unchanged (with their new numbers). Between two matched articles, removed and added articles
 * are paired in order as 修改; what is left over is 新增 or 删除. Pure.
 */
import type { RegulationArticle } from "./articles";

export type ArticleChange =
  | { kind: "same"; before: RegulationArticle; after: RegulationArticle; renumbered: boolean }
  | { kind: "changed"; before: RegulationArticle; after: RegulationArticle }
  | { kind: "added"; after: RegulationArticle }
  | { kind: "removed"; before: RegulationArticle };

const norm = (text: string) => text.replace(/[\s\u3000]+/g, "");

export function diffArticles(before: readonly RegulationArticle[], after: readonly RegulationArticle[]): ArticleChange[] {
  const a = before.map((x) => norm(x.text));
  const b = after.map((x) => norm(x.text));
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out: ArticleChange[] = [];
  let removed: RegulationArticle[] = [];
  let added: RegulationArticle[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < pairs; k++) out.push({ kind: "changed", before: removed[k], after: added[k] });
    for (const r of removed.slice(pairs)) out.push({ kind: "removed", before: r });
    for (const x of added.slice(pairs)) out.push({ kind: "added", after: x });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      out.push({ kind: "same", before: before[i], after: after[j], renumbered: before[i].number !== after[j].number });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push(after[j++]);
    } else {
      removed.push(before[i++]);
    }
  }
  flush();
  return out;
}

export interface DiffSummary {
  same: number;
  changed: number;
  added: number;
  removed: number;
}

export function summarizeDiff(changes: readonly ArticleChange[]): DiffSummary {
  const summary: DiffSummary = { same: 0, changed: 0, added: 0, removed: 0 };
  for (const c of changes) summary[c.kind]++;
  return summary;
}

/**
 * Character-level marks inside a changed article: the common prefix and suffix are kept, the
 * middle is what was replaced. Enough to point the eye at a changed phrase.
 */
export function changedSpan(before: string, after: string): { prefix: string; removed: string; added: string; suffix: string } {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  return { prefix: before.slice(0, p), removed: before.slice(p, before.length - s), added: after.slice(p, after.length - s), suffix: before.slice(before.length - s) };
}
