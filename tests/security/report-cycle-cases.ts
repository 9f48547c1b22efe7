/**
 * Permission-matrix cases of the report cycle's server actions (lib/report-cycle/actions.ts, issue 16),
 * spread into ACTION_CASES. Each input first puts the 2025 report where the step starts; the 复审 case
 * names the demo deputy as 主要负责人 for the LEADER persona's call (the 主要负责人 may not 复审), the
 * 批准 case names "leader" again.
 */
import type { Db } from "@/lib/db";
import type { ActionCase } from "@/tests/security/action-cases";
import { reportInStatus } from "@/tests/security/report-cases";

const FILE = "lib/report-cycle/actions.ts";
const YEAR = 2025;

async function userId(db: Db, username: string) {
  return (await db.user.findUniqueOrThrow({ where: { username } })).id;
}

/** The 2025 report signed, its current round holding exactly `steps` (by coordinator, deputy). */
async function reviewState(db: Db, steps: ("FIRST" | "SECOND")[], principal: string): Promise<number> {
  const version = await reportInStatus(db, "FINAL");
  const report = await db.annualReport.findUniqueOrThrow({ where: { year: YEAR } });
  await db.reportSecrecyReview.deleteMany({ where: { reportId: report.id } });
  const by = { FIRST: "coordinator", SECOND: "deputy" } as const;
  for (const step of steps) {
    const reviewer = await db.user.findUniqueOrThrow({ where: { username: by[step] } });
    await db.reportSecrecyReview.create({
      data: { reportId: report.id, round: report.reviewRound, step, opinion: "同意", reviewerId: reviewer.id, reviewerName: reviewer.displayName, reviewedOn: new Date(Date.UTC(2026, 2, 10)) },
    });
  }
  await db.reportCycleSettings.update({ where: { id: 1 }, data: { principalLeaderId: await userId(db, principal) } });
  return version;
}

export const REPORT_CYCLE_ACTION_CASES: ActionCase[] = [
  {
    file: FILE,
    name: "updateReportCycleSettingsAction",
    allowed: ["ADMIN"],
    input: async (c) => {
      const settings = await c.db.reportCycleSettings.findUniqueOrThrow({ where: { id: 1 } });
      return {
        version: String(settings.version),
        principalLeaderId: String(await userId(c.db, "leader")),
        addressee: `中共XX市委全面依法治市委员会办公室${c.seq()}`,
        redHeaderText: "",
        submitDue: "03-01",
        publishDue: "04-01",
      };
    },
  },
  {
    file: FILE,
    name: "secrecyFirstReviewAction",
    allowed: ["COORDINATOR"],
    input: async (c) => ({ year: String(YEAR), version: String(await reviewState(c.db, [], "leader")), opinion: `初审意见${c.seq()}` }),
  },
  {
    file: FILE,
    name: "secrecySecondReviewAction",
    allowed: ["LEADER"],
    input: async (c) => ({ year: String(YEAR), version: String(await reviewState(c.db, ["FIRST"], "deputy")), opinion: `复审意见${c.seq()}` }),
  },
  {
    file: FILE,
    name: "secrecyApproveAction",
    allowed: ["LEADER"],
    input: async (c) => ({ year: String(YEAR), version: String(await reviewState(c.db, ["FIRST", "SECOND"], "leader")), opinion: `批准意见${c.seq()}` }),
  },
  {
    file: FILE,
    name: "updateSignDateAction",
    allowed: ["LEADER"],
    input: async (c) => ({ year: String(YEAR), version: String(await reviewState(c.db, [], "leader")), signedOn: `2026-02-${String(1 + (c.seq() % 28)).padStart(2, "0")}` }),
  },
];

/** The 2025 report signed and its 保密审查 approved (route matrix: the public page). */
export async function publishReportForMatrix(db: Db): Promise<void> {
  await reviewState(db, ["FIRST", "SECOND"], "leader");
  const report = await db.annualReport.findUniqueOrThrow({ where: { year: YEAR } });
  const leader = await db.user.findUniqueOrThrow({ where: { username: "leader" } });
  await db.reportSecrecyReview.create({
    data: { reportId: report.id, round: report.reviewRound, step: "APPROVE", opinion: "批准", reviewerId: leader.id, reviewerName: leader.displayName, reviewedOn: new Date(Date.UTC(2026, 2, 10)) },
  });
}
