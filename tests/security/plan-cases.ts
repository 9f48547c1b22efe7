import type { ActionCase } from "./action-cases";
import { makePlan } from "./fixtures";

const FILE = "lib/plan/actions.ts";
const PLAN_EDITORS = ["COORDINATOR"] as const;

// Years far from the demo plans; each call gets its own so allowed calls never collide.
const yearFor = (seq: number) => 2100 + seq * 3;

export const PLAN_CASES: ActionCase[] = [
  {
    file: FILE,
    name: "savePlanImportAction",
    allowed: ["ADMIN", "COORDINATOR"],
    input: (c) => ({
      payload: JSON.stringify({
        year: 2030 + (c.seq() % 60),
        title: "矩阵测试要点",
        unitName: "XX市政协办公室",
        preamble: "",
        sections: [{ title: "一部分", points: [{ number: 1, title: "要点", text: "", leadOfficeId: null, supportOfficeIds: [], deadline: null, deadlineText: "", responsible: "", targets: [] }] }],
      }),
      replace: "on",
    }),
  },
  {
    file: FILE,
    name: "updatePointAction",
    allowed: PLAN_EDITORS,
    input: async (c) => {
      const { point } = await makePlan(c.db, yearFor(c.seq()));
      return { id: String(point.id), version: String(point.version), title: "改后的要点", text: "正文", leadOfficeId: "", deadline: "", deadlineText: "年底前", responsible: "" };
    },
  },
  {
    file: FILE,
    name: "createTargetAction",
    allowed: PLAN_EDITORS,
    input: async (c) => {
      const { point } = await makePlan(c.db, yearFor(c.seq()));
      return { workPointId: String(point.id), subject: "调研", comparator: ">=", value: "3", unit: "次", kind: "COUNT", sourceText: "", deadline: "" };
    },
  },
  {
    file: FILE,
    name: "updateTargetAction",
    allowed: PLAN_EDITORS,
    input: async (c) => {
      const { target } = await makePlan(c.db, yearFor(c.seq()));
      return { id: String(target.id), version: String(target.version), subject: "调研", comparator: ">=", value: "5", unit: "次", kind: "COUNT", sourceText: "", deadline: "" };
    },
  },
  {
    file: FILE,
    name: "deleteTargetAction",
    allowed: PLAN_EDITORS,
    input: async (c) => {
      const { target } = await makePlan(c.db, yearFor(c.seq()));
      return { id: String(target.id), version: String(target.version) };
    },
  },
  {
    file: FILE,
    name: "publishPlanAction",
    allowed: PLAN_EDITORS,
    input: async (c) => {
      const { plan } = await makePlan(c.db, yearFor(c.seq()));
      return { id: String(plan.id), version: String(plan.version) };
    },
  },
  {
    file: FILE,
    name: "archivePlanAction",
    allowed: PLAN_EDITORS,
    input: async (c) => {
      const { plan } = await makePlan(c.db, yearFor(c.seq()), "PUBLISHED");
      return { id: String(plan.id), version: String(plan.version) };
    },
  },
  {
    file: FILE,
    name: "copyPlanAction",
    allowed: PLAN_EDITORS,
    input: async (c) => {
      const { plan } = await makePlan(c.db, yearFor(c.seq()));
      return { id: String(plan.id), version: String(plan.version) };
    },
  },
];
