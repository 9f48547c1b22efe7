import Link from "next/link";
import { formatChineseDate } from "@/lib/report/sentences";
import { UNREVIEWED_LABEL, type ReportGaps } from "@/lib/report/gaps";

/**
 * Before 送审: every placeholder left in the text (送审 is refused while any remains) and every
 * ledger entry of the year nobody has reviewed yet (the draft does not count them).
 */
export function ReportGapList({ gaps, unreviewedTotal, year }: { gaps: ReportGaps; unreviewedTotal: number; year: number }) {
  if (gaps.placeholders.length === 0 && unreviewedTotal === 0) {
    return (
      <p className="rounded border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="report-gaps-none">
        报告中没有待补充的内容，本年度台账记录均已审核，可以送审。
      </p>
    );
  }
  const more = unreviewedTotal - gaps.unreviewed.length;
  return (
    <section className="space-y-2 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" aria-label="送审前检查" data-testid="report-gaps">
      {gaps.placeholders.length > 0 ? (
        <div data-testid="report-placeholders">
          <p className="font-medium">待补充的内容（共{gaps.placeholders.length}处，补充完整后才能送审）：</p>
          <ul className="ml-5 list-disc">
            {gaps.placeholders.map((gap, i) => (
              <li key={`${gap.key}-${i}`}>
                <a href={`#heading-${gap.key}`} className="hover:underline">{gap.heading}</a>：{gap.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {unreviewedTotal > 0 ? (
        <div data-testid="report-unreviewed">
          <p className="font-medium">
            {year}年有{unreviewedTotal}条台账记录尚未审核通过，未计入报告；审核通过后可重新生成相关部分：
          </p>
          <ul className="ml-5 list-disc">
            {gaps.unreviewed.map((entry) => (
              <li key={entry.id}>
                <Link href={`/ledger/${entry.id}`} className="hover:underline">
                  {formatChineseDate(entry.date)} {entry.officeName}：{entry.title}
                </Link>
                （{UNREVIEWED_LABEL[entry.status] ?? entry.status}）
              </li>
            ))}
            {more > 0 ? <li>另有{more}条未列出</li> : null}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
