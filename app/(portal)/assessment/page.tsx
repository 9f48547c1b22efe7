import Link from "next/link";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { assessmentYears } from "@/lib/assessment/queries";

export const metadata = { title: "考核自评 - 法治建设工作台" };

/** The years with a rubric, and the plan years one may start. */
export default async function AssessmentIndexPage() {
  await requirePageUser("assessment:read");
  const [years, plans] = await Promise.all([assessmentYears(prisma), prisma.plan.findMany({ select: { year: true }, orderBy: { year: "desc" } })]);
  const all = [...new Set([...years, ...plans.map((p) => p.year)])].sort((a, b) => b - a);
  return (
    <div className="space-y-4">
      <h1 className="page-title">考核自评</h1>
      <p className="text-sm text-slate-600">按上级下发的考核指标逐项自评：关联工作要点、量化指标和台账记录，系统按计分规则给出建议得分，法治办采纳或说明理由后调整，并导出自评表和佐证材料。</p>
      <ul className="card divide-y">
        {all.map((year) => (
          <li key={year} className="flex items-center justify-between py-2">
            <Link className="text-brand hover:underline" href={`/assessment/${year}`}>{year} 年度考核</Link>
            <span className="text-sm text-slate-500">{years.includes(year) ? "已有考核指标" : "尚未导入考核指标"}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
