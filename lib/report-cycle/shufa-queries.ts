/** Reads for the 述法 material: the year's approved entries (as counted for the report) and the leaders. */
import type { Db } from "@/lib/db";
import { unitSignOff } from "@/lib/report/output";
import { draftShufa, type ShufaDraft } from "./shufa";
import { loadCycleSettings } from "./settings";

export async function loadShufaDraft(db: Db, year: number, leaderId: number): Promise<{ draft: ShufaDraft; leaderName: string; unitName: string } | null> {
  const [leader, settings, unit] = await Promise.all([
    db.user.findFirst({ where: { id: leaderId, role: "LEADER" }, select: { id: true, displayName: true } }),
    loadCycleSettings(db),
    db.unitSettings.findUnique({ where: { id: 1 } }),
  ]);
  if (!leader) return null;
  const entries = await db.ledgerEntry.findMany({
    where: { year, status: "APPROVED", deletedAt: null, linkedEntryId: null },
    select: { id: true, date: true, title: true, form: true, category: true, participants: true, description: true },
    orderBy: [{ date: "asc" }, { id: "asc" }],
    take: 5000,
  });
  const { unitName } = unitSignOff(unit);
  const draft = draftShufa({
    year,
    unitName,
    leader: { id: leader.id, displayName: leader.displayName, isPrincipal: settings.principalLeaderId === leader.id },
    entries: entries.map((e) => ({ ...e, date: e.date.toISOString().slice(0, 10) })),
  });
  return { draft, leaderName: leader.displayName, unitName };
}
