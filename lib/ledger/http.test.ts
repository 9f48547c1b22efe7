import { describe, expect, it } from "vitest";
import { BodyTooLargeError, attachmentHeaders, parseId, readBodyCapped } from "./http";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://portal.local/api/ledger/1/attachments", { method: "POST", body, headers, duplex: "half" } as RequestInit);

function chunked(total: number, chunk = 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n));
    },
  });
}

describe("readBodyCapped", () => {
  it("reads a body up to the cap", async () => {
    expect((await readBodyCapped(post(new Uint8Array(100)), 100)).byteLength).toBe(100);
  });
  it("refuses a declared Content-Length over the cap without reading", async () => {
    await expect(readBodyCapped(post(new Uint8Array(10), { "content-length": "101" }), 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
  it("stops a chunked body as soon as it passes the cap", async () => {
    await expect(readBodyCapped(post(chunked(10_000)), 5_000)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});

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
