import type { Tx, Db } from "@/lib/db";

export interface AuditActor {
  id: number | null;
  username: string;
  role: string;
}

export interface AuditRecord {
  entity: string;
  entityId?: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
  ip?: string;
}

/**
 * Entities whose audit rows never change a figure of the dashboard or the plan's structure: logins
 * and refusals, exports, evidence files (only on entries still being edited), the report's text, the 制度库 and its 修订建议.
 */
const FIGURE_NEUTRAL_ENTITIES = new Set([
  "Auth", "Permission", "Ledger", "Attachment", "AnnualReport", "ReportPart", "Regulation", "RegulationProposal", "RegulationAssessment", "StudyList",
  // Documents and settings the dashboard's figures never read (lib/dashboard, lib/progress): 情况通报,
  // 考核自评, outbound mail, the feedback and report-cycle settings.
  "Bulletin", "Assessment", "AssessmentIndicator", "AssessmentLink", "OutboundSettings", "OutboundMessage", "FeedbackSettings", "ReportCycleSettings",
]);

/**
 * Whether a change can move a figure that is memoised on the figures stamp (lib/dashboard/cache.ts).
 * Creating and editing a ledger entry cannot: entries are created as drafts and only drafts and
 * returned entries can be edited, while the figures count approved entries and pending reviews.
 * Anything not known to be neutral counts as affecting: a stale figure is worse than a recomputation.
 */
export function affectsFigures(record: Pick<AuditRecord, "entity" | "action">): boolean {
  if (FIGURE_NEUTRAL_ENTITIES.has(record.entity) || record.action.startsWith("export.")) return false;
  return !(record.entity === "LedgerEntry" && (record.action === "create" || record.action === "update"));
}

/**
 * The client address of the request being served (等保 2.0: every audit record names where it came
 * from), or "" outside a request (scripts, seeding, scheduled work).
 */
async function requestAddress(): Promise<string> {
  try {
    const [{ headers }, { clientAddress }] = await Promise.all([import("next/headers"), import("@/lib/security/client-address")]);
    return clientAddress(await headers());
  } catch {
    return "";
  }
}

/**
 * Writes one audit row; call it inside the same transaction as the change it records.
 * Every change in the portal passes here, so it is a single parameterised INSERT rather than a
 * model query (see lib/hot-path.ts on what the query compiler costs per query); the columns and
 * value formats are the model's (a Date parameter is stored exactly as Prisma stores DateTime).
 */
export async function writeAudit(db: Tx | Db, actor: AuditActor | null, record: AuditRecord): Promise<void> {
  const ip = record.ip ?? (await requestAddress());
  const entityId = record.entityId === undefined ? "" : String(record.entityId);
  const before = record.before === undefined ? null : JSON.stringify(record.before);
  const after = record.after === undefined ? null : JSON.stringify(record.after);
  await db.$executeRaw`
    INSERT INTO "AuditLog" ("userId", "username", "role", "at", "entity", "entityId", "action", "before", "after", "ip", "affectsFigures")
    VALUES (${actor?.id ?? null}, ${actor?.username ?? ""}, ${actor?.role ?? ""}, ${new Date()}, ${record.entity}, ${entityId},
            ${record.action}, ${before}, ${after}, ${ip}, ${affectsFigures(record)})`;
}
