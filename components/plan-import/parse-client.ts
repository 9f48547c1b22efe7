/** The browser's side of POST /api/plans/parse: sends pasted text or a file (with the page's choices). */
import type { DocumentPlan } from "@/lib/plan/import-document";
import { importOptionsHeader, type ImportOptionsInput } from "@/lib/plan/import-options";

export type ParseResult = ({ ok: true } & DocumentPlan) | { ok: false; message: string };

async function post(body: BodyInit, headers: Record<string, string>): Promise<ParseResult> {
  let response: Response;
  try {
    response = await fetch("/api/plans/parse", { method: "POST", body, headers, credentials: "same-origin" });
  } catch {
    return { ok: false, message: "网络错误，未能上传，请稍后重试" };
  }
  try {
    return (await response.json()) as ParseResult;
  } catch {
    return { ok: false, message: response.status === 413 ? "文件超过 10 MB，无法导入" : `解析失败（${response.status}），请稍后重试` };
  }
}

export function parseText(text: string): Promise<ParseResult> {
  return post(text, { "Content-Type": "text/plain; charset=utf-8" });
}

export function parseFile(file: File, options: ImportOptionsInput = {}): Promise<ParseResult> {
  const headers: Record<string, string> = { "Content-Type": "application/octet-stream", "X-File-Name": encodeURIComponent(file.name) };
  if (options.sheet || options.mapping) headers["X-Import-Options"] = importOptionsHeader(options);
  return post(file, headers);
}
