/**
 * Plain-language shortfall of a target or a point, as a 督办单 or the dashboard states it:
 * "专题学习已完成1次，距目标4次尚差3次".
 */

import { formatChineseDate } from "./dates";
import { round1 } from "./numbers";
import type { PointProgress, TargetDef, TargetProgress } from "./types";

/** "4次", "200人次", "80%": compact, as official documents write quantities. */
export function compactQuantity(n: number, unit: string): string {
  const value = Number.isInteger(n) ? String(n) : String(round1(n));
  return `${value}${unit.trim() === "％" ? "%" : unit.trim()}`;
}

export function describeShortfall(tp: TargetProgress, target: TargetDef): string {
  const q = (n: number) => compactQuantity(n, target.unit);
  const subject = target.subject;
  if (target.kind === "BOOLEAN") return tp.met || tp.actual >= 1 ? `${subject}已完成` : `${subject}尚未完成`;
  if (target.comparator === "<=") {
    return tp.shortfall > 0
      ? `${subject}已达${q(tp.actual)}，超过上限${q(target.value)}（超出${q(tp.shortfall)}）`
      : `${subject}已达${q(tp.actual)}，未超过上限${q(target.value)}`;
  }
  if (target.kind === "PERCENT") {
    const gap = `${round1(tp.shortfall)}个百分点`;
    return tp.shortfall > 0 ? `${subject}当前为${q(tp.actual)}，距目标${q(target.value)}尚差${gap}` : `${subject}当前为${q(tp.actual)}，达到目标${q(target.value)}`;
  }
  return tp.shortfall > 0
    ? `${subject}已完成${q(tp.actual)}，距目标${q(target.value)}尚差${q(tp.shortfall)}`
    : `${subject}已完成${q(tp.actual)}，达到目标${q(target.value)}`;
}

/**
 * Every unmet target of a point, joined with "；". A point without targets is described by its
 * completion mark and deadline.
 */
export function describePointShortfall(pp: PointProgress, targets: ReadonlyMap<number, TargetDef>): string {
  if (pp.targets.length === 0) {
    return pp.status === "DONE" ? "该项工作已完成" : `该项工作尚未完成，完成时限为${formatChineseDate(pp.deadline)}`;
  }
  const parts: string[] = [];
  for (const tp of pp.targets) {
    const target = targets.get(tp.targetId);
    if (target && !tp.met) parts.push(describeShortfall(tp, target));
  }
  if (parts.length === 0) {
    for (const tp of pp.targets) {
      const target = targets.get(tp.targetId);
      if (target) parts.push(describeShortfall(tp, target));
    }
  }
  return parts.join("；");
}
