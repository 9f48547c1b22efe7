/**
 * The ledger's server actions for the permission matrix (tests/security/action-cases.ts):
 * who may call each one and a valid input built on fresh fixtures (entries of 综合科, the
 * STAFF_OWNER persona's office, on point 1 of the 2026 demo plan). Test-only; spread
 * LEDGER_ACTION_CASES into ACTION_CASES and merge prepareLedgerMatrixFixtures into the fixtures.
 */
import type { Db } from "@/lib/db";
import type { ActionCase, MatrixContext } from "@/tests/security/action-cases";
import type { Persona } from "@/tests/security/personas";
import { PDF_BYTES } from "@/tests/support/ledger-helpers";

const FILE = "lib/ledger/actions.ts";
const WRITERS = ["COORDINATOR", "STAFF_OWNER"] as const;
const REVIEWERS = ["LEADER", "COORDINATOR"] as const;

export async function prepareLedgerMatrixFixtures(db: Db): Promise<Record<string, number>> {
  const point = await db.workPoint.findFirstOrThrow({ where: { plan: { year: 2026 }, number: 1 }, include: { targets: true } });
  const office = await db.office.findUniqueOrThrow({ where: { name: "综合科" } });
  const staff = await db.user.findUniqueOrThrow({ where: { username: "staff-zonghe" } });
  const shared = await db.workPoint.findFirstOrThrow({ where: { plan: { year: 2026 }, number: 3 } });
  return {
    ledgerPointId: point.id,
    ledgerSharedPointId: shared.id,
    ledgerTargetId: point.targets[0].id,
    ledgerOfficeId: office.id,
    ledgerCreatorId: staff.id,
  };
}

/** A fresh 综合科 entry in the given state (written directly: the fixture is not under test). */
async function entry(c: MatrixContext, status: "DRAFT" | "SUBMITTED" | "APPROVED", deleted = false) {
  return c.db.ledgerEntry.create({
    data: {
      year: 2026,
      workPointId: c.ids.ledgerPointId,
      officeId: c.ids.ledgerOfficeId,
      date: new Date(Date.UTC(2026, 2, 12)),
      title: `矩阵台账${c.seq()}`,
      form: "集中学习",
      status,
      createdById: c.ids.ledgerCreatorId,
      submittedAt: status === "DRAFT" ? null : new Date(),
      deletedAt: deleted ? new Date() : null,
    },
  });
}

const idVersion = (e: { id: number; version: number }) => ({ id: String(e.id), version: String(e.version) });

function fields(c: MatrixContext, withTarget = true) {
  return {
    date: "2026-03-12",
    title: `矩阵台账${c.seq()}`,
    form: "集中学习",
    description: "矩阵测试",
    participants: "",
    category: "NORMAL",
    ...(withTarget ? { [`qty.${c.ids.ledgerTargetId}`]: "1" } : {}),
  };
}

export const LEDGER_ACTION_CASES: ActionCase[] = [
  {
    file: FILE,
    name: "createEntryAction",
    // Any writer records for a point their office leads or cooperates on: point 1 (综合科 leads), and
    // for STAFF_OTHER (研究室) point 3, on which 研究室 cooperates. Recording for a point the office is
    // not on is refused with its own message (tests/integration/ledger-mutations.test.ts).
    allowed: ["COORDINATOR", "STAFF_OWNER", "STAFF_OTHER"],
    input: (c, persona: Persona) =>
      persona === "STAFF_OTHER"
        ? { pointId: String(c.ids.ledgerSharedPointId), ...fields(c, false) }
        : {
            pointId: String(c.ids.ledgerPointId),
            ...fields(c),
            ...(persona === "COORDINATOR" ? { officeId: String(c.ids.ledgerOfficeId) } : {}),
          },
  },
  { file: FILE, name: "updateEntryAction", allowed: WRITERS, input: async (c) => ({ ...idVersion(await entry(c, "DRAFT")), ...fields(c) }) },
  { file: FILE, name: "submitEntryAction", allowed: WRITERS, input: async (c) => idVersion(await entry(c, "DRAFT")) },
  // Only the submitting office (or the recorder) withdraws: the coordinator is refused on 综合科's entries.
  { file: FILE, name: "recallEntryAction", allowed: ["STAFF_OWNER"], input: async (c) => idVersion(await entry(c, "SUBMITTED")) },
  { file: FILE, name: "approveEntryAction", allowed: REVIEWERS, input: async (c) => idVersion(await entry(c, "SUBMITTED")) },
  { file: FILE, name: "returnEntryAction", allowed: REVIEWERS, input: async (c) => ({ ...idVersion(await entry(c, "SUBMITTED")), reason: "请补充签到表" }) },
  { file: FILE, name: "reopenEntryAction", allowed: ["COORDINATOR"], input: async (c) => idVersion(await entry(c, "APPROVED")) },
  { file: FILE, name: "deleteEntryAction", allowed: WRITERS, input: async (c) => idVersion(await entry(c, "DRAFT")) },
  { file: FILE, name: "restoreEntryAction", allowed: ["COORDINATOR"], input: async (c) => idVersion(await entry(c, "DRAFT", true)) },
  {
    file: FILE,
    name: "removeAttachmentAction",
    allowed: WRITERS,
    input: async (c) => {
      const e = await entry(c, "DRAFT");
      const a = await c.db.attachment.create({
        data: { entryId: e.id, fileName: "签到表.pdf", mimeType: "application/pdf", size: PDF_BYTES.length, sha256: "0".repeat(64), data: new Uint8Array(PDF_BYTES), createdById: c.ids.ledgerCreatorId },
      });
      return { id: String(a.id) };
    },
  },
];
