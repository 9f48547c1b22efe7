/**
 * The 制度库's full-text index, in the database's own index structures (tables hand-written in
 * migration 0010_regulations, kept in step here inside the transaction that changes the rule):
 *
 * - SQLite: FTS5. `fts_regulation` uses the trigram tokenizer (substring match, any language) for
 *   queries whose terms all have 3 or more characters; `fts_regulation_bigram` holds the same text
 *   as character bigrams (lib/regulations/search-terms.ts) for shorter terms such as 合同 or 印章,
 *   which a trigram index cannot answer. Ranked by bm25 (title weighted over 文号 over body).
 * - PostgreSQL: `fts_regulation.doc`, a tsvector of character bigrams built by the application
 *   (weights A title, B 文号, D body) under a GIN index; a term of 3 or more characters is asked as
 *   all of its bigrams and then checked against the text (strpos), so the result is exact.
 *   Ranked by ts_rank.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/lib/db";
import type { DatabaseKind } from "@/lib/config";
import { toNumber } from "@/lib/sql-values";
import { bigramMatch, bigramText, trigramMatch, tsqueryLiteral, tsvectorLiteral } from "./search-terms";

export interface IndexedDocument {
  id: number;
  title: string;
  docNumber: string;
  body: string;
}

export async function writeSearchIndex(db: Tx | Db, kind: DatabaseKind, doc: IndexedDocument): Promise<void> {
  if (kind === "postgresql") {
    const vector = tsvectorLiteral(doc);
    await db.$executeRaw`
      INSERT INTO "fts_regulation" ("regulationId", "doc") VALUES (${doc.id}, CAST(${vector} AS tsvector))
      ON CONFLICT ("regulationId") DO UPDATE SET "doc" = EXCLUDED."doc"`;
    return;
  }
  await db.$executeRaw`DELETE FROM "fts_regulation" WHERE rowid = ${doc.id}`;
  await db.$executeRaw`DELETE FROM "fts_regulation_bigram" WHERE rowid = ${doc.id}`;
  await db.$executeRaw`INSERT INTO "fts_regulation" (rowid, "title", "docNumber", "body") VALUES (${doc.id}, ${doc.title}, ${doc.docNumber}, ${doc.body})`;
  await db.$executeRaw`
    INSERT INTO "fts_regulation_bigram" (rowid, "title", "docNumber", "body")
    VALUES (${doc.id}, ${bigramText(doc.title)}, ${bigramText(doc.docNumber)}, ${bigramText(doc.body)})`;
}

export interface SearchFilter {
  category?: string;
  status?: string;
  officeId?: number;
  /** Year of adoption (印发). */
  year?: number;
}

function filterSql(filter: SearchFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.category) parts.push(Prisma.sql`r."category" = ${filter.category}`);
  if (filter.status) parts.push(Prisma.sql`r."status" = ${filter.status}`);
  if (filter.officeId) parts.push(Prisma.sql`r."officeId" = ${filter.officeId}`);
  if (filter.year) {
    parts.push(Prisma.sql`r."adoptedOn" >= ${new Date(Date.UTC(filter.year, 0, 1))} AND r."adoptedOn" < ${new Date(Date.UTC(filter.year + 1, 0, 1))}`);
  }
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/** The SQL of a search (also used by the EXPLAIN tests). `terms` come from queryTerms(). */
export function searchSql(kind: DatabaseKind, terms: readonly string[], filter: SearchFilter, limit: number): Prisma.Sql {
  const where = filterSql(filter);
  if (kind === "postgresql") {
    const query = tsqueryLiteral(terms);
    const long = terms.filter((t) => Array.from(t).length >= 3);
    const recheck = long.length
      ? Prisma.sql`AND ${Prisma.join(
          long.map((t) => Prisma.sql`strpos(lower(r."title" || ' ' || coalesce(r."docNumber", '') || ' ' || v."fullText"), ${t}) > 0`),
          " AND ",
        )}`
      : Prisma.empty;
    // The index lookup is its own (materialised) step, so the planner cannot trade it for a walk
    // along a primary key to feed the joins.
    return Prisma.sql`
      WITH hits AS MATERIALIZED (
        SELECT f."regulationId", ts_rank(f."doc", CAST(${query} AS tsquery)) AS "rank"
        FROM "fts_regulation" f WHERE f."doc" @@ CAST(${query} AS tsquery)
      )
      SELECT r."id" AS "id", hits."rank" AS "rank"
      FROM hits
      JOIN "Regulation" r ON r."id" = hits."regulationId"
      JOIN "RegulationVersion" v ON v."regulationId" = r."id" AND v."versionNo" = r."currentVersion"
      WHERE TRUE ${recheck} ${where}
      ORDER BY "rank" DESC, r."id" DESC
      LIMIT ${limit}`;
  }
  const trigram = trigramMatch(terms);
  if (trigram) {
    return Prisma.sql`
      SELECT r."id" AS "id", bm25("fts_regulation", 10.0, 5.0, 1.0) AS "rank"
      FROM "fts_regulation" JOIN "Regulation" r ON r."id" = "fts_regulation".rowid
      WHERE "fts_regulation" MATCH ${trigram} ${where}
      ORDER BY "rank", r."id" DESC
      LIMIT ${limit}`;
  }
  return Prisma.sql`
    SELECT r."id" AS "id", bm25("fts_regulation_bigram", 10.0, 5.0, 1.0) AS "rank"
    FROM "fts_regulation_bigram" JOIN "Regulation" r ON r."id" = "fts_regulation_bigram".rowid
    WHERE "fts_regulation_bigram" MATCH ${bigramMatch(terms)} ${where}
    ORDER BY "rank", r."id" DESC
    LIMIT ${limit}`;
}

/**
 * PostgreSQL's planner prices a sequential scan of fts_regulation by its heap pages, which are
 * few because the tsvectors live in TOAST; it then reads and decompresses every document. The
 * search therefore runs with sequential scans priced out (for its own transaction only), so the
 * GIN index answers it (tests/integration/regulations-search.test.ts checks the plan).
 */
export const PG_PLANNER_SETTING = "SET LOCAL enable_seqscan = off";

/** Ids of matching rules, best first. No terms (empty or symbols only): no result, no error. */
export async function searchRegulationIds(db: Db, kind: DatabaseKind, terms: readonly string[], filter: SearchFilter = {}, limit = 100): Promise<number[]> {
  if (terms.length === 0) return [];
  const sql = searchSql(kind, terms, filter, limit);
  const rows =
    kind === "postgresql"
      ? await db.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(PG_PLANNER_SETTING);
          return tx.$queryRaw<{ id: unknown }[]>(sql);
        })
      : await db.$queryRaw<{ id: unknown }[]>(sql);
  return rows.map((row) => toNumber(row.id));
}
