import { describe, expect, it } from "vitest";
import { formatEvidenceKinds, missingEvidenceMessage, parseEvidenceKinds, targetsNeedingEvidence } from "./evidence-rules";

const q = (kind: string, subject: string, value: number, completes = false) => ({ value, completes, target: { kind, subject } });
const ALL = parseEvidenceKinds("COUNT,SUM,PERCENT,BOOLEAN");

describe("parseEvidenceKinds", () => {
  it.each([
    ["COUNT,SUM,PERCENT,BOOLEAN", ["COUNT", "SUM", "PERCENT", "BOOLEAN"]],
    ["", []],
    [" sum , count ", ["SUM", "COUNT"]],
    ["COUNT,OTHER,,", ["COUNT"]],
    [null, []],
  ])("%s", (raw, kinds) => {
    expect([...parseEvidenceKinds(raw)]).toEqual(kinds);
  });

  it("formats back in a fixed order", () => {
    expect(formatEvidenceKinds(["BOOLEAN", "COUNT"])).toBe("COUNT,BOOLEAN");
  });
});

describe("targetsNeedingEvidence", () => {
  it.each([
    ["no quantities: no file needed", [], ALL, []],
    ["a counted session", [q("COUNT", "专题学习", 1)], ALL, ["专题学习"]],
    ["a zero does not count", [q("SUM", "培训人数", 0)], ALL, []],
    ["a completion counts only when it completes", [q("BOOLEAN", "制度", 0, false)], ALL, []],
    ["a completion that completes", [q("BOOLEAN", "制度", 0, true)], ALL, ["制度"]],
    ["kinds the unit left out", [q("PERCENT", "覆盖率", 100)], parseEvidenceKinds("COUNT,SUM"), []],
    ["no rule at all", [q("COUNT", "专题学习", 1)], parseEvidenceKinds(""), []],
    ["each subject once", [q("COUNT", "专题学习", 1), q("SUM", "培训人数", 60), q("COUNT", "专题学习", 2)], ALL, ["专题学习", "培训人数"]],
  ])("%s", (_name, quantities, kinds, expected) => {
    expect(targetsNeedingEvidence(quantities, kinds)).toEqual(expected);
  });

  it("names the targets in the message", () => {
    expect(missingEvidenceMessage(["专题学习", "培训人数"])).toBe("该记录计入量化指标“专题学习”“培训人数”，提交前请至少上传一份佐证材料（如签到表、通知、照片）");
  });
});
