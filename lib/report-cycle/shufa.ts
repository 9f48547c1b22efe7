/**
 * 述法 material (述职述廉述法, issue 16): a draft of each leader's own report on their rule-of-law
 * duties, from the same approved ledger as the annual report — nothing is asked twice. Pure.
 *
 * Whose entries: an approved entry of the year is a leader's when
 * - it is a 第一责任人履职 entry (category FIRST_RESPONSIBLE) and the leader is the 主要负责人;
 * - its title, participants or description names the leader (display name, e.g. "陈副秘书长");
 * - it is a session the leadership attends as a body: 中心组学法 or 会前学法 (named in its title).
 * What it is: 学法 (集中学习, 专家讲座, 培训班, or 学法/学习 in the title; 会前学法 and 中心组学法 counted apart),
 * decisions sent to 合法性审核 (合法性审核/审查 named), 普法 (宣传活动, or 普法/宣传 named), else
 * other duties. Where the ledger holds nothing, the draft says what to add ("（请补充…）").
 */

export interface ShufaEntry {
  id: number;
  /** "2025-03-12" */
  date: string;
  title: string;
  form: string;
  category: string;
  participants: string;
  description: string;
}

export interface ShufaLeader {
  id: number;
  displayName: string;
  isPrincipal: boolean;
}

export type ShufaKind = "study" | "legalReview" | "publicity" | "other";

/** 专题研讨 is a meeting unless its title says it studies (学法/学习), so it is not among these. */
const STUDY_FORMS = new Set(["集中学习", "专家讲座", "培训班"]);

export function classifyShufaEntry(entry: Pick<ShufaEntry, "title" | "form" | "description">): ShufaKind {
  const text = `${entry.title}${entry.description}`;
  if (/合法性(审核|审查)/u.test(text)) return "legalReview";
  if (entry.form === "宣传活动" || /普法|法治宣传|宪法宣传/u.test(entry.title)) return "publicity";
  if (STUDY_FORMS.has(entry.form) || /学法|学习/u.test(entry.title)) return "study";
  return "other";
}

function collectiveStudy(title: string): "会前学法" | "中心组学法" | null {
  if (title.includes("会前学法")) return "会前学法";
  if (title.includes("中心组")) return "中心组学法";
  return null;
}

/** The entries that are this leader's, in date order. */
export function leaderEntries(leader: ShufaLeader, entries: readonly ShufaEntry[]): ShufaEntry[] {
  const name = leader.displayName.trim();
  return entries
    .filter(
      (entry) =>
        (leader.isPrincipal && entry.category === "FIRST_RESPONSIBLE") ||
        (name.length > 0 && `${entry.title}${entry.participants}${entry.description}`.includes(name)) ||
        collectiveStudy(entry.title) !== null,
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
}

function dayText(iso: string): string {
  const [, m, d] = iso.split("-").map(Number);
  return `${m}月${d}日`;
}

/** "3月12日，秘书长带头学法讲法治课（以习近平法治思想为主题……）" without doubled end punctuation. */
function itemText(entry: ShufaEntry): string {
  const description = entry.description.trim().replace(/[。；;，,]+$/u, "");
  return `${dayText(entry.date)}，${entry.title.replace(/[。；;]+$/u, "")}${description ? `，${description}` : ""}`;
}

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

function enumerate(items: string[]): string {
  return items.map((item, i) => `${ORDINALS[i] ?? String(i + 1)}是${item}`).join("；") + "。";
}

export interface ShufaDraft {
  title: string;
  parts: { key: string; heading: string; content: string }[];
  /** Ledger entries behind the draft. */
  entryIds: number[];
}

export function draftShufa(input: { year: number; unitName: string; leader: ShufaLeader; entries: readonly ShufaEntry[] }): ShufaDraft {
  const { year, leader } = input;
  const own = leaderEntries(leader, input.entries);
  const byKind = (kind: ShufaKind) => own.filter((entry) => classifyShufaEntry(entry) === kind);
  const study = byKind("study");
  const review = byKind("legalReview");
  const publicity = byKind("publicity");
  const other = byKind("other");
  const counts = { 会前学法: 0, 中心组学法: 0 };
  for (const entry of study) {
    const kind = collectiveStudy(entry.title);
    if (kind) counts[kind] += 1;
  }

  const studyText =
    study.length > 0
      ? [
          `${year}年，本人参加学法活动${study.length}次，其中会前学法${counts.会前学法}次、中心组学法${counts.中心组学法}次。`,
          enumerate(study.map(itemText)),
        ].join("\n")
      : "（请补充本人参加会前学法、中心组学法和其他学法活动的情况）";
  const reviewText =
    review.length > 0
      ? [`${year}年，本人主持或参与研究的重大事项提交合法性审核${review.length}项。`, enumerate(review.map(itemText))].join("\n")
      : "（请补充本人主持或参与研究的重大决策事项提交合法性审核的情况；台账中尚无相关记录）";
  const publicityText =
    publicity.length > 0
      ? [`落实“谁执法谁普法”普法责任制，本人牵头或参加普法活动${publicity.length}次。`, enumerate(publicity.map(itemText))].join("\n")
      : "（请补充本人落实“谁执法谁普法”普法责任清单的情况）";
  const parts = [
    { key: "study", heading: "一、带头学法用法情况", content: studyText },
    { key: "review", heading: "二、推进依法决策和合法性审核情况", content: reviewText },
    { key: "publicity", heading: "三、履行普法责任情况", content: publicityText },
  ];
  if (leader.isPrincipal || other.length > 0) {
    parts.push({
      key: "duty",
      heading: "四、履行推进法治建设职责的其他情况",
      content: other.length > 0 ? enumerate(other.map(itemText)) : "（请补充本人部署、推进、督促法治建设工作的其他情况）",
    });
  }
  parts.push({
    key: "problems",
    heading: `${ORDINALS[parts.length]}、存在的问题和整改措施`,
    content: "（请补充本人履行法治建设职责中存在的问题、原因和下一步整改措施）",
  });
  return {
    title: `${leader.displayName}${year}年度述法报告`,
    parts,
    entryIds: own.map((entry) => entry.id),
  };
}
