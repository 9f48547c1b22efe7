/**
 * The 督办 server actions (延期申请, 办结, 进展反馈) for the permission matrix
 * (tests/security/action-cases.ts). Fixtures: a published plan of next year whose points are led by
 * 综合科 (the STAFF_OWNER persona's office), a fresh point per call so each allowed call succeeds,
 * and point 1 of the seeded 2026 plan (综合科) for progress notes. Test-only.
 */
import type { Db } from "@/lib/db";
import type { ActionCase, MatrixContext } from "@/tests/security/action-cases";

const FILE = "lib/supervision/actions.ts";
const NEXT_YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() + 1;

export async function prepareSupervisionMatrixFixtures(db: Db): Promise<Record<string, number>> {
  const office = await db.office.findUniqueOrThrow({ where: { name: "综合科" } });
  const plan = await db.plan.create({
    data: { year: NEXT_YEAR, title: `${NEXT_YEAR}年督办矩阵测试要点`, unitName: "测试单位", status: "PUBLISHED", sections: { create: { ordinal: 1, title: "一、督办" } } },
    include: { sections: true },
  });
  const notePoint = await db.workPoint.findFirstOrThrow({ where: { plan: { year: 2026 }, number: 1 } });
  const staff = await db.user.findUniqueOrThrow({ where: { username: "staff-zonghe" } });
  return { supPlanId: plan.id, supSectionId: plan.sections[0].id, supOfficeId: office.id, supNotePointId: notePoint.id, supStaffId: staff.id };
}

async function freshPoint(c: MatrixContext) {
  return c.db.workPoint.create({
    data: {
      planId: c.ids.supPlanId, sectionId: c.ids.supSectionId, number: 100 + c.seq(), title: "督办矩阵测试要点",
      leadOfficeId: c.ids.supOfficeId, deadline: new Date(Date.UTC(NEXT_YEAR, 5, 30)),
    },
  });
}

async function freshClosure(c: MatrixContext, status: "PENDING" | "ACCEPTED") {
  const point = await freshPoint(c);
  return c.db.pointClosure.create({
    data: { workPointId: point.id, officeId: c.ids.supOfficeId, summary: "矩阵测试办结", declaredById: c.ids.supStaffId, status, activeKey: point.id },
  });
}

export const SUPERVISION_ACTION_CASES: ActionCase[] = [
  {
    file: FILE,
    name: "requestExtensionAction",
    allowed: ["STAFF_OWNER", "COORDINATOR"],
    input: async (c) => ({ workPointId: String((await freshPoint(c)).id), proposedDeadline: `${NEXT_YEAR}-09-30`, reason: "需等待上级文件下发后推进" }),
  },
  {
    file: FILE,
    name: "decideExtensionAction",
    allowed: ["LEADER"],
    input: async (c) => {
      const point = await freshPoint(c);
      const extension = await c.db.deadlineExtension.create({
        data: {
          workPointId: point.id, officeId: c.ids.supOfficeId, currentDeadline: point.deadline!, proposedDeadline: new Date(Date.UTC(NEXT_YEAR, 8, 30)),
          reason: "矩阵测试延期", requestedById: c.ids.supStaffId, pendingKey: point.id,
        },
      });
      return { extensionId: String(extension.id), decision: "APPROVE", comment: "同意" };
    },
  },
  {
    file: FILE,
    name: "declareClosureAction",
    allowed: ["STAFF_OWNER", "COORDINATOR"],
    input: async (c) => ({ workPointId: String((await freshPoint(c)).id), summary: "已全部完成，佐证见台账。" }),
  },
  {
    file: FILE,
    name: "reviewClosureAction",
    allowed: ["COORDINATOR"],
    input: async (c) => ({ closureId: String((await freshClosure(c, "PENDING")).id), decision: "RETURN", reason: "请补充佐证材料" }),
  },
  {
    file: FILE,
    name: "rateClosureAction",
    allowed: ["LEADER"],
    input: async (c) => ({ closureId: String((await freshClosure(c, "ACCEPTED")).id), rating: "GOOD", comment: "" }),
  },
  {
    file: FILE,
    name: "saveProgressNoteAction",
    allowed: ["STAFF_OWNER", "COORDINATOR"],
    input: (c) => ({ workPointId: String(c.ids.supNotePointId), period: "2026-01", text: `本月进展：矩阵测试${c.seq()}` }),
  },
  {
    file: FILE,
    name: "updateFeedbackSettingsAction",
    allowed: ["COORDINATOR"],
    input: (c) => ({ cycle: "MONTHLY", dueDay: String(1 + (c.seq() % 28)) }),
  },
];
