/**
 * npm run --silent plan:parse -- FILE
 *
 * Parses a rule-of-law work plan (.txt or .docx) and prints the result as pretty JSON on
 * stdout — everything parsePlanText returns except normalizedText, which only repeats the
 * input. A .docx is recognised by its zip signature as well as by its extension.
 * Exit code 1 with a Chinese message on stderr when the file is missing or unreadable.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { docxToPlanText, looksLikeZip } from "../lib/plan/docx";
import { parsePlanText } from "../lib/plan/parse";
import { decodePlanTextBuffer } from "../lib/plan/text-file";

const MAX_INPUT_BYTES = 50 * 1024 * 1024;

async function main(argv: readonly string[]): Promise<number> {
  const file = argv[0];
  if (!file) {
    process.stderr.write("用法：npm run --silent plan:parse -- 文件路径（.txt 或 .docx）\n");
    return 1;
  }
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new Error("not a file");
    size = stats.size;
  } catch {
    process.stderr.write(`找不到文件：${file}\n`);
    return 1;
  }
  if (size > MAX_INPUT_BYTES) {
    process.stderr.write(`文件过大（超过 50 MB）：${file}\n`);
    return 1;
  }
  const bytes = readFileSync(file);
  const isDocx = looksLikeZip(bytes) || path.extname(file).toLowerCase() === ".docx";
  let text: string;
  if (isDocx) {
    try {
      text = await docxToPlanText(bytes);
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : "无法读取 Word 文档"}：${file}\n`);
      return 1;
    }
  } else {
    text = decodePlanTextBuffer(bytes);
  }
  const { normalizedText: _omitted, ...plan } = parsePlanText(text);
  process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`解析失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
