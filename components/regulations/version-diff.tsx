import { changedSpan, summarizeDiff, type ArticleChange } from "@/lib/regulations/diff";

const ROW_STYLE: Record<ArticleChange["kind"], string> = {
  same: "",
  changed: "bg-amber-50",
  added: "bg-green-50",
  removed: "bg-red-50",
};
const KIND_LABEL: Record<ArticleChange["kind"], string> = { same: "未改", changed: "修改", added: "新增", removed: "删除" };

/** Side-by-side difference of two versions, article by article (lib/regulations/diff.ts). */
export function VersionDiff({ changes, beforeLabel, afterLabel }: { changes: ArticleChange[]; beforeLabel: string; afterLabel: string }) {
  const s = summarizeDiff(changes);
  return (
    <div data-testid="regulation-diff">
      <p className="mb-2 text-sm text-slate-700">
        修改 {s.changed} 条，新增 {s.added} 条，删除 {s.removed} 条，未改 {s.same} 条。
      </p>
      <table className="table">
        <thead>
          <tr>
            <th className="w-14">变化</th>
            <th>{beforeLabel}</th>
            <th>{afterLabel}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c, i) => {
            const before = c.kind === "added" ? null : c.before;
            const after = c.kind === "removed" ? null : c.after;
            const span = c.kind === "changed" ? changedSpan(c.before.text, c.after.text) : null;
            return (
              <tr key={i} className={ROW_STYLE[c.kind]} data-change={c.kind}>
                <td className="text-xs">{KIND_LABEL[c.kind]}</td>
                <td className="text-sm">
                  {before ? (
                    <>
                      <b>{before.label}</b>　
                      {span ? (
                        <>
                          {span.prefix}
                          <del className="bg-red-200">{span.removed}</del>
                          {span.suffix}
                        </>
                      ) : (
                        before.text
                      )}
                    </>
                  ) : null}
                </td>
                <td className="text-sm">
                  {after ? (
                    <>
                      <b>{after.label}</b>　
                      {span ? (
                        <>
                          {span.prefix}
                          <ins className="bg-green-200 no-underline">{span.added}</ins>
                          {span.suffix}
                        </>
                      ) : (
                        after.text
                      )}
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
