import { describe, expect, it } from "vitest";
import { affectsFigures } from "./audit";

describe("affectsFigures", () => {
  it.each([
    ["LedgerEntry", "create", false],
    ["LedgerEntry", "update", false],
    ["LedgerEntry", "submit", true],
    ["LedgerEntry", "approve", true],
    ["LedgerEntry", "return", true],
    ["LedgerEntry", "delete", true],
    ["LedgerEntry", "restore", true],
    ["Attachment", "create", false],
    ["Auth", "login.success", false],
    ["Permission", "denied", false],
    ["Ledger", "export.ledger", false],
    ["AnnualReport", "export.report", false],
    ["ReportPart", "update", false],
    ["Reminder", "send", true],
    ["Reminder", "reply", true],
    ["Plan", "update", true],
    ["Target", "create", true],
    ["Office", "update", true],
    ["Bulletin", "approve", false],
    ["AssessmentIndicator", "update", false],
    ["OutboundMessage", "retry", false],
    ["ReportCycleSettings", "update", false],
    // 督办 moves what the dashboard shows (deadline in force, 办结, the latest feedback).
    ["DeadlineExtension", "approve", true],
    ["PointClosure", "accept", true],
    ["ProgressNote", "create", true],
    ["SomethingNew", "create", true],
  ])("%s %s → %s", (entity, action, expected) => {
    expect(affectsFigures({ entity, action })).toBe(expected);
  });
});
