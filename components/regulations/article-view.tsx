import type { SplitRegulation } from "@/lib/regulations/articles";

/** The articles of one version, each with its anchor (/regulations/3#art-12); chapters and sections as headings. */
export function ArticleView({ split, fullText }: { split: SplitRegulation; fullText: string }) {
  if (split.articles.length === 0) {
    return <div className="regulation-text whitespace-pre-wrap leading-8" data-testid="regulation-fulltext">{fullText || "（该版本没有可显示的文字，请下载原文件查看）"}</div>;
  }
  return (
    <div className="regulation-text leading-8" data-testid="regulation-articles">
      {split.preamble.map((line, i) => (
        <p key={`p${i}`} className={i === 0 ? "regulation-doc-title mb-2 text-center text-lg font-semibold" : "text-center text-sm text-slate-600"}>
          {line}
        </p>
      ))}
      {split.blocks.map((block) =>
        block.kind === "article" ? (
          <section key={block.anchor} id={block.anchor} className="regulation-article group scroll-mt-20 target:bg-yellow-50" data-testid="regulation-article">
            <p className="indent-8">
              <a href={`#${block.anchor}`} className="font-semibold text-slate-900 no-underline hover:text-brand" title="本条链接">
                {block.label}
              </a>
              {"　"}
              {block.text.split("\n").map((line, i) => (i === 0 ? <span key={i}>{line}</span> : <span key={i} className="mt-1 block indent-8">{line}</span>))}
            </p>
          </section>
        ) : (
          <h3 key={block.anchor} id={block.anchor} className={block.kind === "chapter" ? "mt-4 text-center font-semibold" : "mt-2 text-center font-medium"}>
            {block.label}
            {block.title ? `　${block.title}` : ""}
          </h3>
        ),
      )}
    </div>
  );
}
