import type { Db } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { ConflictError, UserFacingError } from "@/lib/action-state";
import { hashPassword } from "@/lib/auth/password";
import { isAdminRole, isRole } from "@/lib/auth/roles";
import { formatEvidenceKinds, TARGET_KINDS } from "@/lib/ledger/evidence-rules";
import { newPasswordProblems, pushPasswordHistory } from "@/lib/auth/password-store";
import type { CreateOfficeInput, CreateUserInput, UpdateAccountSecurityInput, UpdateOfficeInput, UpdateSettingsInput, UpdateUserInput } from "./schemas";

function publicUser<T extends { passwordHash?: string }>(user: T): Omit<T, "passwordHash"> {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}

async function assertOfficeActive(db: Db, officeId: number | null) {
  if (officeId === null) return;
  const office = await db.office.findUnique({ where: { id: officeId } });
  if (!office || !office.active) throw new UserFacingError("所选科室不存在或已停用");
}

export async function createOffice(db: Db, actor: AuditActor, input: CreateOfficeInput) {
  return db.$transaction(async (tx) => {
    const office = await tx.office.create({ data: input });
    await writeAudit(tx, actor, { entity: "Office", entityId: office.id, action: "create", after: office });
    return office;
  });
}

export async function updateOffice(db: Db, actor: AuditActor, input: UpdateOfficeInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.office.findUnique({ where: { id: input.id } });
    if (!before) throw new UserFacingError("科室不存在");
    const { count } = await tx.office.updateMany({
      where: { id: input.id, version: input.version },
      data: { name: input.name, shortName: input.shortName, active: input.active, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    const after = await tx.office.findUniqueOrThrow({ where: { id: input.id } });
    await writeAudit(tx, actor, { entity: "Office", entityId: input.id, action: "update", before, after });
    return after;
  });
}

export async function createUser(db: Db, actor: AuditActor, input: CreateUserInput) {
  await assertOfficeActive(db, input.officeId);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      // An initial password: the user chooses their own at the first login (lib/auth/security-gate.ts).
      data: { username: input.username, displayName: input.displayName, role: input.role, officeId: input.officeId, passwordHash, mustChangePassword: true },
    });
    await writeAudit(tx, actor, { entity: "User", entityId: user.id, action: "create", after: publicUser(user) });
    return publicUser(user);
  });
}

/**
 * The 系统管理员's edit of a business account: name, office, whether it may log in. Administrative
 * accounts (三员) are the 安全保密管理员's to change. Office or active changes end the user's sessions.
 */
export async function updateUser(db: Db, actor: AuditActor, input: UpdateUserInput) {
  await assertOfficeActive(db, input.officeId);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id } });
    if (!before) throw new UserFacingError("用户不存在");
    if (!isRole(before.role) || isAdminRole(before.role)) throw new UserFacingError("管理员账户由安全保密管理员管理，系统管理员不能修改");
    if (before.role === "STAFF" && input.officeId === null) throw new UserFacingError("科室人员必须选择所属科室");
    const accessChanged = before.officeId !== input.officeId || before.active !== input.active;
    const { count } = await tx.user.updateMany({
      where: { id: input.id, version: input.version },
      data: {
        displayName: input.displayName,
        officeId: input.officeId,
        active: input.active,
        version: { increment: 1 },
        ...(accessChanged ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    if (count === 0) throw new ConflictError();
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id } });
    await writeAudit(tx, actor, { entity: "User", entityId: input.id, action: "update", before: publicUser(before), after: publicUser(after) });
    return publicUser(after);
  });
}

/**
 * The 安全保密管理员's change of an account's role and active flag (the only way to grant an
 * administrative role). Not on one's own account: nobody raises or ends their own access. A role or
 * active change ends the user's sessions.
 */
export async function updateAccountSecurity(db: Db, actor: AuditActor, input: UpdateAccountSecurityInput) {
  if (input.id === actor.id) throw new UserFacingError("不能修改自己账户的角色或停用自己的账户");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id } });
    if (!before) throw new UserFacingError("用户不存在");
    if (input.role === "STAFF" && before.officeId === null) throw new UserFacingError("科室人员必须有所属科室，请先由系统管理员设置科室");
    const accessChanged = before.role !== input.role || before.active !== input.active;
    const { count } = await tx.user.updateMany({
      where: { id: input.id, version: input.version },
      data: { role: input.role, active: input.active, version: { increment: 1 }, ...(accessChanged ? { sessionVersion: { increment: 1 } } : {}) },
    });
    if (count === 0) throw new ConflictError();
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id } });
    await writeAudit(tx, actor, { entity: "User", entityId: input.id, action: "update.security", before: publicUser(before), after: publicUser(after) });
    return publicUser(after);
  });
}

/** A reset password must be changed at the next login; it ends the user's sessions and joins the password history. */
export async function resetPassword(db: Db, actor: AuditActor, input: { id: number; password: string }) {
  const target = await db.user.findUnique({ where: { id: input.id } });
  const problems = target ? await newPasswordProblems(db, target, input.password, { checkHistory: false }) : [];
  if (problems.length > 0) throw new UserFacingError(problems.join("；"));
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.id } });
    if (!user) throw new UserFacingError("用户不存在");
    await tx.user.update({
      where: { id: input.id },
      data: { passwordHash, sessionVersion: { increment: 1 }, version: { increment: 1 }, lockedUntil: null, mustChangePassword: true, passwordChangedAt: new Date() },
    });
    await pushPasswordHistory(tx, user.id, user.passwordHash);
    await writeAudit(tx, actor, { entity: "User", entityId: input.id, action: "password.reset" });
  });
}

/** Clears the failed attempts that caused a lockout. */
export async function unlockUser(db: Db, actor: AuditActor, input: { id: number }) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.id } });
    if (!user) throw new UserFacingError("用户不存在");
    await tx.loginAttempt.deleteMany({ where: { username: user.username, success: false } });
    await tx.user.update({ where: { id: input.id }, data: { lockedUntil: null } });
    await writeAudit(tx, actor, { entity: "User", entityId: input.id, action: "unlock" });
  });
}

/** The evidence rule fields of the settings form, when the form carried them. */
function evidenceRuleOf(input: UpdateSettingsInput): { evidenceKinds?: string; coHostWindowDays?: number } {
  const rule: { evidenceKinds?: string; coHostWindowDays?: number } = {};
  if (input.evidenceRules) rule.evidenceKinds = formatEvidenceKinds(TARGET_KINDS.filter((kind) => input[`evidence_${kind}`]));
  if (input.coHostWindowDays !== undefined) rule.coHostWindowDays = input.coHostWindowDays;
  return rule;
}

export async function updateSettings(db: Db, actor: AuditActor, input: UpdateSettingsInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.unitSettings.findUnique({ where: { id: 1 } });
    if (!before) {
      const created = await tx.unitSettings.create({ data: { id: 1, unitName: input.unitName, signature: input.signature, reportDate: input.reportDate, ...evidenceRuleOf(input) } });
      await writeAudit(tx, actor, { entity: "UnitSettings", entityId: 1, action: "create", after: created });
      return created;
    }
    const { count } = await tx.unitSettings.updateMany({
      where: { id: 1, version: input.version },
      data: { unitName: input.unitName, signature: input.signature, reportDate: input.reportDate, ...evidenceRuleOf(input), version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    const after = await tx.unitSettings.findUniqueOrThrow({ where: { id: 1 } });
    await writeAudit(tx, actor, { entity: "UnitSettings", entityId: 1, action: "update", before, after });
    return after;
  });
}
