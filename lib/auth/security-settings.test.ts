import { describe, expect, it } from "vitest";
import { securitySettings } from "./security-settings";
import { MAX_SESSION_IDLE_MINUTES } from "./session-policy";

function idleLine(env: Record<string, string | undefined>): string {
  const row = securitySettings(env as NodeJS.ProcessEnv).find((s) => s.variable === "SESSION_IDLE_MINUTES");
  if (!row) throw new Error("no idle row");
  return row.value;
}

describe("the settings page shows the idle timeout the session enforces", () => {
  it.each([
    [undefined, "30 分钟，结束前提醒"],
    ["", "30 分钟，结束前提醒"],
    ["abc", "30 分钟，结束前提醒"],
    ["0", "30 分钟，结束前提醒"],
    ["15", "15 分钟，结束前提醒"],
    ["100000", `${MAX_SESSION_IDLE_MINUTES} 分钟，结束前提醒`],
  ])("SESSION_IDLE_MINUTES=%s → %s", (raw, expected) => {
    expect(idleLine({ SESSION_IDLE_MINUTES: raw })).toBe(expected);
  });
});
