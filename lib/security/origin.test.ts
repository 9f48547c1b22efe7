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
    // X-Forwarded-Host is anyone's to set: without a declared proxy it does not make a foreign origin ours.
    [{ host: "127.0.0.1:3000", "x-forwarded-host": "fazhi.example.cn", origin: "https://fazhi.example.cn" }, false],
    [{ host: "portal.local", "x-forwarded-host": "evil.example", origin: "http://evil.example" }, false],
    [{ host: "portal.local", origin: "http://portal.local", "sec-fetch-site": "cross-site" }, false],
    [{ host: "portal.local", origin: "http://portal.local", "sec-fetch-site": "same-origin" }, true],
    // No Origin and no Referer: only the browser's own Sec-Fetch-Site vouches for the request.
    [{ host: "portal.local", "sec-fetch-site": "same-origin" }, true],
    [{ host: "portal.local", "sec-fetch-site": "same-site" }, false],
    [{ host: "portal.local", "sec-fetch-site": "none" }, false],
    [{ host: "portal.local", origin: "http://evil.example", "sec-fetch-site": "same-origin" }, false],
  ])("%j → %s", (headers, expected) => {
    expect(isSameOrigin(req(headers as Record<string, string>))).toBe(expected);
    expect(isSameOrigin(new Headers(headers as Record<string, string>))).toBe(expected);
  });
});

describe("isSameOrigin behind a declared reverse proxy (TRUSTED_PROXY_HOPS=1)", () => {
  it("takes the host the proxy forwarded", () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    try {
      expect(isSameOrigin(req({ host: "127.0.0.1:3000", "x-forwarded-host": "fazhi.example.cn", origin: "https://fazhi.example.cn" }))).toBe(true);
    } finally {
      delete process.env.TRUSTED_PROXY_HOPS;
    }
  });
});
