/**
 * 修订建议 (issue 17): the rule's responsible office proposes a 修订 or 废止; the 法治办 accepts or
 * declines it. Each step checks and writes in one transaction with its audit row and notices (the
 * supervision module's in-portal delivery). One pending proposal per rule is enforced by the unique
 * RegulationProposal.pendingKey, not by counting first. Accepting only sets that year's 制度清理
 * action; the 修订 / 废止 itself stays the coordinator's existing flow.
 */
import type { Db, Tx } from "@/lib/db";
import { UserFacingError } from "@/lib/action-state";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { calendarDayAt } from "@/lib/progress/dates";
import { assertCan, deliver, displayName, isUniqueViolation, NOT_FOUND_MESSAGE, type SupervisionActor } from "@/lib/supervision/access";
import type { DecideProposalInput, ProposeRegulationChangeInput } from "./schemas";
import { cleanupNote, proposalNotice, type ProposalKind } from "./proposal-text";

export { cleanupNote, PROPOSAL_KIND_LABEL, PROPOSAL_KINDS, PROPOSAL_STATUS_LABEL, type ProposalKind } from "./proposal-text";

export const PENDING_PROPOSAL_MESSAGE = "该制度已有待处理的修订建议，请等待法治办处理";
export const REPEALED_RULE_MESSAGE = "该制度已废止，不能再提出修订建议";
export const ALREADY_DECIDED_MESSAGE = "该修订建议已处理，无需重复处理";

export interface ProposalOptions {
  /** Today's calendar day (China); its year is the 制度清理 year an acceptance is written to. */
  today?: Date;
}

async function uniqueAs<T>(run: () => Promise<T>, message: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError(message);
    throw error;
  }
}

/** Staff of the rule's responsible office propose; any other office's staff get "not found". */
export async function proposeRegulationChange(db: Db, actor: SupervisionActor, input: ProposeRegulationChangeInput) {
  assertCan(actor, "regulation:propose");
  if (actor.officeId === null) throw new UserFacingError(NOT_FOUND_MESSAGE);
  const officeId = actor.officeId;
  return uniqueAs(
    () =>
      db.$transaction(async (tx) => {
        const rule = await tx.regulation.findFirst({
          where: { id: input.regulationId, officeId },
          select: { id: true, title: true, status: true, office: { select: { name: true } } },
        });
        if (!rule) throw new UserFacingError(NOT_FOUND_MESSAGE);
        if (rule.status === "REPEALED") throw new UserFacingError(REPEALED_RULE_MESSAGE);
        const proposal = await tx.regulationProposal.create({
          data: {
            regulationId: rule.id, officeId, kind: input.kind, reason: input.reason, suggestedText: input.suggestedText,
            proposedById: actor.id ?? 0, pendingKey: rule.id,
          },
        });
        const notice = proposalNotice("propose", {
          regulationId: rule.id, title: rule.title, officeName: rule.office?.name ?? "", kind: input.kind, actorName: await displayName(tx, actor), text: input.reason,
        });
        const notified = await deliver(tx, actor, notice, officeId, actor.id ?? -1);
        await writeAudit(tx, actor, { entity: "RegulationProposal", entityId: proposal.id, action: "propose", after: proposal });
        return { proposal, notified };
      }),
    PENDING_PROPOSAL_MESSAGE,
  );
}

async function setCleanupFromProposal(tx: Tx, actor: AuditActor, year: number, regulationId: number, action: ProposalKind, note: string) {
  const key = { year_regulationId: { year, regulationId } };
  const before = await tx.regulationCleanup.findUnique({ where: key });
  await tx.regulationCleanup.upsert({
    where: key,
    create: { year, regulationId, action, note, updatedById: actor.id },
    update: { action, note, updatedById: actor.id },
  });
  await writeAudit(tx, actor, {
    entity: "Regulation",
    entityId: regulationId,
    action: "cleanup",
    before: before ? { year: before.year, action: before.action, note: before.note } : undefined,
    after: { year, action, note },
  });
}

/** The 法治办 accepts (sets that year's 制度清理 action) or declines (comment required) a pending proposal. */
export async function decideProposal(db: Db, actor: AuditActor, input: DecideProposalInput, options: ProposalOptions = {}) {
  assertCan(actor, "regulation:manage");
  const accept = input.decision === "ACCEPT";
  if (!accept && input.comment.trim().length < 2) throw new UserFacingError("不采纳时请填写意见");
  const year = (options.today ?? calendarDayAt(new Date())).getUTCFullYear();
  return db.$transaction(async (tx) => {
    const before = await tx.regulationProposal.findUnique({
      where: { id: input.proposalId },
      include: { regulation: { select: { id: true, title: true, status: true } }, office: { select: { name: true } } },
    });
    if (!before) throw new UserFacingError(NOT_FOUND_MESSAGE);
    if (accept && before.regulation.status === "REPEALED") throw new UserFacingError("该制度已废止，只能不采纳该建议");
    const { count } = await tx.regulationProposal.updateMany({
      where: { id: before.id, status: "PENDING" },
      data: { status: accept ? "ACCEPTED" : "DECLINED", decidedById: actor.id, decidedAt: new Date(), decisionComment: input.comment, pendingKey: null, version: { increment: 1 } },
    });
    if (count === 0) throw new UserFacingError(ALREADY_DECIDED_MESSAGE);
    const after = await tx.regulationProposal.findUniqueOrThrow({ where: { id: before.id } });
    const kind = before.kind as ProposalKind;
    if (accept) await setCleanupFromProposal(tx, actor, year, before.regulationId, kind, cleanupNote(before.reason));
    const notice = proposalNotice(accept ? "accept" : "decline", {
      regulationId: before.regulationId, title: before.regulation.title, officeName: before.office.name, kind, actorName: await displayName(tx, actor), text: input.comment,
    });
    await deliver(tx, actor, notice, before.officeId, before.proposedById);
    const { regulation: _r, office: _o, ...plain } = before;
    await writeAudit(tx, actor, { entity: "RegulationProposal", entityId: before.id, action: accept ? "accept" : "decline", before: plain, after });
    return { proposal: after, year };
  });
}
