import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./origin";

const req = (headers: Record<string, string>) => new Request("http://portal.local/api/x", { method: "POST", headers });

describe("isSameOrigin", () => {
  it.each([
    [{ host: "portal.local", origin: "http://portal.local" }, true],
    [{ host: "portal.local:3000", origin: "http://portal.local:3000" }, true],
    [{ host: "portal.local", referer: "http://portal.local/ledger/1" }, true],
    [{ host: "portal.local", origin: "http://evil.example" }, false],
    [{ host: "portal.local", origin: "http://portal.local.evil.example" }, false],
    [{ host: "portal.local", origin: "null" }, false],
    [{ host: "portal.local" }, false],
    [{ origin: "http://portal.local" }, false],
    [{ host: "127.0.0.1:3000", "x-forwarded-host": "fazhi.example.cn", origin: "https://fazhi.example.cn" }, true],
    [{ host: "portal.local", origin: "http://portal.local", "sec-fetch-site": "cross-site" }, false],
    [{ host: "portal.local", origin: "http://portal.local", "sec-fetch-site": "same-origin" }, true],
  ])("%j → %s", (headers, expected) => {
    expect(isSameOrigin(req(headers as Record<string, string>))).toBe(expected);
  });
});
