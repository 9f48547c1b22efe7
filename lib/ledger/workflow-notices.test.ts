import { describe, expect, it } from "vitest";
import { workflowNotice } from "./workflow-notices";

const entry = { id: 42, title: "组织学习民法典", officeName: "综合科", pointNumber: 2 };

describe("workflowNotice", () => {
  it.each([
    ["submit", "reviewers", "待审核：综合科提交了第2项台账“组织学习民法典”", "张综合提交审核，请审核通过或退回。"],
    ["return", "office", "已退回：第2项台账“组织学习民法典”", "张综合退回，原因：请补充签到表。请修改后重新提交。"],
    ["approve", "office", "已通过：第2项台账“组织学习民法典”", "张综合审核通过，该记录已计入完成情况。"],
    ["reopen", "office", "已撤销通过：第2项台账“组织学习民法典”", "张综合撤销了审核通过，记录回到待审核，计入完成情况前需重新审核。"],
  ] as const)("%s → %s", (action, audience, title, body) => {
    expect(workflowNotice(action, entry, "张综合", " 请补充签到表 ")).toEqual({ audience, title, body, link: "/ledger/42" });
  });

  it("tells nobody of a recall", () => {
    expect(workflowNotice("recall", entry, "张综合")).toBeNull();
  });
});
