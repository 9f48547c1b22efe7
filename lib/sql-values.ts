/**
 * Coercion of values read with $queryRaw, which differ by database: SQLite returns booleans as 0/1,
 * PostgreSQL counts as bigint and SUMs as numeric strings, SQLite dates as text.
 */

/** Aggregates come back as bigint (COUNT), number, numeric strings (PostgreSQL SUM) or text dates (SQLite). */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  if (value && typeof value === "object" && "toNumber" in value) return (value as { toNumber(): number }).toNumber();
  return 0;
}

export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number") {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

export function toBool(value: unknown): boolean {
  return value === true || toNumber(value) > 0;
}
