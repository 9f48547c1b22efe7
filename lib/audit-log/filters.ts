/**
 * The audit page's filters (person, action, object, period), read from the query string so a
 * filtered view can be linked, and turned into one Prisma `where` shared by the page and the
 * .xlsx export. Junk values are dropped rather than refused: a filter is a view, not a write.
 */
import { z } from "zod";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00+08:00`)))
  .optional()
  .catch(undefined);

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

export const auditFiltersSchema = z.object({
  user: text(64),
  action: text(40),
  entity: text(40),
  entityId: text(40),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

type Param = string | string[] | undefined;

export function parseAuditFilters(raw: Record<string, Param> | URLSearchParams): AuditFilters {
  const get = (key: string) => {
    const value = raw instanceof URLSearchParams ? raw.get(key) ?? undefined : raw[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return auditFiltersSchema.parse({
    user: get("user"),
    action: get("action"),
    entity: get("entity"),
    entityId: get("entityId"),
    from: get("from"),
    to: get("to"),
    page: get("page") ?? 1,
  });
}

/** Days are calendar days in China (UTC+8): "to" includes the whole day. */
export function periodOf(filters: Pick<AuditFilters, "from" | "to">): { gte?: Date; lt?: Date } {
  const period: { gte?: Date; lt?: Date } = {};
  if (filters.from) period.gte = new Date(`${filters.from}T00:00:00+08:00`);
  if (filters.to) period.lt = new Date(new Date(`${filters.to}T00:00:00+08:00`).getTime() + 86_400_000);
  return period;
}

export interface AuditWhere {
  username?: string;
  OR?: { action: string | { startsWith: string } }[];
  entity?: string;
  entityId?: string;
  at?: { gte?: Date; lt?: Date };
}

export function auditWhere(filters: AuditFilters): AuditWhere {
  const where: AuditWhere = {};
  if (filters.user) where.username = filters.user;
  // An action group matches itself and its sub-actions: "login" → login.success, login.failed, …
  if (filters.action) where.OR = [{ action: filters.action }, { action: { startsWith: `${filters.action}.` } }];
  if (filters.entity) where.entity = filters.entity;
  if (filters.entityId) where.entityId = filters.entityId;
  const period = periodOf(filters);
  if (period.gte || period.lt) where.at = period;
  return where;
}

/** The query string of the filters (without the page unless given), for links and the export. */
export function auditQueryString(filters: AuditFilters, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ["user", "action", "entity", "entityId", "from", "to"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page) params.set("page", String(page));
  return params.toString();
}
