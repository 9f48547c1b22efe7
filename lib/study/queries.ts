/**
 * 学法清单 reads. The list itself carries no personal data at all (no names, no counts of marks):
 * nobody — 法治办, leader or administrator — can see who studied what. A reader's marks are read
 * only through the functions below that take that reader's own user id.
 */
import type { Db } from "@/lib/db";

export interface StudyListRow {
  itemId: number;
  regulationId: number;
  title: string;
  docNumber: string;
  category: string;
  status: string;
  note: string;
  sortOrder: number;
}

export async function loadStudyList(db: Db, year: number): Promise<StudyListRow[]> {
  const items = await db.studyListItem.findMany({
    where: { year },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      regulationId: true,
      note: true,
      sortOrder: true,
      regulation: { select: { title: true, docNumber: true, category: true, status: true } },
    },
  });
  return items.map((i) => ({
    itemId: i.id,
    regulationId: i.regulationId,
    title: i.regulation.title,
    docNumber: i.regulation.docNumber ?? "",
    category: i.regulation.category,
    status: i.regulation.status,
    note: i.note,
    sortOrder: i.sortOrder,
  }));
}

/** The rules on the year's list this reader marked 已学 (only ever the reader's own marks). */
export async function ownStudyMarks(db: Db, userId: number, year: number): Promise<Set<number>> {
  const marks = await db.studyMark.findMany({
    where: { userId, year, regulation: { studyItems: { some: { year } } } },
    select: { regulationId: true },
  });
  return new Set(marks.map((m) => m.regulationId));
}

/** The years whose 学法清单 lists this rule, newest first. */
export async function studyYearsOfRegulation(db: Db, regulationId: number): Promise<number[]> {
  const items = await db.studyListItem.findMany({ where: { regulationId }, orderBy: { year: "desc" }, select: { year: true } });
  return items.map((i) => i.year);
}

/** Every year that has a 学法清单. */
export async function studyListYears(db: Db): Promise<number[]> {
  const rows = await db.studyListItem.groupBy({ by: ["year"], orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}

/** Rules in force (not 已废止) not yet on the year's list, for the 法治办's 列入 select. */
export async function studyCandidates(db: Db, year: number): Promise<{ id: number; title: string; docNumber: string }[]> {
  const rules = await db.regulation.findMany({
    where: { status: { not: "REPEALED" }, studyItems: { none: { year } } },
    orderBy: [{ category: "asc" }, { title: "asc" }],
    select: { id: true, title: true, docNumber: true },
  });
  return rules.map((r) => ({ ...r, docNumber: r.docNumber ?? "" }));
}

/** The years in which this reader marked this rule 已学 (the reader's own marks only). */
export async function ownMarkedYears(db: Db, userId: number, regulationId: number): Promise<number[]> {
  const marks = await db.studyMark.findMany({ where: { userId, regulationId }, select: { year: true } });
  return marks.map((m) => m.year);
}
