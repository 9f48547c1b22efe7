/**
 * Writes of the report cycle: its settings (系统管理员) and the 保密审查 steps. Each with its audit
 * row and notifications in one transaction; a refused step writes nothing.
 */
import type { Db } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { ConflictError, UserFacingError } from "@/lib/action-state";
import { calendarDayAt } from "@/lib/progress/dates";
import { NO_REPORT_MESSAGE } from "@/lib/report/mutations";
import { secrecyStepNotice } from "./notices";
import type { SecrecyStepInput, SignDateInput, UpdateCycleSettingsInput } from "./schemas";
import { secrecyStepBlockedReason, SECRECY_STEP_LABEL } from "./secrecy";
import { loadCycleSettings, principalLeader, writeCycleNotice } from "./settings";

export async function updateCycleSettings(db: Db, actor: AuditActor, input: UpdateCycleSettingsInput) {
  return db.$transaction(async (tx) => {
    if (input.principalLeaderId !== null) {
      const leader = await tx.user.findFirst({ where: { id: input.principalLeaderId, role: "LEADER", active: true }, select: { id: true } });
      if (!leader) throw new UserFacingError("主要负责人须为在用的领导账户");
    }
    const data = {
      principalLeaderId: input.principalLeaderId,
      addressee: input.addressee,
      redHeader: input.redHeader,
      redHeaderText: input.redHeaderText,
      submitDue: input.submitDue,
      publishDue: input.publishDue,
    };
    const before = await tx.reportCycleSettings.findUnique({ where: { id: 1 } });
    if (!before) {
      if (input.version !== 1) throw new ConflictError();
      const created = await tx.reportCycleSettings.create({ data: { id: 1, ...data } });
      await writeAudit(tx, actor, { entity: "ReportCycleSettings", entityId: 1, action: "create", after: created });
      return created;
    }
    const { count } = await tx.reportCycleSettings.updateMany({ where: { id: 1, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError();
    const after = await tx.reportCycleSettings.findUniqueOrThrow({ where: { id: 1 } });
    await writeAudit(tx, actor, { entity: "ReportCycleSettings", entityId: 1, action: "update", before, after });
    return after;
  });
}

/**
 * One 保密审查 step on the current round of a signed report, on the version the user saw. The
 * unique (report, round, step) makes a step happen once even when two people press at once.
 */
export async function recordSecrecyStep(db: Db, actor: AuditActor, input: SecrecyStepInput, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const report = await tx.annualReport.findUnique({ where: { year: input.year } });
    if (!report) throw new UserFacingError(NO_REPORT_MESSAGE);
    if (report.version !== input.version) throw new ConflictError();
    const reviews = await tx.reportSecrecyReview.findMany({ where: { reportId: report.id, round: report.reviewRound }, select: { step: true, reviewerId: true } });
    const settings = await loadCycleSettings(tx);
    const principal = await principalLeader(tx, settings);
    const blocked = secrecyStepBlockedReason(input.step, { status: report.status, reviews, actorId: actor.id ?? -1, principalLeaderId: principal?.id ?? null });
    if (blocked) throw new UserFacingError(blocked);
    const actorName = (actor.id ? await tx.user.findUnique({ where: { id: actor.id }, select: { displayName: true } }) : null)?.displayName ?? actor.username;
    const row = await tx.reportSecrecyReview.create({
      data: {
        reportId: report.id,
        round: report.reviewRound,
        step: input.step,
        opinion: input.opinion,
        reviewerId: actor.id ?? -1,
        reviewerName: actorName,
        reviewedOn: calendarDayAt(now),
      },
    });
    // The report's version moves so a page showing the previous step cannot act on stale state.
    const { count } = await tx.annualReport.updateMany({ where: { id: report.id, version: input.version, status: "FINAL" }, data: { version: { increment: 1 } } });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, actor, {
      entity: "AnnualReport",
      entityId: report.id,
      action: `secrecy.${input.step.toLowerCase()}`,
      after: { year: report.year, round: report.reviewRound, step: input.step, label: SECRECY_STEP_LABEL[input.step], opinion: input.opinion, reviewId: row.id },
    });
    await writeCycleNotice(tx, secrecyStepNotice(input.step, report.year, actorName), principal?.id ?? null, actor.id);
    return row;
  });
}

/**
 * Corrects the 落款日期 (the signing date) of a signed report: the 主要负责人 only, on the version
 * the user saw; the text and the 保密审查 are untouched.
 */
export async function updateSignDate(db: Db, actor: AuditActor, input: SignDateInput) {
  return db.$transaction(async (tx) => {
    const report = await tx.annualReport.findUnique({ where: { year: input.year } });
    if (!report) throw new UserFacingError(NO_REPORT_MESSAGE);
    if (report.status !== "FINAL") throw new UserFacingError("报告签发（定稿）后才能修改落款日期");
    const principal = await principalLeader(tx, await loadCycleSettings(tx));
    if (!principal) throw new UserFacingError("单位设置尚未指定主要负责人，请联系系统管理员");
    if (principal.id !== actor.id) throw new UserFacingError("落款日期只能由主要负责人修改");
    if (report.version !== input.version) throw new ConflictError();
    const { count } = await tx.annualReport.updateMany({
      where: { id: report.id, version: input.version, status: "FINAL" },
      data: { signedOn: input.signedOn, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, actor, {
      entity: "AnnualReport",
      entityId: report.id,
      action: "update.signDate",
      before: { year: report.year, version: report.version, signedOn: report.signedOn },
      after: { year: report.year, version: report.version + 1, signedOn: input.signedOn },
    });
    return { version: report.version + 1 };
  });
}
