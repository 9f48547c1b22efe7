/**
 * 延期申请 in the annual report: an approved extension is carried into the facts (the plan's own
 * deadline stays on record) and part 二 says "经批准延期至X月X日"; a declined request changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, userByName, type TestDb } from "@/tests/support/test-db";
import { buildReportFacts } from "@/lib/report/facts";
import { draftPart } from "@/lib/report/draft";
import { calendarDate } from "@/lib/progress/dates";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: true });
});
afterAll(async () => t.cleanup());

describe("approved extensions in the 2025 report", () => {
  it("words a late point with its approved extension; a declined request changes nothing", async () => {
    const before = await buildReportFacts(t.db, 2025);
    const [late] = before.sections.flatMap((s) => s.points).filter((p) => p.status === "OVERDUE" && !p.completed && p.targets.every((x) => x.met));
    expect(late).toBeDefined();
    expect(late.extendedTo).toBeNull();
    const part2Before = draftPart(before, "part2").content;

    const leader = await userByName(t.db, "leader");
    const point = await t.db.workPoint.findFirstOrThrow({ where: { number: late.number, plan: { year: 2025 } } });
    const request = async (status: string, day: number, decidedAt: string) =>
      t.db.deadlineExtension.create({
        data: {
          workPointId: point.id,
          officeId: point.leadOfficeId!,
          currentDeadline: point.deadline ?? calendarDate(2025, 12, 31),
          proposedDeadline: calendarDate(2025, 12, day),
          reason: "等待上级文件",
          status,
          requestedById: leader.id,
          decidedById: status === "PENDING" ? null : leader.id,
          decidedAt: status === "PENDING" ? null : new Date(decidedAt),
        },
      });

    // Declined and pending requests: the same facts, the same text.
    await request("DECLINED", 25, "2025-09-01T02:00:00Z");
    await request("PENDING", 28, "");
    const declinedOnly = await buildReportFacts(t.db, 2025);
    expect(declinedOnly).toEqual(before);
    expect(draftPart(declinedOnly, "part2").content).toBe(part2Before);

    // Approved (earlier than a later declined one): judged on 12月20日, still late at year end.
    await request("APPROVED", 20, "2025-08-01T02:00:00Z");
    const after = await buildReportFacts(t.db, 2025);
    const extended = after.sections.flatMap((s) => s.points).find((p) => p.number === late.number)!;
    expect(extended).toMatchObject({ extendedTo: "2025-12-20", deadline: late.deadline, status: "OVERDUE" });
    const part2 = draftPart(after, "part2").content;
    expect(part2).toContain(`“${late.title.slice(0, 4)}`);
    expect(part2).toContain("经批准延期至12月20日，仍未完成");
    expect(part2).not.toContain("12月25日");
    expect(part2).not.toContain("12月28日");
  });
});
