import { describe, expect, it } from "vitest";
import { isRecentPassword, passwordChangeReason, passwordClassCount, passwordPolicyErrors, PASSWORD_MESSAGES as M } from "./password-policy";

describe("passwordPolicyErrors", () => {
  it.each([
    ["three classes, long enough", "Abcdef12", "zhangsan", []],
    ["lower, digit, symbol", "abcd-1234", "zhangsan", []],
    ["upper, lower, symbol", "Abcdefg!", "zhangsan", []],
    ["all four classes", "Demo@2025", "admin", []],
    ["seven characters", "Abc@123", "zhangsan", [M.tooShort]],
    ["only lower and digits", "abcdef123", "zhangsan", [M.classes]],
    ["only letters of two cases", "AbcdefGhij", "zhangsan", [M.classes]],
    ["digits only", "12345678", "zhangsan", [M.classes]],
    ["spaces are no symbol", "abc 1234 xyz", "zhangsan", [M.classes]],
    ["short and two classes", "abc1", "zhangsan", [M.tooShort, M.classes]],
    ["equal to the username", "Zhang.San1", "zhang.san1", [M.username]],
    ["contains the username, other case", "xZHANGSAN@2025", "zhangsan", [M.username]],
    ["username checked only when known", "zhangsan@2025", "", []],
    ["longer than 128", `Aa1${"x".repeat(126)}`, "zhangsan", [M.tooLong]],
    ["Chinese characters count as symbols", "密码Abc12345", "zhangsan", []],
  ])("%s", (_name, password, username, expected) => {
    expect(passwordPolicyErrors(password, username)).toEqual(expected);
  });

  it.each([
    ["", 0],
    ["abc", 1],
    ["aB", 2],
    ["aB3", 3],
    ["aB3#", 4],
    ["aB3 ", 3],
  ])("classes of %j: %i", (password, count) => {
    expect(passwordClassCount(password)).toBe(count);
  });
});

describe("isRecentPassword", () => {
  // A stand-in for argon2: a "hash" is the password with a prefix.
  const verify = async (hash: string, password: string) => hash === `h:${password}`;
  it.each([
    ["the current password", "Old@2025a", ["h:Old@2025a"], true],
    ["one of the history", "Older@2024", ["h:Cur@2026", "h:Older@2024", "h:Oldest@2023"], true],
    ["a new password", "Brand@New1", ["h:Cur@2026", "h:Older@2024"], false],
    ["no hashes at all", "Brand@New1", [], false],
  ])("%s", async (_name, password, hashes, expected) => {
    expect(await isRecentPassword(password, hashes, verify)).toBe(expected);
  });
});

describe("passwordChangeReason", () => {
  const now = new Date("2026-12-04T08:00:00Z");
  const old = new Date("2026-08-01T00:00:00Z");
  it.each([
    ["an initial or reset password", { mustChangePassword: true, passwordChangedAt: now }, 0, false, "initial"],
    ["an expired password", { mustChangePassword: false, passwordChangedAt: old }, 90, false, "expired"],
    ["within the maximum age", { mustChangePassword: false, passwordChangedAt: old }, 180, false, null],
    ["no maximum age", { mustChangePassword: false, passwordChangedAt: old }, 0, false, null],
    ["an exempt demo account", { mustChangePassword: true, passwordChangedAt: old }, 90, true, null],
  ] as const)("%s", (_name, user, passwordMaxAgeDays, exempt, expected) => {
    expect(passwordChangeReason(user, { now, passwordMaxAgeDays, exempt })).toBe(expected);
  });
});
