import { describe, expect, it } from "vitest";
import { noteAnchor, parseStudyYear, studyYearChoices } from "./note-anchor";

describe("学法清单 note anchors", () => {
  it.each([
    ["重点学习第三章", { anchor: "ch-3", label: "第三章" }],
    ["重点学习第十二条、第十三条", { anchor: "art-12", label: "第十二条" }],
    ["第2节", { anchor: "sec-2", label: "第2节" }],
    ["通读全文", null],
    ["", null],
  ])("%s", (note, expected) => {
    expect(noteAnchor(note)).toEqual(expected);
  });
});

describe("学法清单 year", () => {
  it("takes a four-digit year or the current one", () => {
    expect(parseStudyYear("2025", 2026)).toBe(2025);
    expect(parseStudyYear("abc", 2026)).toBe(2026);
    expect(parseStudyYear(["2025"], 2026)).toBe(2026);
    expect(parseStudyYear(undefined, 2026)).toBe(2026);
  });
  it("offers the neighbours, the selected year and listed years, newest first", () => {
    expect(studyYearChoices(2026, [2024], 2020)).toEqual([2027, 2026, 2025, 2024, 2020]);
  });
});
