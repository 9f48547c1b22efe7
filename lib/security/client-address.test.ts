import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxyHops } from "./client-address";

describe("clientAddress", () => {
  it.each([
    ["the socket peer, ignoring forwarding headers a client sends", { [CLIENT_ADDRESS_HEADER]: "10.1.2.3", "x-forwarded-for": "1.1.1.1", "x-real-ip": "2.2.2.2" }, 0, "10.1.2.3"],
    ["a rotated X-Forwarded-For changes nothing", { [CLIENT_ADDRESS_HEADER]: "10.1.2.3", "x-forwarded-for": "9.9.9.9" }, 0, "10.1.2.3"],
    ["no peer header (a handler called directly)", {}, 0, "unknown"],
    ["one trusted proxy: the address it appended", { [CLIENT_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "6.6.6.6, 10.20.30.40" }, 1, "10.20.30.40"],
    ["two trusted proxies", { [CLIENT_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "6.6.6.6, 10.20.30.40, 172.16.0.1" }, 2, "10.20.30.40"],
    ["a shorter chain than declared: the first address", { [CLIENT_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "10.20.30.40" }, 2, "10.20.30.40"],
  ])("%s", (_name, headers, hops, expected) => {
    expect(clientAddress(headers as Record<string, string>, hops)).toBe(expected);
    expect(clientAddress(new Headers(headers as Record<string, string>), hops)).toBe(expected);
  });

  it.each([[undefined, 0], ["0", 0], ["1", 1], ["2", 2], ["-1", 0], ["abc", 0], ["99", 0]])("TRUSTED_PROXY_HOPS=%s → %i", (value, hops) => {
    expect(trustedProxyHops((value === undefined ? {} : { TRUSTED_PROXY_HOPS: value }) as NodeJS.ProcessEnv)).toBe(hops);
  });
});
