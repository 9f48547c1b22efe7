/** Reading 修订建议: a rule's proposals (newest first) and the 法治办's pending list. */
import type { Db } from "@/lib/db";

const PROPOSAL_SELECT = {
  id: true,
  kind: true,
  reason: true,
  suggestedText: true,
  status: true,
  decisionComment: true,
  decidedAt: true,
  createdAt: true,
  office: { select: { name: true } },
  proposedBy: { select: { displayName: true } },
} as const;

export async function proposalsForRegulation(db: Db, regulationId: number) {
  return db.regulationProposal.findMany({ where: { regulationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: PROPOSAL_SELECT, take: 50 });
}

export async function pendingProposals(db: Db) {
  return db.regulationProposal.findMany({
    where: { status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...PROPOSAL_SELECT, regulation: { select: { id: true, title: true, docNumber: true } } },
  });
}

export async function pendingProposalCount(db: Db) {
  return db.regulationProposal.count({ where: { status: "PENDING" } });
}

export type ProposalRow = Awaited<ReturnType<typeof proposalsForRegulation>>[number];
export type PendingProposalRow = Awaited<ReturnType<typeof pendingProposals>>[number];
