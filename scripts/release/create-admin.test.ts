import { describe, expect, it } from "vitest";
import { parseCreateAdminArgs } from "./create-admin";

describe("bin/portal create-admin arguments", () => {
  it.each([
    { args: ["sysadmin"], expected: { username: "sysadmin", role: "ADMIN", passwordFromStdin: false } },
    { args: ["SecAdmin", "--role", "security_admin"], expected: { username: "secadmin", role: "SECURITY_ADMIN", passwordFromStdin: false } },
    { args: ["--role", "AUDITOR", "audit.zhang", "--password-stdin"], expected: { username: "audit.zhang", role: "AUDITOR", passwordFromStdin: true } },
  ])("$args", ({ args, expected }) => {
    expect(parseCreateAdminArgs(args)).toEqual(expected);
  });

  it.each([
    { args: [], message: /用法/ },
    { args: ["--role", "ADMIN"], message: /用法/ },
    { args: ["a"], message: /2–32 位/ },
    { args: ["张三"], message: /2–32 位/ },
    { args: ["ops", "--role", "STAFF"], message: /--role 须为/ },
    { args: ["ops", "--role"], message: /--role 须为/ },
  ])("refuses $args", ({ args, message }) => {
    expect(() => parseCreateAdminArgs(args)).toThrow(message);
  });
});
