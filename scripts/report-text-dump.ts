/** Dev aid: prints the drafted demo 2025 report text (no LibreOffice), for comparing with the fixture. */
import fs from "node:fs";
import path from "node:path";
import { migrateSqlite } from "../lib/migrate";
import { createPrismaClient } from "../lib/db";
import { seedDemo } from "../lib/seed/demo";
import { buildReportFacts } from "../lib/report/facts";
import { draftReport } from "../lib/report/draft";

async function main() {
  const dir = path.join(process.cwd(), "data", "preview-text");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "preview.db");
  migrateSqlite(file);
  const db = createPrismaClient(`file:${file}`);
  try {
    await seedDemo(db, new Date(Date.UTC(2026, 0, 15)));
    const draft = draftReport(await buildReportFacts(db, 2025));
    const text = [draft.title, draft.preface, ...draft.parts.flatMap((p) => [p.heading, p.content])].join("\n");
    console.log(text);
    console.error(`${text.replace(/\s/gu, "").length} characters`);
  } finally {
    await db.$disconnect();
  }
}

void main();
