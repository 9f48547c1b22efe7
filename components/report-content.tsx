import { classifyParagraph } from "@/lib/report/docx";
import { segmentBySources } from "@/lib/report/segments";
import { formatChineseDate } from "@/lib/report/sentences";
import type { SourceEntryView } from "@/lib/report/queries";
import { ReportFigure, type FigureSource } from "./report-source";
import styles from "./report-content.module.css";

function figureSources(ids: number[], entries: Record<number, SourceEntryView>): FigureSource[] {
  return ids.map((id) => {
    const entry = entries[id];
    if (!entry) return { id, dateText: "", title: `台账记录 #${id}（已不存在）`, officeName: "", current: false };
    return { id, dateText: formatChineseDate(entry.date, { withYear: true }), title: entry.title, officeName: entry.officeName, current: entry.current };
  });
}

function Linked({ text, sources, entries }: { text: string; sources: Record<string, number[]>; entries: Record<number, SourceEntryView> }) {
  return (
    <>
      {segmentBySources(text, sources).map((segment, i) =>
        segment.entryIds ? (
          <ReportFigure key={i} text={segment.text} sources={figureSources(segment.entryIds, entries)} />
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

/** Splits "1.标题。正文" at the first "。", as the Word export does. */
function splitRunIn(text: string): [string, string] {
  const stop = text.indexOf("。");
  return stop < 0 ? [text, ""] : [text.slice(0, stop + 1), text.slice(stop + 1)];
}

/**
 * A part's content in the read view: one paragraph per line, "（一）" in 楷体, "1." with a bold
 * run-in title, figures linked to their ledger entries.
 */
export function ReportContent({
  content,
  sources = {},
  entries = {},
}: {
  content: string;
  sources?: Record<string, number[]>;
  entries?: Record<number, SourceEntryView>;
}) {
  const lines = content.split("\n").map((line) => line.trim()).filter(Boolean);
  return (
    <div className={`space-y-2 text-base leading-8 ${styles.body}`} data-testid="report-content">
      {lines.map((line, i) => {
        const kind = classifyParagraph(line);
        if (kind === "level2") {
          return (
            <p key={i} className={`indent-8 ${styles.level2}`}>
              <Linked text={line} sources={sources} entries={entries} />
            </p>
          );
        }
        if (kind === "level3") {
          const [title, rest] = splitRunIn(line);
          return (
            <p key={i} className="indent-8 text-justify">
              <strong>
                <Linked text={title} sources={sources} entries={entries} />
              </strong>
              <Linked text={rest} sources={sources} entries={entries} />
            </p>
          );
        }
        return (
          <p key={i} className="indent-8 text-justify">
            <Linked text={line} sources={sources} entries={entries} />
          </p>
        );
      })}
    </div>
  );
}
