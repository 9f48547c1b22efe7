import { describe, expect, it } from "vitest";
import { cleanupNote, proposalNotice } from "./proposal-text";

const facts = { regulationId: 7, title: "XX市政协办公室印章管理规定", officeName: "综合科", kind: "REVISE" as const, actorName: "张综合", text: "用印审批改为线上" };

describe("修订建议 wording", () => {
  it("tells the 法治办 of a new proposal and the office of the decision", () => {
    expect(proposalNotice("propose", facts)).toEqual({
      audience: "coordinators",
      title: "待处理：综合科建议修订《XX市政协办公室印章管理规定》",
      body: "张综合提出修订建议，理由：用印审批改为线上",
      link: "/regulations/7#proposals",
    });
    expect(proposalNotice("accept", { ...facts, actorName: "李法治", text: "" })).toMatchObject({ audience: "office", body: "李法治采纳了修订建议，已列入年度制度清理。" });
    expect(proposalNotice("decline", { ...facts, kind: "REPEAL", actorName: "李法治", text: "仍需保留" })).toMatchObject({
      audience: "office",
      title: "修订建议未采纳：《XX市政协办公室印章管理规定》",
      body: "李法治未采纳废止建议，意见：仍需保留。",
    });
  });

  it("the cleanup note carries the reason on one line, within the cleanup form's 200 characters", () => {
    expect(cleanupNote("  条文\n过时 ")).toBe("科室建议：条文 过时");
    const long = cleanupNote("甲".repeat(2000));
    expect(long).toHaveLength(200);
    expect(long.endsWith("…")).toBe(true);
  });
});
