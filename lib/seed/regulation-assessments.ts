/**
 * Demo 制度执行情况评估: four assessments of seeded rules in the current year, dated on fixed days
 * (or the seed day, when that day has not come yet), two of them counted for the current plan's
 * points. Each moves its rule's lastReviewedOn forward, as recording one in the portal does.
 */
import type { Tx } from "@/lib/db";

type Audit = (entity: string, id: number, after: object, by?: string) => void;

interface DemoAssessment {
  rule: string;
  office: string;
  method: "SELF" | "SAMPLE" | "SPECIAL" | "THIRD_PARTY";
  on: [number, number];
  findings: string;
  rectification?: string;
  /** The day the rectification was completed (整改中 without it). */
  doneOn?: [number, number];
  point?: number;
}

const ASSESSMENTS: DemoAssessment[] = [
  {
    rule: "XX市政协办公室印章管理规定",
    office: "综合科",
    method: "SELF",
    on: [3, 16],
    findings: "抽查用印登记簿，2份用印审批单缺少分管领导签字",
    rectification: "补办签批手续，重申用印审批程序",
    doneOn: [3, 31],
    point: 6,
  },
  {
    rule: "XX市政协办公室合同管理办法",
    office: "法治办",
    method: "SPECIAL",
    on: [5, 20],
    findings: "检查合同12份，1份十万元以上合同签订前未经合法性审查",
    rectification: "补做合法性审查，建立合同审查登记台账",
    point: 6,
  },
  {
    rule: "XX市政协办公室学法用法制度",
    office: "机关党委",
    method: "SELF",
    on: [6, 28],
    findings: "党组理论学习中心组法治专题学习按计划开展，学法清单已印发，制度执行良好",
  },
  {
    rule: "XX市政协办公室法律顾问工作规则",
    office: "法治办",
    method: "SAMPLE",
    on: [9, 10],
    findings: "抽查法律顾问出具的法律意见8份，均有书面记录并归档，制度执行良好",
  },
];

/** A day of the year on or before today. */
function upTo(year: number, today: Date, [m, d]: [number, number]): Date {
  const date = new Date(Date.UTC(year, m - 1, d));
  return date > today ? today : date;
}

export async function seedRegulationAssessments(
  tx: Tx,
  year: number,
  today: Date,
  ctx: { offices: Map<string, number>; points: Map<number, number>; coordinatorId: number | null },
  audit: Audit,
): Promise<number> {
  for (const a of ASSESSMENTS) {
    const rule = await tx.regulation.findFirstOrThrow({ where: { title: a.rule }, select: { id: true, lastReviewedOn: true } });
    const assessedOn = upTo(year, today, a.on);
    const rectifiedOn = a.doneOn ? upTo(year, today, a.doneOn) : null;
    const created = await tx.regulationAssessment.create({
      data: {
        regulationId: rule.id,
        assessedOn,
        officeId: ctx.offices.get(a.office)!,
        method: a.method,
        findings: a.findings,
        rectification: a.rectification ?? "",
        rectificationStatus: a.rectification ? (rectifiedOn ? "DONE" : "OPEN") : "NONE",
        rectifiedOn,
        workPointId: a.point ? (ctx.points.get(a.point) ?? null) : null,
        createdById: ctx.coordinatorId,
      },
    });
    if (!rule.lastReviewedOn || rule.lastReviewedOn < assessedOn) {
      await tx.regulation.update({ where: { id: rule.id }, data: { lastReviewedOn: assessedOn } });
    }
    audit("RegulationAssessment", created.id, { regulationId: rule.id, assessedOn: assessedOn.toISOString().slice(0, 10), method: a.method, rectificationStatus: created.rectificationStatus }, "coordinator");
  }
  return ASSESSMENTS.length;
}
