/**
 * `npm run report:preview`: renders the demo 2025 annual report the way the export route does,
 * converts it with LibreOffice (Debian: libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk) and
 * writes the first page to docs/report-first-page.png for the README.
 * Everything happens in a throw-away SQLite database under data/preview/.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migrateSqlite } from "../lib/migrate";
import { createPrismaClient } from "../lib/db";
import { seedDemo } from "../lib/seed/demo";
import { generateReport } from "../lib/report/mutations";
import { loadReportForExport } from "../lib/report/queries";
import { buildReportDocx } from "../lib/report/docx";

const ROOT = process.cwd();
const WORK = path.join(ROOT, "data", "preview");
const PNG = path.join(ROOT, "docs", "report-first-page.png");
const YEAR = 2025;

function requireTool(name: string, debianPackage: string) {
  try {
    execFileSync("which", [name], { stdio: "ignore" });
  } catch {
    console.error(`缺少 ${name}：请先安装 Debian 软件包 ${debianPackage}`);
    process.exit(1);
  }
}

async function main() {
  requireTool("libreoffice", "libreoffice-writer-nogui");
  requireTool("pdftoppm", "poppler-utils");
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, "preview.db");
  migrateSqlite(file);
  const db = createPrismaClient(`file:${file}`);
  try {
    await seedDemo(db, new Date(Date.UTC(2026, 0, 15)));
    const coordinator = await db.user.findUniqueOrThrow({ where: { username: "coordinator" } });
    await generateReport(db, { id: coordinator.id, username: coordinator.username, role: coordinator.role }, { year: YEAR });
    const report = await loadReportForExport(db, YEAR);
    if (!report) throw new Error("report not generated");
    const docx = await buildReportDocx({
      title: report.title,
      preface: report.preface,
      parts: report.parts,
      signature: report.signature,
      date: new Date(Date.UTC(2026, 0, 15)),
      draft: false,
    });
    const docxFile = path.join(WORK, `annual-report-${YEAR}.docx`);
    fs.writeFileSync(docxFile, docx);
    execFileSync("libreoffice", ["--headless", "--convert-to", "pdf", "--outdir", WORK, docxFile], { stdio: "inherit", timeout: 180_000 });
    const pdf = docxFile.replace(/\.docx$/, ".pdf");
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, PNG.replace(/\.png$/, "")], { stdio: "inherit" });
    const pages = execFileSync("pdfinfo", [pdf], { encoding: "utf8" }).match(/Pages:\s+(\d+)/)?.[1];
    console.log(`${docxFile} → ${pdf} (${pages} pages) → ${PNG}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
