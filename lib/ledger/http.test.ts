import { describe, expect, it } from "vitest";
import { attachmentHeaders, parseId } from "./http";

describe("parseId", () => {
  it.each([
    ["1", 1],
    ["2147483647", 2147483647],
    ["2147483648", null],
    ["0", null],
    ["-1", null],
    ["01", null],
    ["1e3", null],
    ["abc", null],
    ["", null],
  ])("%j → %j", (raw, expected) => expect(parseId(raw)).toBe(expected));
});

it("download headers: nosniff, no-store, sandboxed", () => {
  const h = attachmentHeaders("application/pdf", 'attachment; filename="a.pdf"');
  expect(h.get("x-content-type-options")).toBe("nosniff");
  expect(h.get("cache-control")).toBe("no-store");
  expect(h.get("content-security-policy")).toContain("sandbox");
});
