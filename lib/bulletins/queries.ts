import type { Db } from "@/lib/db";
import { unitSignOff } from "@/lib/report/output";
import { calendarDayAt } from "@/lib/progress/dates";
import type { ReportDocxInput } from "@/lib/report/docx";
import { splitBulletinContent } from "./draft";

export async function listBulletins(db: Db) {
  return db.bulletin.findMany({ orderBy: [{ year: "desc" }, { number: "desc" }], select: { id: true, year: true, number: true, title: true, status: true, periodStart: true, periodEnd: true, updatedAt: true } });
}

export async function loadBulletin(db: Db, id: number) {
  const bulletin = await db.bulletin.findUnique({ where: { id } });
  if (!bulletin) return null;
  const people = await db.user.findMany({ where: { id: { in: [bulletin.createdById, bulletin.approvedById ?? -1] } }, select: { id: true, displayName: true } });
  const name = (id: number | null) => people.find((p) => p.id === id)?.displayName ?? "";
  return { ...bulletin, createdByName: name(bulletin.createdById), approvedByName: name(bulletin.approvedById) };
}

/** The export's input: GB/T 9704 layout of the report, 主送 the offices, signed by the unit, dated on approval. */
export async function bulletinDocxInput(db: Db, id: number): Promise<(ReportDocxInput & { id: number; status: string }) | null> {
  const bulletin = await db.bulletin.findUnique({ where: { id } });
  if (!bulletin) return null;
  const unit = unitSignOff(await db.unitSettings.findUnique({ where: { id: 1 } }));
  const { preface, parts } = splitBulletinContent(bulletin.content);
  return {
    id: bulletin.id,
    status: bulletin.status,
    title: bulletin.title,
    docNumber: bulletin.docNumber,
    addressee: "各科室、委室：",
    preface,
    parts,
    signature: unit.signature,
    date: calendarDayAt(bulletin.approvedAt ?? new Date()),
    draft: bulletin.status !== "APPROVED",
  };
}
