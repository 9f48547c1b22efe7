import { describe, expect, it } from "vitest";
import { passwordMaxAgeDays, pendingSecurityStep, type GateUser } from "./security-gate";

const now = new Date("2026-12-04T08:00:00Z");
const base: GateUser = { role: "STAFF", mustChangePassword: false, passwordChangedAt: new Date("2026-11-01T00:00:00Z"), totpEnabledAt: null };
const policy = { now, passwordMaxAgeDays: 0, exempt: false };

describe("pendingSecurityStep", () => {
  it.each([
    ["staff with a chosen password", base, policy, null],
    ["an initial or reset password", { ...base, mustChangePassword: true }, policy, "password"],
    ["a password older than the maximum age", base, { ...policy, passwordMaxAgeDays: 30 }, "password"],
    ["a password within the maximum age", base, { ...policy, passwordMaxAgeDays: 90 }, null],
    ["an administrator without a second factor", { ...base, role: "ADMIN" as const }, policy, "totp"],
    ["a security administrator without a second factor", { ...base, role: "SECURITY_ADMIN" as const }, policy, "totp"],
    ["an auditor without a second factor", { ...base, role: "AUDITOR" as const }, policy, "totp"],
    ["an administrator with a second factor", { ...base, role: "ADMIN" as const, totpEnabledAt: now }, policy, null],
    ["the password comes before the second factor", { ...base, role: "ADMIN" as const, mustChangePassword: true }, policy, "password"],
    ["a demo account in demo mode", { ...base, role: "ADMIN" as const, mustChangePassword: true }, { ...policy, exempt: true }, null],
    ["a leader needs no second factor", { ...base, role: "LEADER" as const }, policy, null],
    ["an SSO-only account (LOCAL_LOGIN=off) keeps an unusable initial password", { ...base, mustChangePassword: true }, { ...policy, localPasswordInUse: false }, null],
    ["an SSO-only account is not asked to renew an expired local password", base, { ...policy, passwordMaxAgeDays: 30, localPasswordInUse: false }, null],
    ["an SSO-only administrator still needs the second factor", { ...base, role: "ADMIN" as const, mustChangePassword: true }, { ...policy, localPasswordInUse: false }, "totp"],
    ["the local password in use: the initial password must be changed", { ...base, mustChangePassword: true }, { ...policy, localPasswordInUse: true }, "password"],
  ] as const)("%s", (_name, user, gatePolicy, expected) => {
    expect(pendingSecurityStep(user, gatePolicy)).toBe(expected);
  });
});

describe("passwordMaxAgeDays", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["0", 0],
    ["90", 90],
    ["-5", 0],
    ["1.5", 0],
    ["abc", 0],
  ])("%s → %s", (raw, expected) => {
    expect(passwordMaxAgeDays(raw)).toBe(expected);
  });
});
