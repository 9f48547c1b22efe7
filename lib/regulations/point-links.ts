import type { Db } from "@/lib/db";

/** Rules linked to a work point (shown on the point page as its 制度成果). */
export async function regulationsForPoint(db: Db, workPointId: number) {
  return db.regulationPointLink.findMany({
    where: { workPointId },
    orderBy: { id: "asc" },
    select: { id: true, note: true, regulation: { select: { id: true, title: true, docNumber: true, status: true, adoptedOn: true } } },
  });
}
