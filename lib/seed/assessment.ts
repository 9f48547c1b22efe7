/**
 * Demo 考核 data: a small rubric for the 2025 plan year, linked to its points and targets, with the
 * 自评得分 and the assessors' 考核得分 recorded (so the current year can be compared with it).
 */
import type { Tx } from "@/lib/db";

interface SeedLeaf {
  title: string;
  criteria: string;
  points: number;
  rule: string;
  deduction?: number;
  links: Array<{ kind: "POINT" | "TARGET"; ref: number | string }>;
  self: number;
  reason: string;
  assessor: number;
  remark?: string;
}

interface SeedTree {
  title: string;
  points: number;
  children: Array<{ title: string; leaves: SeedLeaf[] }>;
}

export const DEMO_RUBRIC_YEAR = 2025;

const RUBRIC: SeedTree[] = [
  {
    title: "党政主要负责人履行推进法治建设第一责任人职责",
    points: 4,
    children: [
      {
        title: "学法用法",
        leaves: [
          { title: "会前学法", criteria: "全年组织会前学法、专题学习不少于4次，每少一次扣0.5分", points: 2, rule: "DEDUCTION", deduction: 0.5, links: [{ kind: "TARGET", ref: "专题学习" }], self: 2, reason: "全年组织专题学习4次，达到要求", assessor: 2 },
          { title: "专题培训", criteria: "举办法治专题培训班不少于1期、培训不少于200人次，按完成比例计分", points: 2, rule: "PROPORTIONAL", links: [{ kind: "TARGET", ref: "专题培训班" }, { kind: "TARGET", ref: "培训人数" }], self: 2, reason: "举办专题培训班1期，培训210人次", assessor: 1.5, remark: "培训签到表不全，扣0.5分" },
        ],
      },
    ],
  },
  {
    title: "依法履职",
    points: 4,
    children: [
      {
        title: "制度建设与法治宣传",
        leaves: [
          { title: "法治建设工作台账", criteria: "建立法治建设工作台账，2 分；未建立不得分", points: 2, rule: "ALL_OR_NOTHING", links: [{ kind: "POINT", ref: 7 }], self: 2, reason: "已建立工作台账并按月更新", assessor: 2 },
          { title: "法治宣传", criteria: "开展宪法宣传周等法治宣传活动，未开展不得分", points: 2, rule: "ALL_OR_NOTHING", links: [{ kind: "POINT", ref: 10 }, { kind: "POINT", ref: 11 }], self: 1, reason: "宪法宣传周已开展，民法典宣传材料尚待审核，酌情自评1分", assessor: 1, remark: "同意自评" },
        ],
      },
    ],
  },
];

export async function seedAssessment(
  tx: Tx,
  ctx: { points: Map<number, number>; targets: Map<string, number>; coordinatorId: number; audit: (entity: string, id: number, after: object) => void },
): Promise<void> {
  let ordinal = 0;
  const scoredAt = new Date(Date.UTC(DEMO_RUBRIC_YEAR + 1, 0, 20));
  const create = async (data: Parameters<Tx["assessmentIndicator"]["create"]>[0]["data"]) => {
    const row = await tx.assessmentIndicator.create({ data });
    ctx.audit("AssessmentIndicator", row.id, row);
    return row;
  };
  for (const top of RUBRIC) {
    const one = await create({ year: DEMO_RUBRIC_YEAR, level: 1, ordinal: ordinal++, title: top.title, points: top.points });
    for (const mid of top.children) {
      const two = await create({ year: DEMO_RUBRIC_YEAR, parentId: one.id, level: 2, ordinal: ordinal++, title: mid.title });
      for (const leaf of mid.leaves) {
        const three = await create({
          year: DEMO_RUBRIC_YEAR, parentId: two.id, level: 3, ordinal: ordinal++, title: leaf.title, criteria: leaf.criteria, points: leaf.points, rule: leaf.rule,
          deduction: leaf.deduction ?? null, selfScore: leaf.self, selfReason: leaf.reason, selfSource: "OVERRIDE", scoredById: ctx.coordinatorId, scoredAt,
          assessorScore: leaf.assessor, assessorRemark: leaf.remark ?? "",
        });
        for (const link of leaf.links) {
          const refId = link.kind === "POINT" ? ctx.points.get(link.ref as number) : ctx.targets.get(link.ref as string);
          if (refId === undefined) continue;
          const row = await tx.assessmentLink.create({ data: { indicatorId: three.id, kind: link.kind, refId } });
          ctx.audit("AssessmentLink", row.id, row);
        }
      }
    }
  }
}
