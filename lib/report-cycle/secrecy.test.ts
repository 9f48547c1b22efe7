import { describe, expect, it } from "vitest";
import { nextSecrecyStep, secrecyApproved, secrecyStepBlockedReason, type SecrecyContext, type SecrecyStep } from "./secrecy";

const COORD = 10;
const DEPUTY = 20;
const PRINCIPAL = 30;
const OTHER_LEADER = 40;
const first = { step: "FIRST", reviewerId: COORD };
const second = { step: "SECOND", reviewerId: DEPUTY };
const ctx = (over: Partial<SecrecyContext>): SecrecyContext => ({ status: "FINAL", reviews: [], actorId: COORD, principalLeaderId: PRINCIPAL, ...over });

describe("secrecyStepBlockedReason", () => {
  const cases: [string, SecrecyStep, Partial<SecrecyContext>, string | null][] = [
    ["初审 on a final report", "FIRST", {}, null],
    ["not before 定稿", "FIRST", { status: "IN_REVIEW" }, "报告定稿后才能进行保密审查"],
    ["复审 before 初审", "SECOND", { actorId: DEPUTY }, "当前应进行初审，不能复审"],
    ["批准 before 复审", "APPROVE", { reviews: [first], actorId: PRINCIPAL }, "当前应进行复审，不能批准"],
    ["复审 by a deputy", "SECOND", { reviews: [first], actorId: DEPUTY }, null],
    ["复审 by the principal leader", "SECOND", { reviews: [first], actorId: PRINCIPAL }, "主要负责人负责批准，复审须由其他领导进行"],
    ["复审 by the person who did 初审", "SECOND", { reviews: [first], actorId: COORD }, "您已参与本轮保密审查的前一步骤，复审须由其他人进行"],
    ["初审 twice", "FIRST", { reviews: [first] }, "当前应进行复审，不能初审"],
    ["批准 by the principal leader", "APPROVE", { reviews: [first, second], actorId: PRINCIPAL }, null],
    ["批准 by another leader", "APPROVE", { reviews: [first, second], actorId: OTHER_LEADER }, "保密审查的批准须由主要负责人进行"],
    ["批准 by the 复审 reviewer", "APPROVE", { reviews: [first, second], actorId: DEPUTY, principalLeaderId: DEPUTY }, "您已参与本轮保密审查的前一步骤，批准须由其他人进行"],
    ["批准 without a principal leader named", "APPROVE", { reviews: [first, second], actorId: PRINCIPAL, principalLeaderId: null }, "单位设置尚未指定主要负责人，请联系系统管理员"],
    ["after approval", "APPROVE", { reviews: [first, second, { step: "APPROVE", reviewerId: PRINCIPAL }], actorId: PRINCIPAL }, "本轮保密审查已批准，报告已可公开"],
  ];
  it.each(cases)("%s", (_name, step, over, expected) => expect(secrecyStepBlockedReason(step, ctx(over))).toBe(expected));
});

describe("round state", () => {
  it("waits for each step in order and is approved after the third", () => {
    expect(nextSecrecyStep([])).toBe("FIRST");
    expect(nextSecrecyStep([first])).toBe("SECOND");
    expect(nextSecrecyStep([first, second])).toBe("APPROVE");
    expect(secrecyApproved([first, second])).toBe(false);
    expect(secrecyApproved([first, second, { step: "APPROVE", reviewerId: PRINCIPAL }])).toBe(true);
  });
});
