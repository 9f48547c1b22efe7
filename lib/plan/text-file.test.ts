import { describe, expect, it } from "vitest";
import { decodePlanTextBuffer } from "./text-file";

const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);

describe("decodePlanTextBuffer", () => {
  it.each([
    ["UTF-8", new Uint8Array(Buffer.from("一、学习", "utf8")), "一、学习"],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("一、学习", "utf8")]), "一、学习"],
    ["UTF-16LE with BOM", utf16le("一、学习"), "一、学习"],
    ["GB18030", new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd1, 0xa7, 0xcf, 0xb0]), "一、学习"],
    ["empty", new Uint8Array(0), ""],
  ] as Array<[string, Uint8Array, string]>)("%s", (_name, bytes, expected) => {
    expect(decodePlanTextBuffer(bytes)).toBe(expected);
  });
});
