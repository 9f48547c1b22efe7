import { leaderChoices } from "@/lib/report-cycle/queries";
import { prisma } from "@/lib/db";

/** 述法 material per leader (issue 16): drafted from the year's approved ledger, downloaded as Word. */
export async function ReportShufaLinks({ year }: { year: number }) {
  const leaders = await leaderChoices(prisma);
  if (leaders.length === 0) return null;
  return (
    <section className="card" aria-labelledby="report-shufa-title" data-testid="report-shufa">
      <h2 id="report-shufa-title" className="mb-1 font-semibold">领导述法材料</h2>
      <p className="mb-2 text-xs text-slate-600">
        按本年度已审核通过的台账起草（本人学法、提交合法性审核的决策事项、普法责任），台账中没有的内容以“请补充”提示，供述职述廉述法时修改使用。
      </p>
      <ul className="flex flex-wrap gap-2">
        {leaders.map((leader) => (
          <li key={leader.id}>
            <a className="btn" href={`/api/export/shufa?year=${year}&leader=${leader.id}`} download>
              {leader.displayName}述法材料（Word）
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
