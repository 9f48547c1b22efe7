/**
 * The report cycle settings row (ReportCycleSettings, id 1) with defaults, and writing the cycle's
 * notifications inside a step's transaction.
 */
import type { Db, Tx } from "@/lib/db";
import { DEFAULT_DEADLINES, type DeadlineSettings } from "./deadlines";
import type { CycleAudience, CycleNotice } from "./notices";

export interface CycleSettings extends DeadlineSettings {
  version: number;
  principalLeaderId: number | null;
  addressee: string;
  redHeader: boolean;
  redHeaderText: string;
}

export const DEFAULT_CYCLE_SETTINGS: CycleSettings = {
  version: 0,
  principalLeaderId: null,
  addressee: "",
  redHeader: false,
  redHeaderText: "",
  ...DEFAULT_DEADLINES,
};

export async function loadCycleSettings(db: Db | Tx): Promise<CycleSettings> {
  const row = await db.reportCycleSettings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_CYCLE_SETTINGS;
  return {
    version: row.version,
    principalLeaderId: row.principalLeaderId,
    addressee: row.addressee,
    redHeader: row.redHeader,
    redHeaderText: row.redHeaderText,
    submitDue: row.submitDue,
    publishDue: row.publishDue,
  };
}

/** The principal leader named in the settings, only while that account is an active LEADER. */
export async function principalLeader(db: Db | Tx, settings: CycleSettings): Promise<{ id: number; displayName: string } | null> {
  if (settings.principalLeaderId === null) return null;
  return db.user.findFirst({ where: { id: settings.principalLeaderId, role: "LEADER", active: true }, select: { id: true, displayName: true } });
}

/** Active accounts an audience stands for, without the actor. */
export async function audienceIds(db: Db | Tx, audience: CycleAudience, principalLeaderId: number | null, actorId: number | null): Promise<number[]> {
  const where =
    audience === "principal"
      ? { id: principalLeaderId ?? -1, role: "LEADER", active: true }
      : { role: audience === "leaders" ? "LEADER" : "COORDINATOR", active: true };
  const users = await db.user.findMany({ where, select: { id: true }, orderBy: { id: "asc" } });
  return users.map((u) => u.id).filter((id) => id !== actorId);
}

/** Writes one notification per person of the notice's audience (never the actor). */
export async function writeCycleNotice(tx: Tx, notice: CycleNotice, principalLeaderId: number | null, actorId: number | null): Promise<number> {
  const ids = await audienceIds(tx, notice.audience, principalLeaderId, actorId);
  if (ids.length === 0) return 0;
  await tx.notification.createMany({ data: ids.map((userId) => ({ userId, title: notice.title, body: notice.body, link: notice.link })) });
  return ids.length;
}
