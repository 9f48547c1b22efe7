import type { Db } from "@/lib/db";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A small plan (one section, one point led by 综合科, one target) for a year no demo plan uses. */
export async function makePlan(db: Db, year: number, status = "DRAFT") {
  const office = await db.office.findFirstOrThrow({ where: { name: "综合科" } });
  const plan = await db.plan.create({ data: { year, title: `${year}年测试要点`, unitName: "XX市政协办公室", status } });
  const section = await db.section.create({ data: { planId: plan.id, ordinal: 1, title: "测试部分" } });
  const point = await db.workPoint.create({
    data: { planId: plan.id, sectionId: section.id, number: 1, title: "测试要点", leadOfficeId: office.id, deadline: utc(year, 12, 31) },
  });
  const target = await db.target.create({
    data: { planId: plan.id, workPointId: point.id, sourceText: "不少于2次", subject: "测试", comparator: ">=", value: 2, unit: "次", kind: "COUNT" },
  });
  return { plan, section, point, target };
}
