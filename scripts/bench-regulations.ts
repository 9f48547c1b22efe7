/**
 * The 制度库 part of `npm run bench`: median time of a search (lib/regulations/search-index.ts,
 * through Prisma, as the list page runs it) over 2,000 generated rules of about 10,000 characters
 * each (~20 MB of text) in data/bench-regulations.db. Queries: 2-, 3-, 4- and 6-character words,
 * two words, and a word with a category filter. Alone: `npx tsx scripts/bench-regulations.ts`.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateSqlite } from "../lib/migrate";
import { createPrismaClient } from "../lib/db";
import { searchRegulationIds } from "../lib/regulations/search-index";
import { bigramText, queryTerms } from "../lib/regulations/search-terms";

const ROOT = process.cwd();
const DB_FILE = path.join(ROOT, "data", "bench-regulations.db");
const COUNT = 2000;
const CATEGORIES = ["履职工作制度", "机关内部管理制度", "法律法规", "党内法规"];
const SUBJECTS = ["公文处理", "印章使用", "合同审查", "会议组织", "财务报销", "档案管理", "保密工作", "信息公开", "政务接待", "车辆管理", "提案办理", "委员联络", "学习培训", "督查督办", "网络安全", "固定资产", "政府采购", "应急值守", "法律顾问", "规范性文件"];
const CLAUSES = [
  "应当严格按照有关规定办理，不得擅自简化程序",
  "由责任科室提出意见，报分管领导审核后实施",
  "办理情况应当及时登记，相关材料按年度归档保存",
  "涉及重大事项的，应当经法治办合法性审查",
  "对违反本办法规定的，依照有关规定追究责任",
  "各科室应当指定专人负责，做好日常管理工作",
  "每年对执行情况进行一次评估，并形成书面报告",
  "遇有特殊情况的，按照请示报告制度及时报告",
  "相关经费纳入年度预算，专款专用",
  "工作人员应当遵守保密纪律，不得泄露工作秘密",
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function ruleText(i: number, random: () => number): { title: string; text: string } {
  const subject = SUBJECTS[i % SUBJECTS.length];
  const title = `市政协办公室${subject}管理办法（第${i + 1}号）`;
  const lines = [title];
  let article = 1;
  for (let chapter = 1; lines.join("").length < 10_000; chapter++) {
    lines.push(`第${chapter}章　${subject}的第${chapter}部分`);
    for (let k = 0; k < 6; k++) {
      const a = CLAUSES[Math.floor(random() * CLAUSES.length)];
      const b = CLAUSES[Math.floor(random() * CLAUSES.length)];
      lines.push(`第${article++}条　${subject}工作中，${a}；${b}。编号${i}-${article}。`);
    }
  }
  if (i % 50 === 0) lines.push(`第${article}条　涉及印章和合同的事项，按照机关内部控制规定执行。`);
  return { title, text: lines.join("\n") };
}

export async function measureRegulationSearch(): Promise<{ p50: number; chars: number; perQuery: Record<string, number> }> {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(DB_FILE + suffix, { force: true });
  migrateSqlite(DB_FILE);
  const random = rng(17);
  const rules = Array.from({ length: COUNT }, (_, i) => ruleText(i, random));
  const prisma = createPrismaClient(`file:${DB_FILE}`);
  try {
    for (let start = 0; start < COUNT; start += 200) {
      const batch = rules.slice(start, start + 200);
      await prisma.$transaction(
        batch.map((r, k) =>
          prisma.regulation.create({
            data: {
              id: start + k + 1,
              title: r.title,
              docNumber: `X政协办发〔${2015 + ((start + k) % 10)}〕${start + k + 1}号`,
              category: CATEGORIES[(start + k) % CATEGORIES.length],
              adoptedOn: new Date(Date.UTC(2015 + ((start + k) % 10), 2, 1)),
              versions: { create: { versionNo: 1, fullText: r.text } },
            },
          }),
        ),
      );
    }
    const sqlite = new Database(DB_FILE);
    const tri = sqlite.prepare(`INSERT INTO "fts_regulation" (rowid, "title", "docNumber", "body") VALUES (?, ?, ?, ?)`);
    const bi = sqlite.prepare(`INSERT INTO "fts_regulation_bigram" (rowid, "title", "docNumber", "body") VALUES (?, ?, ?, ?)`);
    sqlite.transaction(() => {
      rules.forEach((r, i) => {
        const doc = `X政协办发〔${2015 + (i % 10)}〕${i + 1}号`;
        tri.run(i + 1, r.title, doc, r.text);
        bi.run(i + 1, bigramText(r.title), bigramText(doc), bigramText(r.text));
      });
    })();
    sqlite.exec(`INSERT INTO "fts_regulation"("fts_regulation") VALUES ('optimize'); INSERT INTO "fts_regulation_bigram"("fts_regulation_bigram") VALUES ('optimize');`);
    sqlite.close();

    const queries: Array<[string, Record<string, string>]> = [
      ["合同", {}],
      ["印章", {}],
      ["法治办", {}],
      ["合同审查", {}],
      ["内部控制规定", {}],
      ["保密 纪律", {}],
      ["档案", { category: "机关内部管理制度" }],
    ];
    const perQuery: Record<string, number> = {};
    const all: number[] = [];
    for (const [q, filter] of queries) {
      const run = () => searchRegulationIds(prisma, "sqlite", queryTerms(q), filter, 100);
      for (let i = 0; i < 3; i++) await run();
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t = process.hrtime.bigint();
        await run();
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      times.sort((a, b) => a - b);
      perQuery[q] = Math.round(times[7] * 100) / 100;
      all.push(...times);
    }
    all.sort((a, b) => a - b);
    const p50 = Math.round(all[Math.floor(all.length / 2)] * 100) / 100;
    return { p50, chars: rules.reduce((n, r) => n + r.text.length, 0), perQuery };
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const t = Date.now();
  measureRegulationSearch().then((r) => {
    console.log(`regulations: ${COUNT} rules, ${r.chars} characters, built and measured in ${Date.now() - t} ms; per query p50 ${JSON.stringify(r.perQuery)}`);
    console.log(JSON.stringify({ regulation_search_ms_p50: r.p50 }));
  });
}
