/**
 * Demo 学法清单 for the demo year: six of the seeded rules with a study hint each; no marks (each
 * reader marks their own). Deterministic: fixed titles and order.
 */
import type { Tx } from "@/lib/db";

type Audit = (entity: string, id: number, after: object, by?: string) => void;

const STUDY_LIST: { title: string; note: string }[] = [
  { title: "XX市政协办公室法治建设工作制度", note: "重点学习第三章" },
  { title: "XX市政协办公室合法性审查工作办法", note: "重点学习第二条、第五条" },
  { title: "XX市政协办公室学法用法制度", note: "" },
  { title: "XX市政协办公室保密工作制度", note: "重点学习第四条" },
  { title: "党政机关公文处理工作条例", note: "结合公文处理办法一并学习" },
  { title: "中华人民共和国保守国家秘密法", note: "" },
];

export async function seedStudyList(tx: Tx, year: number, coordinatorId: number | null, audit: Audit): Promise<number> {
  let order = 0;
  for (const entry of STUDY_LIST) {
    const rule = await tx.regulation.findFirst({ where: { title: entry.title }, select: { id: true } });
    if (!rule) continue;
    const item = await tx.studyListItem.create({ data: { year, regulationId: rule.id, note: entry.note, sortOrder: ++order, addedById: coordinatorId } });
    audit("StudyList", item.id, { year, regulationId: rule.id, title: entry.title, note: entry.note }, "coordinator");
  }
  return order;
}
