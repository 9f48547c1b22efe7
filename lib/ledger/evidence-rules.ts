/**
 * Figures must lead to evidence (issue 20): an entry that counts toward a quantitative target of a
 * kind the unit names (UnitSettings.evidenceKinds, default every kind) needs at least one evidence
 * file before 提交; the reviewer is warned before approving one without. One file is enough.
 * Pure: the mutation and the entry page pass what they loaded.
 */
import { TARGET_KINDS } from "@/lib/plan/schemas";

/** The target kinds are the plan's own (lib/plan/schemas.ts); re-exported for the ledger's callers. */
export { TARGET_KINDS };
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TARGET_KIND_LABEL: Record<TargetKind, string> = {
  COUNT: "次数类（如专题学习 4 次）",
  SUM: "累计类（如培训 200 人次）",
  PERCENT: "比例类（如覆盖率 100%）",
  BOOLEAN: "完成类（如制定一项制度）",
};

export function parseEvidenceKinds(raw: string | null | undefined): Set<TargetKind> {
  const kinds = new Set<TargetKind>();
  for (const part of (raw ?? "").split(",")) {
    const kind = part.trim().toUpperCase();
    if ((TARGET_KINDS as readonly string[]).includes(kind)) kinds.add(kind as TargetKind);
  }
  return kinds;
}

export function formatEvidenceKinds(kinds: Iterable<string>): string {
  const set = new Set(kinds);
  return TARGET_KINDS.filter((k) => set.has(k)).join(",");
}

export interface CountingQuantity {
  value: number;
  completes: boolean;
  target: { kind: string; subject: string };
}

/** The targets this entry counts toward whose kind needs evidence (empty: no file needed). */
export function targetsNeedingEvidence(quantities: CountingQuantity[], kinds: Set<TargetKind>): string[] {
  const subjects = quantities
    .filter((q) => kinds.has(q.target.kind as TargetKind) && (q.target.kind === "BOOLEAN" ? q.completes : q.value > 0))
    .map((q) => q.target.subject);
  return [...new Set(subjects)];
}

export function missingEvidenceMessage(subjects: string[]): string {
  return `该记录计入量化指标“${subjects.join("”“")}”，提交前请至少上传一份佐证材料（如签到表、通知、照片）`;
}

export function approveWithoutEvidenceWarning(subjects: string[]): string {
  return `该记录计入量化指标“${subjects.join("”“")}”，但没有佐证材料。确定审核通过吗？`;
}
