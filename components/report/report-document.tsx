import { classifyParagraph, titleLines } from "@/lib/report/docx";
import { formatChineseDate } from "@/lib/report/sentences";
import styles from "./report-document.module.css";

function Paragraph({ text }: { text: string }) {
  const kind = classifyParagraph(text);
  if (kind === "body") return <p className={styles.p}>{text}</p>;
  const stop = text.indexOf("。");
  const [title, rest] = stop < 0 ? [text, ""] : [text.slice(0, stop + 1), text.slice(stop + 1)];
  // A heading line without text of its own keeps with the next paragraph (break-after: avoid).
  return (
    <p className={`${styles.p} ${rest ? "" : styles.keep}`}>
      <span className={kind === "level2" ? styles.level2 : styles.runIn}>{title}</span>
      {rest}
    </p>
  );
}

export interface ReportDocumentProps {
  title: string;
  preface: string;
  parts: { key: string; heading: string; content: string }[];
  signature: string;
  date: Date;
  draft: boolean;
  testId?: string;
}

/** The report as it looks on paper (print view) and on the public page: the Word export's structure and measures. */
export function ReportDocument({ title, preface, parts, signature, date, draft, testId = "report-print" }: ReportDocumentProps) {
  return (
    <div className={styles.screen}>
      <article className={`${styles.sheet} ${draft ? styles.draftSheet : ""}`} data-testid={testId}>
        {draft ? (
          <>
            <div className={styles.draftMark}>草稿</div>
            <div className={styles.watermark} aria-hidden="true">草稿</div>
          </>
        ) : null}
        <h1 className={styles.title}>
          {titleLines(title).map((line, i) => (
            <span key={i}>{line}</span>
          ))}
        </h1>
        {preface ? <p className={styles.p}>{preface}</p> : null}
        {parts.map((part) => (
          <section key={part.key} aria-label={part.heading}>
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
          <p>{signature}</p>
          <p>{formatChineseDate(date, { withYear: true })}</p>
        </div>
      </article>
    </div>
  );
}
