import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createRenderGate, isPageRequest, renderConcurrency } from "./render-gate.mjs";

class FakeResponse extends EventEmitter {}

function harness(limit: number) {
  const gate = createRenderGate(limit);
  const started: string[] = [];
  const request = (name: string) => {
    const response = new FakeResponse();
    gate(response, () => started.push(name));
    return response;
  };
  return { gate, started, request };
}

describe("createRenderGate", () => {
  it("runs at most `limit` at once and the rest in arrival order", () => {
    const { gate, started, request } = harness(2);
    const a = request("a");
    const b = request("b");
    request("c");
    request("d");
    expect(started).toEqual(["a", "b"]);
    expect(gate.stats()).toEqual({ active: 2, waiting: 2 });
    b.emit("finish");
    expect(started).toEqual(["a", "b", "c"]);
    a.emit("close");
    expect(started).toEqual(["a", "b", "c", "d"]);
    expect(gate.stats()).toEqual({ active: 2, waiting: 0 });
  });

  it("a response that finishes and then closes leaves once", () => {
    const { gate, started, request } = harness(1);
    const a = request("a");
    request("b");
    request("c");
    a.emit("finish");
    a.emit("close");
    expect(started).toEqual(["a", "b"]);
    expect(gate.stats()).toEqual({ active: 1, waiting: 1 });
  });

  it("a client that gives up while waiting is dropped from the queue and never started", () => {
    const { gate, started, request } = harness(1);
    const a = request("a");
    const b = request("b");
    request("c");
    b.emit("close");
    expect(gate.stats()).toEqual({ active: 1, waiting: 1 });
    a.emit("finish");
    expect(started).toEqual(["a", "c"]);
  });

  it("frees its slot when the last one finishes", () => {
    const { gate, request } = harness(1);
    request("a").emit("finish");
    expect(gate.stats()).toEqual({ active: 0, waiting: 0 });
    const { started } = { started: [] as string[] };
    gate(new FakeResponse(), () => started.push("b"));
    expect(started).toEqual(["b"]);
  });
});

describe("isPageRequest", () => {
  it.each([
    ["GET", "/dashboard", true],
    ["HEAD", "/ledger?year=2026", true],
    ["GET", "/_next/static/chunks/a.js", false],
    ["GET", "/api/export/ledger?year=2026", false],
    ["GET", "/favicon.ico", false],
    ["POST", "/ledger/new", false],
    ["POST", "/api/auth/callback/credentials", false],
  ])("%s %s → %s", (method, url, expected) => {
    expect(isPageRequest({ method, url })).toBe(expected);
  });
});

describe("renderConcurrency", () => {
  it.each([
    [undefined, 2],
    ["", 2],
    ["0", 0],
    ["1", 1],
    ["4", 4],
    ["-1", 2],
    ["1.5", 2],
    ["many", 2],
    ["65", 2],
  ])("PORTAL_RENDER_CONCURRENCY=%j → %i", (value, expected) => {
    expect(renderConcurrency(value === undefined ? {} : { PORTAL_RENDER_CONCURRENCY: value })).toBe(expected);
  });
});
