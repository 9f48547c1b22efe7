/**
 * The 公开 version as a self-contained, accessible HTML page (issue 16): the signed text after the
 * 保密审查, without internal addressees (no 主送机关, 签发人 or 红头), at /public/reports/<year>.
 * Pure: semantic headings (h1 title, h2 parts), lang="zh-CN", readable without script or images,
 * every text escaped. The stylesheet carries the request's CSP nonce.
 */
import { classifyParagraph, titleLines } from "@/lib/report/docx";
import { formatChineseDate } from "@/lib/progress/dates";

export interface PublicReport {
  year: number;
  title: string;
  preface: string;
  parts: { heading: string; content: string }[];
  signature: string;
  date: Date;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const CSS = `
body{margin:0;background:#f1f5f9;color:#111;font-family:"仿宋_GB2312","仿宋",FangSong,STFangsong,"Noto Serif CJK SC",serif}
main{box-sizing:border-box;max-width:210mm;margin:0 auto;padding:32px 28px 48px;background:#fff;font-size:16pt;line-height:1.8}
h1{margin:0 0 1.2em;text-align:center;font-family:"方正小标宋简体","宋体",SimSun,"Noto Serif CJK SC",serif;font-size:22pt;font-weight:normal;line-height:1.5}
h1 span{display:block}
h2{margin:0;text-indent:2em;font-family:"黑体",SimHei,"Noto Sans CJK SC",sans-serif;font-size:16pt;font-weight:normal}
p{margin:0;text-indent:2em;text-align:justify}
.l2{font-family:"楷体_GB2312","楷体",KaiTi,"AR PL UKai CN",serif}
.l3{font-weight:bold}
.sign{margin-top:1.8em;padding-right:4em;text-align:right}
.sign p{text-indent:0;text-align:right}
h1,h2,.keep{break-after:avoid;page-break-after:avoid}
@media (max-width:640px){main{padding:16px;font-size:13pt}h1{font-size:18pt}}
@media print{body{background:none}main{padding:0;max-width:none}}
`;

function paragraph(text: string): string {
  const kind = classifyParagraph(text);
  if (kind === "body") return `<p>${escapeHtml(text)}</p>`;
  const stop = text.indexOf("。");
  const [title, rest] = stop < 0 ? [text, ""] : [text.slice(0, stop + 1), text.slice(stop + 1)];
  const cls = kind === "level2" ? "l2" : "l3";
  return `<p${rest ? "" : ' class="keep"'}><span class="${cls}">${escapeHtml(title)}</span>${escapeHtml(rest)}</p>`;
}

export function publicReportHtml(report: PublicReport, nonce: string | null): string {
  const lines = (content: string) =>
    content
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .map(paragraph)
      .join("\n");
  const sections = report.parts.map((part) => `<section>\n<h2>${escapeHtml(part.heading)}</h2>\n${lines(part.content)}\n</section>`).join("\n");
  const nonceAttr = nonce && /^[A-Za-z0-9+/=]+$/u.test(nonce) ? ` nonce="${nonce}"` : "";
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style${nonceAttr}>${CSS}</style>
</head>
<body>
<main data-testid="public-report">
<h1>${titleLines(report.title).map((line) => `<span>${escapeHtml(line)}</span>`).join("")}</h1>
${report.preface ? `<p>${escapeHtml(report.preface)}</p>` : ""}
${sections}
<div class="sign"><p>${escapeHtml(report.signature)}</p><p>${formatChineseDate(report.date)}</p></div>
</main>
</body>
</html>
`;
}
