/**
 * Part 三: the principal leader's duties as first person responsible for rule of law, in the
 * order the statute asks for them: 学法, 重大决策合法性审核, 述法, 普法, 研究部署和法治督察.
 * Each is told from recorded data (中心组学法 and 会前学法 counted from the whole ledger; the
 * leader's own records by their titles); where nothing is recorded a prompt "（请补充：…）" asks
 * the drafter, so no line says "0次" or "1次" about the leader. Pure.
 */
import { formatChineseDate } from "./sentences";
import { entryClause } from "./draft-results";
import type { PartWriter } from "./part-writer";
import type { ReportEntryFact, ReportFacts } from "./types";

interface Duty {
  lead: string;
  /** Which entries count: the leader's own (first-responsible) or any of the unit's. */
  scope: "leader" | "all";
  matches: (text: string) => boolean;
  /** "全年{counted}{n}次" when two or more. */
  counted: string;
  prompt: string;
}

const textOf = (entry: ReportEntryFact) => `${entry.title}${entry.description ?? ""}`;

const CENTRAL_GROUP = /中心组/u;
const PRE_MEETING = /会前学法/u;

const DUTIES: Duty[] = [
  {
    lead: "带头学法，筑牢法治根基",
    scope: "leader",
    matches: (t) => /学法|学习|讲法|法治课|党课|授课/u.test(t),
    counted: "带头学法讲法",
    prompt: "（请补充：主要负责人带头学习习近平法治思想和宪法法律法规的情况）",
  },
  {
    lead: "依法决策，落实合法性审核",
    scope: "all",
    matches: (t) => /合法性审核|合法性审查|公平竞争审查|法律顾问|重大决策/u.test(t),
    counted: "开展重大决策合法性审核",
    prompt: "（请补充：提请党组会议、秘书长办公会研究的重大决策事项数，以及经合法性审核的件数）",
  },
  {
    lead: "述职述法，自觉接受监督",
    scope: "all",
    matches: (t) => /述法/u.test(t),
    counted: "开展述法",
    prompt: "（请补充：主要负责人在年度述职中述法的情况）",
  },
  {
    lead: "带头普法，营造法治氛围",
    scope: "leader",
    matches: (t) => /普法|宣传|宪法日|法律咨询/u.test(t),
    counted: "带头开展普法",
    prompt: "（请补充：主要负责人落实“谁执法谁普法”普法责任制、带头普法的情况）",
  },
  {
    lead: "研究部署和督察，压实工作责任",
    scope: "leader",
    matches: (t) => /会议|专题会|主持|研究|部署|批示|督办|督察|督查|检查|督促/u.test(t),
    counted: "研究部署和督办法治建设工作",
    prompt: "（请补充：主要负责人听取法治建设工作汇报、开展法治督察的情况）",
  },
];

const STUDY_PROMPT = "（请补充：党组理论学习中心组学法和会前学法的次数及主要内容）";

/** One entry, dated: "2月25日，秘书长主持召开法治建设专题会议，研究部署全年法治建设工作". */
function dated(entry: ReportEntryFact, writer: PartWriter): string {
  return `${formatChineseDate(entry.date)}，${entryClause(entry, writer, true)}`;
}

function enumerate(items: string[]): string {
  return items.join("；");
}

/** 中心组学法 and 会前学法 counted from the whole ledger. */
function studySentences(all: ReportEntryFact[], writer: PartWriter): string[] {
  const sentences: string[] = [];
  for (const [pattern, counted] of [
    [CENTRAL_GROUP, "组织党组理论学习中心组学法"],
    [PRE_MEETING, "坚持会前学法"],
  ] as const) {
    const found = all.filter((entry) => pattern.test(textOf(entry)));
    if (found.length === 0) continue;
    if (found.length === 1) {
      sentences.push(dated(found[0], writer));
      continue;
    }
    const phrase = `全年${counted}${found.length}次`;
    writer.source(phrase, found.map((entry) => entry.id));
    sentences.push(phrase);
  }
  return sentences;
}

export function draftDuties(facts: ReportFacts, writer: PartWriter): void {
  const leader = [...facts.firstResponsibleEntries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  const unit = facts.sections.flatMap((section) => section.points.flatMap((point) => point.entries));
  const all = [...leader, ...unit];
  const used = new Set<number>();
  DUTIES.forEach((duty, i) => {
    const pool = duty.scope === "leader" ? leader : all;
    // Each of the leader's own records is told once, under the first duty it fits.
    const found = pool.filter((entry) => duty.matches(textOf(entry)) && !(entry.category === "FIRST_RESPONSIBLE" && used.has(entry.id)));
    for (const entry of found) if (entry.category === "FIRST_RESPONSIBLE") used.add(entry.id);
    const sentences: string[] = i === 0 ? studySentences(unit, writer) : [];
    if (found.length >= 2) {
      const phrase = `全年${duty.counted}${found.length}次`;
      writer.source(phrase, found.map((entry) => entry.id));
      sentences.push(`${phrase}：${enumerate(found.map((entry) => dated(entry, writer)))}`);
    } else if (found.length === 1) {
      sentences.push(dated(found[0], writer));
    }
    let body = sentences.length > 0 ? `${sentences.join("；")}。` : duty.prompt;
    // 中心组学法 and 会前学法 are what the statute counts; ask for them when the ledger has none.
    if (i === 0 && sentences.length > 0 && !all.some((entry) => CENTRAL_GROUP.test(textOf(entry)) || PRE_MEETING.test(textOf(entry)))) {
      body += STUDY_PROMPT;
    }
    writer.paragraph(`${i + 1}.${duty.lead}。${body}`);
  });
  const rest = leader.filter((entry) => !used.has(entry.id));
  if (rest.length > 0) {
    writer.paragraph(`${DUTIES.length + 1}.履职尽责，强化责任担当。${enumerate(rest.map((entry) => dated(entry, writer)))}。`);
  }
}
