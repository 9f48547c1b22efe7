/**
 * The drafter on many generated ledgers (seeded, so a failure is reproducible by its seed):
 * every quantity an approved entry records is told in a sentence or a total, no word is said
 * twice, quotes nest the Chinese way, no verb is glued to a predicate, every source phrase is in
 * the text, and the gap function finds every placeholder.
 */
import { describe, expect, it } from "vitest";
import { draftReport } from "./draft";
import { findReportGaps, placeholdersIn, submitBlockedByPlaceholders } from "./gaps";
import { recordedQuantities } from "./quantities";
import { doubledWords, gluedVerbs, quoteViolations } from "./wording";
import type { ReportEntryFact, ReportFacts, ReportPointFact, ReportPointStatus, ReportTargetFact } from "./types";

/** mulberry32: a small seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

const SECTION_TITLES = ["强化法治思想引领", "完善法治建设制度体系", "推进依法履职尽责", "加强法治宣传教育", "深化依法行政", "夯实法治建设基础"];
const POINT_TITLES = [
  "深入学习宣传习近平法治思想，把学习贯彻引向深入",
  "健全政协履职工作制度",
  "规范机关内部管理制度",
  "依法开展‘参政议政’",
  "推进制度的信息化建设。",
  "落实\"谁执法谁普法\"普法责任制",
  "开展法治思想专题培训",
  "依法参与立法协商",
  "加强法治建设督促检查",
  "做好“12·4”国家宪法日宣传",
];
const ENTRY_TITLES: [form: string, title: string][] = [
  ["集中学习", "专题学习：习近平法治思想的核心要义"],
  ["集中学习", "专题学习：“12·4”国家宪法日主题学习"],
  ["集中学习", "学习宪法"],
  ["专题研讨", "专题研讨——民法典与政协履职"],
  ["专题研讨", "法治建设专题协商会"],
  ["专题研讨", "邀请法律专家参与专题协商"],
  ["专家讲座", "行政法专题讲座"],
  ["专家讲座", "‘依法履职’专家讲座"],
  ["培训班", "习近平法治思想专题培训班（第一期）"],
  ["培训班", "法治素养提升"],
  ["宣传活动", "政协网站开设法治建设专栏"],
  ["宣传活动", "国家宪法日法治宣传活动"],
  ["调研视察", "法治政府建设专项民主监督"],
  ["调研视察", "赴市司法局调研"],
  ["制度建设", "修订协商议政选题工作规则"],
  ["制度建设", "机关内部管理制度全面审查"],
  ["制度建设", "印发《法治建设工作制度》"],
  ["制度建设", "制度信息化管理平台上线"],
  ["其他", "优秀参政议政成果评选"],
  ["其他", "\"法治机关\"创建"],
];
const LEADER_TITLES = ["秘书长主持召开法治建设专题会议", "秘书长带头学法讲法治课", "秘书长批示督办法治建设台账", "主要负责人参加中心组学法", "主要负责人年终述法", "秘书长带队开展法治督察"];
const OUTCOMES = [
  (n: number) => `形成建议${n}条`,
  (n: number) => `全年发布稿件${n}篇`,
  (n: number) => `发放宣传资料${n}余份`,
  (n: number) => `对${n}项制度进行审查`,
  (n: number) => `提出监督意见${n}条`,
  (n: number) => `就${n}部法规草案提出修改意见${n + 3}条`,
  (n: number) => `邀请${n}名法律专家提供法律支持`,
];
const STATUSES: ReportPointStatus[] = ["DONE", "ON_TRACK", "BEHIND", "OVERDUE", "NOT_STARTED"];
const DEADLINES = [null, "全年", "6月底前", "2025-09-30", "年底前", "2025-12-31"];

function description(rng: Rng): { description: string; participants: string } {
  const clauses: string[] = [];
  if (rng.chance(0.5)) clauses.push("围绕年度重点工作开展交流");
  if (rng.chance(0.4)) clauses.push(`组织机关干部${rng.int(10, 120)}人参加`);
  const outcomes = rng.int(0, 2);
  for (let i = 0; i < outcomes; i += 1) clauses.push(rng.pick(OUTCOMES)(rng.int(2, 60)));
  const participants = rng.chance(0.2) ? `${rng.int(5, 90)}人` : "";
  return { description: clauses.length ? `${clauses.join("，")}。` : "", participants };
}

function generate(seed: number): ReportFacts {
  const rng = prng(seed);
  let id = 1;
  const makeEntry = (category: ReportEntryFact["category"], pool: [string, string][]): ReportEntryFact => {
    const [form, title] = rng.pick(pool);
    const month = rng.int(1, 12);
    return { id: id++, date: `2025-${String(month).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`, form, title, officeName: "综合科", category, ...description(rng) };
  };
  let number = 0;
  const sections = Array.from({ length: rng.int(1, 4) }, (_, s) => {
    const points: ReportPointFact[] = Array.from({ length: rng.int(1, 5) }, () => {
      const entries = Array.from({ length: rng.pick([0, 1, 2, 3, 5, 8]) }, () => makeEntry("NORMAL", ENTRY_TITLES));
      const targets: ReportTargetFact[] = [];
      if (entries.length > 0 && rng.chance(0.4)) {
        const counted = entries.filter(() => rng.chance(0.8));
        const value = rng.int(1, 6);
        targets.push({
          targetId: id++, subject: rng.pick(["专题学习", "专题培训班", "宣传活动"]), comparator: ">=", value, unit: "次", kind: "COUNT",
          actual: counted.length, met: counted.length >= value, rawRate: counted.length / value, sourceText: "", entryIds: counted.map((e) => e.id),
        });
      }
      const status = rng.pick(STATUSES);
      return {
        number: ++number, title: rng.pick(POINT_TITLES), status, leadOffice: null, deadline: rng.pick(DEADLINES),
        completed: status === "DONE", targets, entries,
      };
    });
    return { number: String(s + 1), title: SECTION_TITLES[s], points };
  });
  const firstResponsibleEntries = Array.from({ length: rng.int(0, 5) }, () => makeEntry("FIRST_RESPONSIBLE", LEADER_TITLES.map((t) => ["其他", t])));
  const unfinished = sections.flatMap((s) => s.points).filter((p) => !p.completed);
  return {
    year: 2025,
    unitName: rng.pick(["XX市政协办公室", "XX区司法局"]),
    signature: "XX市政协办公室",
    sections,
    firstResponsibleEntries,
    nextYearPlan: rng.chance(0.6)
      ? { year: 2026, sections: [{ title: "强化法治思想引领", points: [{ number: 1, title: rng.pick(POINT_TITLES) }, { number: 2, title: "开展行政复议法专题宣传" }] }] }
      : null,
    carriedOverPoints: unfinished.map((p) => ({ number: p.number, title: p.title, reason: "" })),
  };
}

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);

describe("draftReport on generated ledgers", () => {
  it.each(SEEDS)("seed %i: quantities told, wording clean, sources and gaps consistent", (seed) => {
    const facts = generate(seed);
    const report = draftReport(facts);
    const text = report.parts.map((p) => p.content).join("\n");
    const allSources = report.parts.flatMap((p) => Object.entries(p.sources));

    const entries = [...facts.sections.flatMap((s) => s.points.flatMap((p) => p.entries)), ...facts.firstResponsibleEntries];
    for (const entry of entries) {
      for (const q of recordedQuantities(entry)) {
        if (!q.attendance) {
          expect(text, `seed ${seed}, entry ${entry.id}: ${q.text}`).toContain(q.text);
          continue;
        }
        // Attendance is told for the entry ("参加62人次") or summed in a total that links to it.
        const told = allSources.some(([phrase, ids]) => ids.includes(entry.id) && /\d+人次/u.test(phrase));
        expect(told, `seed ${seed}, entry ${entry.id}: ${q.text}`).toBe(true);
      }
    }
    for (const paragraph of [report.preface, ...text.split("\n")]) {
      expect(doubledWords(paragraph), `seed ${seed}: ${paragraph}`).toEqual([]);
      expect(quoteViolations(paragraph), `seed ${seed}: ${paragraph}`).toEqual([]);
      expect(gluedVerbs(paragraph), `seed ${seed}: ${paragraph}`).toEqual([]);
      expect(paragraph).not.toMatch(/已超过完成时限/u);
    }
    for (const part of report.parts) for (const phrase of Object.keys(part.sources)) expect(part.content).toContain(phrase);

    const gaps = findReportGaps(report.parts, []);
    const bracketed = (text.match(/（请补充/gu) ?? []).length;
    expect(gaps.placeholders.length).toBe(bracketed);
    expect(submitBlockedByPlaceholders(report.parts) !== null).toBe(bracketed > 0);
  });

  it.each(SEEDS.slice(0, 50))("seed %i: a placeholder typed anywhere is found and blocks 送审", (seed) => {
    const rng = prng(seed * 7919);
    const report = draftReport(generate(seed));
    const cleaned = report.parts.map((p) => ({ ...p, content: p.content.replace(/（请补充[^）]*）/gu, "已补充。") }));
    expect(findReportGaps(cleaned, []).placeholders).toEqual([]);
    expect(submitBlockedByPlaceholders(cleaned)).toBeNull();
    const at = rng.int(0, cleaned.length - 1);
    const marker = rng.pick(["待补充", "（请补充：数据）", "具体情况待完善", "（待补充）", "请补充"]);
    const content = cleaned[at].content;
    const cut = rng.int(0, content.length);
    const withGap = cleaned.map((p, i) => (i === at ? { ...p, content: content.slice(0, cut) + marker + content.slice(cut) } : p));
    const found = findReportGaps(withGap, []).placeholders;
    expect(found).toHaveLength(1);
    expect(found[0].key).toBe(cleaned[at].key);
    expect(marker).toContain(found[0].text.replace(/^（|）$/gu, "").slice(0, 3));
    expect(submitBlockedByPlaceholders(withGap)).toContain(cleaned[at].heading);
    expect(placeholdersIn(content.slice(0, cut) + marker)).toHaveLength(1);
  });
});
