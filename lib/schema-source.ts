/**
 * prisma/schema.prisma (SQLite) is the one schema source; the PostgreSQL variant differs only in the
 * datasource and the generated client's folder.
 */
export function derivePostgresSchema(sqliteSchema: string): string {
  return (
    "// GENERATED from prisma/schema.prisma by scripts/gen-migrations.ts: do not edit.\n" +
    sqliteSchema
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace(/url\s+= "file:[^"]*"/, 'url      = "postgresql://placeholder@localhost/placeholder"')
      .replace('output     = "../generated/prisma"', 'output     = "../../generated/prisma-pg"')
  );
}
