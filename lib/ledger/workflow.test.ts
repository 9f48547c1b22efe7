import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { EntryStatus } from "./constants";
import { CONTRIBUTOR_REVIEW, SELF_REVIEW, FORBIDDEN, availableActions, canDelete, canEdit, canRestore, decide, type WorkflowAction } from "./workflow";

const OWN_OFFICE = 1;
const OTHER_OFFICE = 2;
const ME = 10;
const SOMEONE = 20;

const actor = (role: Role, officeId: number | null = OWN_OFFICE) => ({ id: ME, role, officeId });
const entry = (status: EntryStatus, over: { officeId?: number; createdById?: number; deleted?: boolean } = {}) => ({
  officeId: over.officeId ?? OWN_OFFICE,
  status,
  createdById: over.createdById ?? SOMEONE,
  deleted: over.deleted ?? false,
});

type Row = [WorkflowAction, Role, EntryStatus, { office?: number; creator?: number; deleted?: boolean }, EntryStatus | string];

// action, role, from status, circumstances, expected: the new status or the refusal message (or a fragment of it)
const TABLE: Row[] = [
  // submit: own office, DRAFT or RETURNED
  ["submit", "STAFF", "DRAFT", {}, "SUBMITTED"],
  ["submit", "STAFF", "RETURNED", {}, "SUBMITTED"],
  ["submit", "STAFF", "SUBMITTED", {}, "不能提交审核"],
  ["submit", "STAFF", "APPROVED", {}, "不能提交审核"],
  ["submit", "STAFF", "DRAFT", { office: OTHER_OFFICE }, FORBIDDEN],
  ["submit", "STAFF", "DRAFT", { deleted: true }, "已删除"],
  ["submit", "COORDINATOR", "DRAFT", { office: OTHER_OFFICE }, "SUBMITTED"],
  ["submit", "LEADER", "DRAFT", {}, FORBIDDEN],
  ["submit", "VIEWER", "DRAFT", {}, FORBIDDEN],
  ["submit", "ADMIN", "DRAFT", {}, FORBIDDEN],
  // recall: own office, SUBMITTED only
  ["recall", "STAFF", "SUBMITTED", {}, "DRAFT"],
  ["recall", "STAFF", "APPROVED", {}, "不能撤回提交"],
  ["recall", "STAFF", "SUBMITTED", { office: OTHER_OFFICE }, FORBIDDEN],
  ["recall", "LEADER", "SUBMITTED", {}, FORBIDDEN],
  // the coordinator records for every office but withdraws only its own office's or its own records
  ["recall", "COORDINATOR", "SUBMITTED", { office: OTHER_OFFICE }, "只有提交该记录的科室可以撤回提交"],
  ["recall", "COORDINATOR", "SUBMITTED", { office: OTHER_OFFICE, creator: ME }, "DRAFT"],
  ["recall", "COORDINATOR", "SUBMITTED", {}, "DRAFT"],
  // approve: reviewers only, SUBMITTED only, never one's own entry
  ["approve", "COORDINATOR", "SUBMITTED", {}, "APPROVED"],
  ["approve", "LEADER", "SUBMITTED", { office: OTHER_OFFICE }, "APPROVED"],
  ["approve", "STAFF", "SUBMITTED", {}, FORBIDDEN],
  ["approve", "STAFF", "SUBMITTED", { creator: ME }, FORBIDDEN],
  ["approve", "VIEWER", "SUBMITTED", {}, FORBIDDEN],
  ["approve", "ADMIN", "SUBMITTED", {}, FORBIDDEN],
  ["approve", "COORDINATOR", "SUBMITTED", { creator: ME }, SELF_REVIEW],
  ["approve", "COORDINATOR", "DRAFT", {}, "不能审核通过"],
  ["approve", "COORDINATOR", "RETURNED", {}, "不能审核通过"],
  ["approve", "COORDINATOR", "APPROVED", {}, "不能审核通过"],
  ["approve", "LEADER", "SUBMITTED", { deleted: true }, "已删除"],
  // return
  ["return", "COORDINATOR", "SUBMITTED", {}, "RETURNED"],
  ["return", "LEADER", "SUBMITTED", {}, "RETURNED"],
  ["return", "STAFF", "SUBMITTED", {}, FORBIDDEN],
  ["return", "LEADER", "SUBMITTED", { creator: ME }, SELF_REVIEW],
  ["return", "COORDINATOR", "APPROVED", {}, "不能退回"],
  ["return", "COORDINATOR", "DRAFT", {}, "不能退回"],
  // reopen (撤销通过): COORDINATOR only, APPROVED only
  ["reopen", "COORDINATOR", "APPROVED", {}, "SUBMITTED"],
  ["reopen", "COORDINATOR", "SUBMITTED", {}, "不能撤销通过"],
  ["reopen", "LEADER", "APPROVED", {}, FORBIDDEN],
  ["reopen", "STAFF", "APPROVED", {}, FORBIDDEN],
];

describe("workflow transition table", () => {
  it.each(TABLE)("%s by %s from %s %o → %s", (action, role, status, c, expected) => {
    const result = decide(action, actor(role), entry(status, { officeId: c.office, createdById: c.creator, deleted: c.deleted }));
    if (["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"].includes(expected)) {
      expect(result).toEqual({ ok: true, to: expected });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain(expected);
    }
  });

  it("four eyes: nobody who created, edited or submitted the entry approves it; returning stays open to them", () => {
    const touched = { ...entry("SUBMITTED"), contributorIds: [SOMEONE, ME] };
    expect(decide("approve", actor("COORDINATOR"), touched)).toEqual({ ok: false, message: CONTRIBUTOR_REVIEW });
    expect(decide("approve", actor("LEADER"), touched)).toEqual({ ok: false, message: CONTRIBUTOR_REVIEW });
    expect(decide("return", actor("COORDINATOR"), touched)).toEqual({ ok: true, to: "RETURNED" });
    expect(decide("approve", actor("COORDINATOR"), { ...entry("SUBMITTED"), contributorIds: [SOMEONE] })).toEqual({ ok: true, to: "APPROVED" });
    expect(availableActions(actor("LEADER"), touched)).toEqual(["return"]);
  });

  it("a STAFF user without an office writes for nobody", () => {
    expect(decide("submit", actor("STAFF", null), entry("DRAFT")).ok).toBe(false);
  });

  it("offers exactly the allowed actions", () => {
    expect(availableActions(actor("STAFF"), entry("DRAFT"))).toEqual(["submit"]);
    expect(availableActions(actor("STAFF"), entry("SUBMITTED"))).toEqual(["recall"]);
    expect(availableActions(actor("COORDINATOR"), entry("SUBMITTED"))).toEqual(["recall", "approve", "return"]);
    expect(availableActions(actor("COORDINATOR"), entry("APPROVED"))).toEqual(["reopen"]);
    expect(availableActions(actor("LEADER"), entry("SUBMITTED"))).toEqual(["approve", "return"]);
    expect(availableActions(actor("VIEWER"), entry("SUBMITTED"))).toEqual([]);
  });
});

describe("edit, delete and restore rules", () => {
  const cases: [string, Role, EntryStatus, boolean, boolean][] = [
    // name, role, status, may edit, may delete
    ["staff draft", "STAFF", "DRAFT", true, true],
    ["staff returned", "STAFF", "RETURNED", true, true],
    ["staff submitted", "STAFF", "SUBMITTED", false, true],
    ["staff approved", "STAFF", "APPROVED", false, false],
    ["coordinator approved", "COORDINATOR", "APPROVED", false, false],
    ["leader draft", "LEADER", "DRAFT", false, false],
    ["viewer draft", "VIEWER", "DRAFT", false, false],
  ];
  it.each(cases)("%s", (_name, role, status, edit, del) => {
    expect(canEdit(actor(role), entry(status)).ok).toBe(edit);
    expect(canDelete(actor(role), entry(status)).ok).toBe(del);
  });

  it("nobody edits another office's entry except ledger:writeAll", () => {
    expect(canEdit(actor("STAFF"), entry("DRAFT", { officeId: OTHER_OFFICE })).ok).toBe(false);
    expect(canEdit(actor("COORDINATOR"), entry("DRAFT", { officeId: OTHER_OFFICE })).ok).toBe(true);
  });

  it("only the COORDINATOR restores, and only deleted entries", () => {
    expect(canRestore(actor("COORDINATOR"), entry("DRAFT", { deleted: true })).ok).toBe(true);
    expect(canRestore(actor("COORDINATOR"), entry("DRAFT")).ok).toBe(false);
    expect(canRestore(actor("STAFF"), entry("DRAFT", { deleted: true })).ok).toBe(false);
    expect(canRestore(actor("LEADER"), entry("DRAFT", { deleted: true })).ok).toBe(false);
    expect(canEdit(actor("COORDINATOR"), entry("DRAFT", { deleted: true })).ok).toBe(false);
  });
});
