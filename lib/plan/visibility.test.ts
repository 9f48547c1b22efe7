import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/auth/roles";
import { canReadDraftPlans, isPlanVisible, planVisibilityKey, visiblePlanWhere, visiblePointWhere } from "./visibility";

const SEES_DRAFTS: Role[] = ["ADMIN", "COORDINATOR"];

describe("drafts stay drafts", () => {
  it.each(ROLES.map((role) => [role, SEES_DRAFTS.includes(role)] as const))("%s sees drafts: %s", (role, sees) => {
    expect(canReadDraftPlans(role)).toBe(sees);
    expect(visiblePlanWhere(role)).toEqual(sees ? {} : { status: { not: "DRAFT" } });
    expect(visiblePointWhere(role)).toEqual(sees ? {} : { plan: { status: { not: "DRAFT" } } });
    expect(planVisibilityKey(role)).toBe(sees ? "all" : "published");
  });

  it.each([
    ["STAFF", "DRAFT", false],
    ["STAFF", "PUBLISHED", true],
    ["STAFF", "ARCHIVED", true],
    ["LEADER", "DRAFT", false],
    ["VIEWER", "DRAFT", false],
    ["COORDINATOR", "DRAFT", true],
    ["ADMIN", "DRAFT", true],
  ] as const)("%s and a %s plan: visible %s", (role, status, visible) => {
    expect(isPlanVisible(role, { status })).toBe(visible);
  });

  it("a missing plan is never visible", () => {
    expect(isPlanVisible("COORDINATOR", null)).toBe(false);
  });
});
