/**
 * npm run --silent plan:parse -- FILE [--sheet NAME] [--columns ROLE,ROLE,…] [--header-row N]
 *
 * Parses a rule-of-law work plan in any format the import accepts (.txt, .docx, .doc, .wps,
 * .xlsx, .pdf) and prints the result as pretty JSON on stdout — everything parsePlanText
 * returns except normalizedText, which only repeats the input. The content decides where it
 * disagrees with the extension (a PDF renamed .txt is read as a PDF).
 * A task table whose header cannot be recognised needs --columns (roles: number, section, task,
 * measures, lead, support, deadline, responsible, note, ignore), with --header-row (0-based,
 * -1 for none). Exit code 1 with a Chinese message on stderr when the file cannot be imported.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { UserFacingError } from "../lib/action-state";
import { planOfDocument, readImportDocument, type ImportFileOptions } from "../lib/plan/import-parse";
import { MAX_IMPORT_BYTES } from "../lib/plan/import-limits";
import { COLUMN_ROLES, type ColumnRole } from "../lib/plan/table/columns";

const USAGE = "用法：npm run --silent plan:parse -- 文件路径（.txt / .docx / .doc / .wps / .xlsx / .pdf） [--sheet 工作表] [--columns number,task,…] [--header-row N]\n";

function parseArgs(argv: readonly string[]): { file: string; options: ImportFileOptions } | string {
  let file: string | undefined;
  const options: ImportFileOptions = {};
  let columns: ColumnRole[] | undefined;
  let headerRow = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--sheet") options.sheet = argv[++i];
    else if (arg === "--header-row") headerRow = Number(argv[++i]);
    else if (arg === "--columns") {
      const roles = (argv[++i] ?? "").split(",").map((role) => role.trim());
      const unknown = roles.filter((role) => !(COLUMN_ROLES as readonly string[]).includes(role));
      if (unknown.length > 0) return `未知的列类型：${unknown.join("、")}（可用：${COLUMN_ROLES.join(", ")}）\n`;
      columns = roles as ColumnRole[];
    } else if (file === undefined) file = arg;
    else return USAGE;
  }
  if (!file) return USAGE;
  if (columns) options.mapping = { columns, headerRow: Number.isInteger(headerRow) ? headerRow : 0 };
  return { file, options };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(args);
    return 1;
  }
  const { file, options } = args;
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new Error("not a file");
    size = stats.size;
  } catch {
    process.stderr.write(`找不到文件：${file}\n`);
    return 1;
  }
  if (size > MAX_IMPORT_BYTES) {
    process.stderr.write(`文件过大（超过 10 MB）：${file}\n`);
    return 1;
  }
  try {
    const doc = await readImportDocument(path.basename(file), readFileSync(file), options);
    const { plan, info } = planOfDocument(doc, options);
    if (info.needsMapping) {
      const table = info.tables.find((t) => t.source === "none");
      process.stderr.write(`未能识别表格的表头，请用 --columns 指定各列（共 ${table?.columnCount ?? 0} 列），第一行为：${(table?.sample[0] ?? []).join(" | ")}\n`);
      return 1;
    }
    const { normalizedText: _omitted, ...rest } = plan;
    process.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UserFacingError) {
      process.stderr.write(`${error.message}：${file}\n`);
      return 1;
    }
    throw error;
  }
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
