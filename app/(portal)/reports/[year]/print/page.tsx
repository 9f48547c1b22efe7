import Link from "next/link";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { classifyParagraph, titleLines } from "@/lib/report/docx";
import { loadReportForExport } from "@/lib/report/queries";
import { hidesDraftYear } from "@/lib/plan/visibility";
import { formatChineseDate } from "@/lib/report/sentences";
import { parseReportYear } from "@/lib/report/workflow";
import { ReportPrintButton } from "@/components/report-print-button";
import styles from "./print.module.css";

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props) {
  const { year } = await params;
  return { title: `${year} 年度报告（打印） - 法治建设工作台` };
}

function Paragraph({ text }: { text: string }) {
  const kind = classifyParagraph(text);
  if (kind === "body") return <p className={styles.p}>{text}</p>;
  const stop = text.indexOf("。");
  const [title, rest] = stop < 0 ? [text, ""] : [text.slice(0, stop + 1), text.slice(stop + 1)];
  return (
    <p className={styles.p}>
      <span className={kind === "level2" ? styles.level2 : styles.runIn}>{title}</span>
      {rest}
    </p>
  );
}

/** The report as it will look on paper: same structure and measures as the Word export. */
export default async function ReportPrintPage({ params }: Props) {
  const user = await requirePageUser("report:read");
  const year = parseReportYear((await params).year);
  if (year === null) notFound();
  const report = (await hidesDraftYear(prisma, user.role, year)) ? null : await loadReportForExport(prisma, year);
  if (!report) {
    return (
      <div className="card">
        <p>该年度报告尚未生成。</p>
        <Link href={`/reports/${year}`} className="text-brand hover:underline">返回年度报告</Link>
      </div>
    );
  }
  const draft = report.status !== "FINAL";
  return (
    <div>
      <div className="no-print mb-3 flex flex-wrap items-center gap-3">
        <Link href={`/reports/${year}`} className="btn">返回编辑页</Link>
        <ReportPrintButton />
        <span className="text-sm text-slate-600">
          {draft ? "当前为草稿，打印件带“草稿”标记。" : "已定稿。"}打印时请在对话框中选择 A4 纸、关闭“页眉和页脚”。
        </span>
      </div>
      <div className={styles.screen}>
        <article className={`${styles.sheet} ${draft ? styles.draftSheet : ""}`} data-testid="report-print">
          {draft ? (
            <>
              <div className={styles.draftMark}>草稿</div>
              <div className={styles.watermark} aria-hidden="true">草稿</div>
            </>
          ) : null}
          <h1 className={styles.title}>
            {titleLines(report.title).map((line, i) => (
              <span key={i}>{line}</span>
            ))}
          </h1>
          {report.preface ? <p className={styles.p}>{report.preface}</p> : null}
          {report.parts.map((part) => (
            <section key={part.key}>
              <h2 className={`${styles.p} ${styles.level1}`}>{part.heading}</h2>
              {part.content
                .split("\n")
                .map((line) => line.trim())
                .filter(Boolean)
                .map((line, i) => (
                  <Paragraph key={i} text={line} />
                ))}
            </section>
          ))}
          <div className={styles.signature}>
            <p>{report.signature}</p>
            <p>{formatChineseDate(report.date, { withYear: true })}</p>
          </div>
        </article>
      </div>
    </div>
  );
}
