/**
 * Who sees and writes which ledger rows. Every query and mutation spreads one of these scopes
 * into its Prisma `where`, so ownership holds at the data layer, not only in the pages. The list's
 * hand-written SQL has readScope's twin, readScopeSql (list-sql.ts), tested equal for every role.
 */
import type { Prisma } from "@/generated/prisma/client";
import { UserFacingError } from "@/lib/action-state";
import type { AuditActor } from "@/lib/audit";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { NOT_FOUND_MESSAGE, isEntryStatus, type EntryStatus } from "./constants";
import { FORBIDDEN, type WorkflowEntry } from "./workflow";

/** The part of CurrentUser the ledger needs (CurrentUser satisfies it). */
export interface LedgerUser {
  id: number;
  username: string;
  role: Role;
  officeId: number | null;
}

/** Matches no row: for users with no office or no permission. */
const NOTHING: Prisma.LedgerEntryWhereInput = { id: -1 };

/** Entries the user may read: every office for ledger:readAll, else only their office. */
export function readScope(user: LedgerUser): Prisma.LedgerEntryWhereInput {
  if (!can(user.role, "ledger:read")) return NOTHING;
  if (can(user.role, "ledger:readAll")) return {};
  return user.officeId === null ? NOTHING : { officeId: user.officeId };
}

/** Entries the user may change: every office for ledger:writeAll, else only their office. */
export function writeScope(user: LedgerUser): Prisma.LedgerEntryWhereInput {
  if (!can(user.role, "ledger:write")) return NOTHING;
  if (can(user.role, "ledger:writeAll")) return {};
  return user.officeId === null ? NOTHING : { officeId: user.officeId };
}

/** Deleted entries are visible only to those who may restore them. */
export function deletedScope(user: LedgerUser): Prisma.LedgerEntryWhereInput {
  return can(user.role, "ledger:restore") ? {} : { deletedAt: null };
}

export class NotFoundError extends UserFacingError {
  constructor() {
    super(NOT_FOUND_MESSAGE);
  }
}

export class ForbiddenError extends UserFacingError {
  constructor(message = FORBIDDEN) {
    super(message);
  }
}

export function assertCan(user: LedgerUser, permission: Permission): void {
  if (!can(user.role, permission)) throw new ForbiddenError();
}

export function auditActorOf(user: LedgerUser): AuditActor {
  return { id: user.id, username: user.username, role: user.role };
}

export function asWorkflowEntry(entry: { officeId: number; status: string; createdById: number; deletedAt: Date | null }): WorkflowEntry {
  const status: EntryStatus = isEntryStatus(entry.status) ? entry.status : "DRAFT";
  return { officeId: entry.officeId, status, createdById: entry.createdById, deleted: entry.deletedAt !== null };
}
