import { describe, expect, it } from "vitest";
import { countingStream } from "@/tests/support/streams";
import { BodyTooLargeError, BodyUnreadableError, readBytesLimited, readFormLimited, readJsonLimited } from "./body";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://portal.local/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readBytesLimited", () => {
  it("reads a body up to the cap", async () => {
    expect((await readBytesLimited(post(new Uint8Array(100)), 100)).byteLength).toBe(100);
    expect((await readBytesLimited(post(null), 100)).byteLength).toBe(0);
  });

  it("refuses a declared Content-Length over the cap without pulling a single chunk", async () => {
    const { stream, state } = countingStream(1_000, 64 * 1024);
    await expect(readBytesLimited(post(stream, { "content-length": String(300 * 1024 * 1024) }), 256 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(state.pulled).toBe(0);
  });

  it("stops a 64 MB chunked body after cap + one chunk and cancels the rest", async () => {
    const cap = 256 * 1024;
    const chunk = 64 * 1024;
    const { stream, state } = countingStream(1_024, chunk); // 64 MB if read whole
    await expect(readBytesLimited(post(stream), cap)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(state.pulled).toBeLessThanOrEqual(cap / chunk + 1);
    expect(state.cancelled).toBe(true);
  });

  it("ignores a malformed Content-Length and still counts the stream", async () => {
    const { stream } = countingStream(10, 1024);
    await expect(readBytesLimited(post(stream, { "content-length": "abc" }), 4096)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});

describe("readJsonLimited and readFormLimited", () => {
  it("parses JSON under the cap and refuses malformed JSON", async () => {
    expect(await readJsonLimited(post('{"a":1}'), 100)).toEqual({ a: 1 });
    await expect(readJsonLimited(post("{"), 100)).rejects.toBeInstanceOf(BodyUnreadableError);
    await expect(readJsonLimited(post(new Uint8Array([0xff, 0xfe, 0x7b])), 100)).rejects.toBeInstanceOf(BodyUnreadableError);
  });

  it("parses a multipart form under the cap and refuses one over it before parsing", async () => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(10)], "a.pdf"));
    const request = new Request("http://portal.local/x", { method: "POST", body: form });
    const parsed = await readFormLimited(request, 10_000);
    expect((parsed.get("file") as File).size).toBe(10);

    const big = new FormData();
    big.set("file", new File([new Uint8Array(20_000)], "a.pdf"));
    await expect(readFormLimited(new Request("http://portal.local/x", { method: "POST", body: big }), 10_000)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});
