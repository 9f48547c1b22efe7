/**
 * 督办 demo data: last month's progress notes (进展反馈) of two points of the current-year plan, so
 * the point pages and /supervision/feedback show written and missing notes. Nothing that moves a
 * figure (no extension, no 办结). Each row gets its create audit row through `record`.
 */
import type { Tx } from "@/lib/db";
import { duePeriod } from "@/lib/supervision/periods";

type Record = (entity: string, entityId: number, after: object, by?: string) => void;

export async function seedSupervisionDemo(
  tx: Tx,
  year: number,
  today: Date,
  ctx: { points: Map<number, number>; offices: Map<string, number>; users: Map<string, number> },
  record: Record,
): Promise<void> {
  const period = duePeriod(today);
  if (period.year !== year) return; // in January last month belongs to last year's plan
  const notes = [
    { point: 2, office: "研究室", author: "staff-yanjiu", text: "本月完成协商议政选题征集，正在组织论证，下月提交主席会议审议。" },
    { point: 3, office: "综合科", author: "staff-zonghe", text: "本月更新法治建设专栏稿件两篇，下月继续按月更新。" },
  ];
  for (const n of notes) {
    const workPointId = ctx.points.get(n.point);
    const officeId = ctx.offices.get(n.office);
    const authorId = ctx.users.get(n.author);
    if (!workPointId || !officeId || !authorId) continue;
    const note = await tx.progressNote.create({ data: { workPointId, officeId, period: period.key, text: n.text, authorId } });
    record("ProgressNote", note.id, { id: note.id, workPointId, officeId, period: note.period, text: note.text }, n.author);
  }
}
