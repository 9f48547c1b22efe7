/**
 * Fixture-like facts for the drafter and the docx tests: the shape of the real 2025 plan
 * (tests/fixtures/rule-of-law-plan-2025.txt) with its three targets, ledger entries and
 * first-responsible duties. Test data only; nothing in the app imports it.
 */
import type { ReportEntryFact, ReportFacts, ReportPointFact, ReportTargetFact } from "./types";

export const UNIT = "XX市政协办公室";

export function entry(id: number, date: string, form: string, title: string, category: ReportEntryFact["category"] = "NORMAL"): ReportEntryFact {
  return { id, date, form, title, officeName: "机关党委", category };
}

export function target(overrides: Partial<ReportTargetFact> & Pick<ReportTargetFact, "targetId" | "subject">): ReportTargetFact {
  return { comparator: ">=", value: 1, unit: "次", kind: "COUNT", actual: 0, met: false, rawRate: 0, sourceText: "", entryIds: [], ...overrides };
}

export const studyEntries = [
  entry(101, "2025-03-12", "集中学习", "学习宪法"),
  entry(102, "2025-04-09", "集中学习", "习近平法治思想的核心要义"),
  entry(103, "2025-05-14", "专题研讨", "法治思想与政协履职"),
  entry(104, "2025-06-18", "集中学习", "学习民法典"),
  entry(105, "2025-09-10", "专家讲座", "行政法专题讲座"),
  entry(106, "2025-11-26", "集中学习", "学习党内法规"),
];

export const point1: ReportPointFact = {
  number: 1,
  title: "深入学习习近平法治思想",
  status: "DONE",
  leadOffice: "机关党委",
  deadline: "年底前",
  completed: true,
  targets: [
    target({
      targetId: 11,
      subject: "专题学习",
      value: 4,
      actual: 6,
      met: true,
      rawRate: 1.5,
      sourceText: "全年组织专题学习不少于 4 次,确保学习全覆盖、无死角。",
      entryIds: studyEntries.map((e) => e.id),
    }),
  ],
  entries: studyEntries,
};

export function point4(trainedPeople: number): ReportPointFact {
  const met = trainedPeople >= 200;
  return {
    number: 4,
    title: "开展法治思想专题培训",
    status: met ? "DONE" : "BEHIND",
    leadOffice: "办公室",
    deadline: "年底前",
    completed: met,
    targets: [
      target({ targetId: 41, subject: "专题培训班", unit: "期", actual: 1, met: true, rawRate: 1, sourceText: "每年举办专题培训班不少于 1 期,培训人数不少于 200 人次。", entryIds: [201] }),
      target({ targetId: 42, subject: "培训人数", kind: "SUM", value: 200, unit: "人次", actual: trainedPeople, met, rawRate: trainedPeople / 200, sourceText: "培训人数不少于 200 人次", entryIds: [201, 202] }),
    ],
    entries: [entry(201, "2025-07-08", "培训班", "习近平法治思想专题培训班"), entry(202, "2025-10-15", "培训班", "法治素养提升")],
  };
}

export function facts(overrides: Partial<ReportFacts> = {}, trainedPeople = 412): ReportFacts {
  return {
    year: 2025,
    unitName: UNIT,
    signature: UNIT,
    sections: [
      { number: "一", title: "强化法治思想引领", points: [point1, point4(trainedPeople)] },
      {
        number: "二",
        title: "完善法治建设制度体系",
        points: [
          {
            number: 7,
            title: "建立法治建设工作制度",
            status: "DONE",
            leadOffice: "办公室",
            deadline: "6月底前",
            completed: true,
            targets: [target({ targetId: 71, subject: "建立法治建设工作制度", kind: "BOOLEAN", unit: "", actual: 1, met: true, rawRate: 1, entryIds: [301] })],
            entries: [entry(301, "2025-05-20", "制度建设", "印发《XX市政协办公室法治建设工作制度》")],
          },
          { number: 8, title: "推进制度的信息化建设", status: "ON_TRACK", leadOffice: null, deadline: null, completed: false, targets: [], entries: [] },
        ],
      },
    ],
    firstResponsibleEntries: [
      entry(401, "2025-02-20", "集中学习", "主持党组理论学习中心组专题学习习近平法治思想", "FIRST_RESPONSIBLE"),
      entry(402, "2025-03-28", "其他", "主持召开法治建设工作专题会议", "FIRST_RESPONSIBLE"),
      entry(403, "2025-08-06", "其他", "对法治建设工作台账作出批示", "FIRST_RESPONSIBLE"),
    ],
    nextYearPlan: {
      year: 2026,
      sections: [
        { title: "强化法治思想引领", points: [{ number: 1, title: "深入学习习近平法治思想" }, { number: 2, title: "开展法治思想专题培训" }] },
      ],
    },
    carriedOverPoints: [],
    ...overrides,
  };
}

