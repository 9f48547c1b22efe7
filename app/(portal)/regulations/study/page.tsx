import Link from "next/link";
import { requirePageUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { calendarDayAt } from "@/lib/progress";
import { STATUS_LABEL, type RegulationStatus } from "@/lib/regulations/constants";
import { noteAnchor, parseStudyYear, studyYearChoices } from "@/lib/study/note-anchor";
import { loadStudyList, ownStudyMarks, studyCandidates, studyListYears } from "@/lib/study/queries";
import { StudyMarkToggle } from "@/components/study/mark-toggle";
import { AddStudyItemForm, RemoveStudyItemButton, StudyNoteForm } from "@/components/study/manage-forms";

export const metadata = { title: "学法清单 - 法治建设工作台" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The year's 学法清单. Each reader sees only their own 已学 marks; there is no list of who studied,
 * no count per person or office, no reading time and no reminder (no 指尖上的形式主义).
 */
export default async function StudyListPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("regulation:read");
  const manage = can(user.role, "regulation:manage");
  const currentYear = calendarDayAt(new Date()).getUTCFullYear();
  const year = parseStudyYear((await searchParams).year, currentYear);
  const [rows, marks, years, candidates] = await Promise.all([
    loadStudyList(prisma, year),
    ownStudyMarks(prisma, user.id, year),
    studyListYears(prisma),
    manage ? studyCandidates(prisma, year) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <Link href="/regulations" className="text-sm text-brand hover:underline">← 制度库</Link>
          <h1 className="page-title mb-0">{year}年学法清单</h1>
        </div>
        <form method="get" action="/regulations/study" className="flex items-center gap-2">
          <label htmlFor="study-year" className="text-sm">年度</label>
          <select id="study-year" name="year" defaultValue={year} className="input w-28">
            {studyYearChoices(currentYear, years, year).map((y) => (
              <option key={y} value={y}>{y}年</option>
            ))}
          </select>
          <button type="submit" className="btn">查看</button>
        </form>
      </div>
      <p className="text-sm text-slate-600">
        学法不搞形式：不打卡、不统计学习时长、不排名。“已学”标记只有您本人可见。
        {rows.length > 0 ? <span className="ml-2 font-medium text-slate-800" data-testid="study-own-count">本人已学 {rows.filter((r) => marks.has(r.regulationId)).length} / {rows.length}</span> : null}
      </p>
      {rows.length === 0 ? <p className="card text-sm text-slate-600">{year}年学法清单尚未列入制度。</p> : null}
      {rows.length > 0 ? (
        <table className="table" data-testid="study-table">
          <thead>
            <tr>
              <th>制度</th>
              <th>类别</th>
              <th>学习提示</th>
              <th className="w-40">本人</th>
              {manage ? <th className="w-72">管理</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const ref = noteAnchor(r.note);
              return (
                <tr key={r.itemId} data-testid="study-row">
                  <td>
                    <Link href={`/regulations/${r.regulationId}`} className="text-brand hover:underline">{r.title}</Link>
                    {r.status === "REPEALED" ? <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">{STATUS_LABEL[r.status as RegulationStatus]}</span> : null}
                    <div className="text-xs text-slate-500">{r.docNumber || "—"}</div>
                  </td>
                  <td>{r.category}</td>
                  <td>
                    {r.note || "—"}
                    {ref ? (
                      <Link href={`/regulations/${r.regulationId}#${ref.anchor}`} className="ml-2 text-xs text-brand hover:underline">查看{ref.label}</Link>
                    ) : null}
                  </td>
                  <td>
                    <StudyMarkToggle year={year} regulationId={r.regulationId} studied={marks.has(r.regulationId)} />
                  </td>
                  {manage ? (
                    <td className="space-y-1">
                      <StudyNoteForm itemId={r.itemId} note={r.note} />
                      <RemoveStudyItemButton itemId={r.itemId} year={year} />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {manage ? (
        <div className="card">
          <h2 className="mb-2 font-semibold">列入学法清单</h2>
          <AddStudyItemForm year={year} candidates={candidates} />
        </div>
      ) : null}
    </div>
  );
}
