import { describe, expect, it } from "vitest";
import { idleState, renewInterval, sessionIdleMinutes } from "./session-policy";

describe("sessionIdleMinutes", () => {
  it.each([
    [undefined, 30],
    ["", 30],
    ["15", 15],
    ["1", 1],
    ["0", 30],
    ["-5", 30],
    ["2.5", 30],
    ["abc", 30],
    ["100000", 1440],
  ])("%s → %i", (raw, expected) => {
    expect(sessionIdleMinutes(raw)).toBe(expected);
  });
});

describe("idleState", () => {
  const idle = 30 * 60_000;
  const end = 1_000_000_000;
  it.each([
    ["just renewed", end - idle, { kind: "active" }],
    ["three minutes left", end - 3 * 60_000, { kind: "active" }],
    ["two minutes left: the warning", end - 2 * 60_000, { kind: "warning", minutesLeft: 2 }],
    ["90 seconds left", end - 90_000, { kind: "warning", minutesLeft: 2 }],
    ["one second left", end - 1000, { kind: "warning", minutesLeft: 1 }],
    ["at the end", end, { kind: "expired" }],
    ["past the end", end + 60_000, { kind: "expired" }],
  ])("%s", (_name, now, expected) => {
    expect(idleState(now, end, idle)).toEqual(expected);
  });

  it("warns for at most half of a short limit", () => {
    expect(idleState(end - 61_000, end, 2 * 60_000)).toEqual({ kind: "active" });
    expect(idleState(end - 59_000, end, 2 * 60_000)).toEqual({ kind: "warning", minutesLeft: 1 });
  });
});

describe("renewInterval", () => {
  it.each([
    [30 * 60_000, 3 * 60_000],
    [5 * 60_000, 60_000],
    [60_000, 12_000],
  ])("%i ms → %i ms", (idle, expected) => {
    expect(renewInterval(idle)).toBe(expected);
  });
});
