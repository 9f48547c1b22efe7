/**
 * Permission-matrix cases of the annual report's server actions (lib/report/actions.ts), in the
 * shape of tests/security/action-cases.ts. Spread REPORT_ACTION_CASES into ACTION_CASES there so
 * the shared matrix covers them; tests/integration/report-routes.test.ts runs them on its own.
 *
 * Each input first puts the 2025 report into the status the action starts from, so the allowed
 * persona's call succeeds whatever ran before.
 */
import type { Db } from "@/lib/db";
import type { ActionCase } from "@/tests/security/action-cases";
import { generateReport } from "@/lib/report/mutations";

const FILE = "lib/report/actions.ts";
const YEAR = 2025;
const COORDINATOR_ONLY = ["COORDINATOR"] as const;
const LEADER_ONLY = ["LEADER"] as const;

/** The 2025 report in `status`, with no "（请补充…）" left so it may be submitted; returns its version. */
export async function reportInStatus(db: Db, status: "DRAFT" | "IN_REVIEW" | "FINAL"): Promise<number> {
  let report = await db.annualReport.findUnique({ where: { year: YEAR } });
  if (!report) {
    const user = await db.user.findUniqueOrThrow({ where: { username: "coordinator" } });
    report = await generateReport(db, { id: user.id, username: user.username, role: user.role }, { year: YEAR });
  }
  await db.reportPart.updateMany({ where: { reportId: report.id, content: { contains: "（请补充" } }, data: { content: "已补充。" } });
  const updated = await db.annualReport.update({ where: { id: report.id }, data: { status, version: { increment: 1 } } });
  return updated.version;
}

async function partVersion(db: Db, key: string): Promise<number> {
  await reportInStatus(db, "DRAFT");
  return (await db.reportPart.findFirstOrThrow({ where: { key, report: { year: YEAR } } })).version;
}

export const REPORT_ACTION_CASES: ActionCase[] = [
  {
    file: FILE,
    name: "generateReportAction",
    allowed: COORDINATOR_ONLY,
    input: async (c) => {
      await c.db.annualReport.deleteMany({ where: { year: YEAR } });
      return { year: String(YEAR) };
    },
  },
  {
    file: FILE,
    name: "saveReportPartAction",
    allowed: COORDINATOR_ONLY,
    input: async (c) => ({ year: String(YEAR), key: "part2", version: String(await partVersion(c.db, "part2")), content: `矩阵修改${c.seq()}。` }),
  },
  {
    file: FILE,
    name: "regenerateReportPartAction",
    allowed: COORDINATOR_ONLY,
    input: async (c) => ({ year: String(YEAR), key: "part5", version: String(await partVersion(c.db, "part5")), confirm: "1" }),
  },
  {
    file: FILE,
    name: "updateReportHeaderAction",
    allowed: COORDINATOR_ONLY,
    input: async (c) => ({ year: String(YEAR), version: String(await reportInStatus(c.db, "DRAFT")), title: "", signature: `矩阵署名${c.seq()}` }),
  },
  // A leader in charge may 送审 too (issue 16); the matrix's LEADER ("leader") is the demo's 主要负责人, who signs.
  { file: FILE, name: "submitReportAction", allowed: ["COORDINATOR", "LEADER"], input: async (c) => ({ year: String(YEAR), version: String(await reportInStatus(c.db, "DRAFT")) }) },
  { file: FILE, name: "finalizeReportAction", allowed: LEADER_ONLY, input: async (c) => ({ year: String(YEAR), version: String(await reportInStatus(c.db, "IN_REVIEW")), signedOn: "" }) },
  {
    file: FILE,
    name: "returnReportAction",
    allowed: LEADER_ONLY,
    input: async (c) => ({ year: String(YEAR), version: String(await reportInStatus(c.db, "IN_REVIEW")), comment: `请修改第${c.seq()}处` }),
  },
  { file: FILE, name: "reopenReportAction", allowed: LEADER_ONLY, input: async (c) => ({ year: String(YEAR), version: String(await reportInStatus(c.db, "FINAL")) }) },
];
