import { describe, expect, it } from "vitest";
import { regulationClause } from "./draft-regulations";
import { pointNarrative } from "./draft-results";
import { PartWriter } from "./part-writer";
import type { ReportPointFact, ReportRegulationFact } from "./types";

const adopted = (title: string, date = "2026-03-01"): ReportRegulationFact => ({ kind: "ADOPTED", title, date });
const revised = (title: string, date = "2026-04-01"): ReportRegulationFact => ({ kind: "REVISED", title, date });
const assessed = (title: string, date = "2026-06-10"): ReportRegulationFact => ({ kind: "ASSESSED", title, date });

describe("regulationClause", () => {
  it.each<[string, ReportRegulationFact[] | undefined, string | null]>([
    ["nothing", undefined, null],
    ["an empty list", [], null],
    ["one adopted rule", [adopted("XX市政协办公室合同管理办法")], "制定印发《XX市政协办公室合同管理办法》"],
    ["two adopted rules in date order", [adopted("乙办法", "2026-05-01"), adopted("甲办法", "2026-02-01")], "制定印发《甲办法》《乙办法》"],
    ["a revision", [revised("公文处理办法")], "修订《公文处理办法》"],
    ["an assessment", [assessed("印章管理规定")], "开展《印章管理规定》执行情况评估"],
    ["the same rule assessed twice is named once", [assessed("印章管理规定", "2026-03-16"), assessed("印章管理规定", "2026-09-01")], "开展《印章管理规定》执行情况评估"],
    ["a title already in 《》", [adopted("《甲办法》")], "制定印发《甲办法》"],
    [
      "adopted, revised and assessed together",
      [assessed("印章管理规定"), adopted("合同管理办法"), revised("公文处理办法")],
      "制定印发《合同管理办法》，修订《公文处理办法》，开展《印章管理规定》执行情况评估",
    ],
  ])("%s", (_label, facts, expected) => {
    expect(regulationClause(facts)).toBe(expected);
  });
});

describe("pointNarrative with 制度库 results", () => {
  const base: ReportPointFact = { number: 6, title: "规范机关内部管理制度", status: "DONE", leadOffice: "综合科", deadline: null, completed: true, targets: [], entries: [] };

  it("tells the rules instead of asking for text when the point has no ledger entries", () => {
    const text = pointNarrative({ ...base, regulations: [adopted("合同管理办法"), assessed("印章管理规定")] }, new PartWriter());
    expect(text).toBe("制定印发《合同管理办法》，开展《印章管理规定》执行情况评估。");
  });

  it("adds them after the ledger's activities", () => {
    const point: ReportPointFact = {
      ...base,
      entries: [{ id: 1, date: "2026-04-02", form: "其他", title: "修订机关内部管理制度汇编", officeName: "综合科", category: "NORMAL" }],
      regulations: [assessed("印章管理规定")],
    };
    const text = pointNarrative(point, new PartWriter());
    expect(text).toMatch(/^.*汇编；开展《印章管理规定》执行情况评估。$/u);
  });

  it("still asks for text with neither", () => {
    expect(pointNarrative({ ...base, regulations: [] }, new PartWriter())).toBe("（请补充：该项工作的具体举措和成效）");
  });
});
