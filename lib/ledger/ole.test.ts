import { describe, expect, it } from "vitest";
import { oleDirectoryNames } from "./ole";
import { detectEvidenceKind, FILE_MESSAGES } from "./files";

/** A minimal compound file: header, one FAT sector (0), one directory sector (1) with the given names. */
function compoundFile(names: string[], options: { loop?: boolean; dirSector?: number } = {}): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  const view = new DataView(bytes.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (bytes[i] = b));
  view.setUint16(30, 9, true);
  view.setUint32(44, 1, true);
  view.setUint32(48, options.dirSector ?? 1, true);
  view.setUint32(68, 0xfffffffe, true);
  for (let i = 0; i < 109; i += 1) view.setUint32(76 + i * 4, 0xffffffff, true);
  view.setUint32(76, 0, true);
  const fat = 512;
  for (let i = 0; i < 128; i += 1) view.setUint32(fat + i * 4, 0xffffffff, true);
  view.setUint32(fat, 0xfffffffd, true);
  view.setUint32(fat + 4, options.loop ? 1 : 0xfffffffe, true);
  const dir = 1024;
  ["Root Entry", ...names].forEach((name, entry) => {
    const at = dir + entry * 128;
    for (let i = 0; i < name.length; i += 1) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = entry === 0 ? 5 : 2;
  });
  return bytes;
}

describe("oleDirectoryNames", () => {
  it("lists the directory", () => {
    expect(oleDirectoryNames(compoundFile(["WordDocument", "1Table"]))).toEqual(["Root Entry", "WordDocument", "1Table"]);
  });

  it.each([
    ["a FAT chain that loops", { loop: true }],
    ["a directory sector outside the file", { dirSector: 99 }],
  ])("gives up on %s", (_name, options) => {
    expect(oleDirectoryNames(compoundFile(["WordDocument"], options))).toBeNull();
  });
});

describe("detectEvidenceKind for compound files", () => {
  it.each([
    [["WordDocument", "1Table"], "doc"],
    [["Workbook"], "xls"],
    [["Book"], "xls"],
  ])("%j → %s", async (names, kind) => {
    await expect(detectEvidenceKind(compoundFile(names))).resolves.toBe(kind);
  });

  it.each([
    ["a Word document with macros", ["WordDocument", "Macros"], FILE_MESSAGES.macro],
    ["an Excel workbook with macros", ["Workbook", "_VBA_PROJECT_CUR"], FILE_MESSAGES.macro],
    ["a PowerPoint file", ["PowerPoint Document"], FILE_MESSAGES.unsupported],
  ])("refuses %s", async (_name, names, message) => {
    await expect(detectEvidenceKind(compoundFile(names))).rejects.toThrow(message);
  });

  it("refuses a broken directory as corrupt", async () => {
    await expect(detectEvidenceKind(compoundFile(["WordDocument"], { loop: true }))).rejects.toThrow(FILE_MESSAGES.corrupt);
  });
});
