import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-pg/client";
import { databaseKind, databaseUrl, sqliteFilePath, type DatabaseKind } from "@/lib/config";

/** Pragmas every SQLite connection needs; read back by the start-up check (lib/db-health.ts). */
export const SQLITE_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

interface SqliteStatement {
  readonly reader: boolean;
  run(params: unknown[]): unknown;
  columns(): unknown[];
  raw(toggle: boolean): { all(params: unknown[]): unknown[] };
}

/**
 * What the adapter (6.19.3) does with a statement: prepare(sql).bind(args), then run(), or
 * reader / columns() / raw().all(). A cached statement cannot be bound twice, so the adapter gets
 * a view that hands the arguments to each call instead.
 */
/**
 * PORTAL_SQL_PROFILE=1: the server sums the time SQLite spends per statement text and prints the 30
 * costliest to stderr every 15 s ("SQLPROFILE [...]"), to find a slow query without a profiler
 * (README "Performance"). Off by default; the timing is a performance.now() pair per statement.
 */
const SQL_PROFILE = process.env.PORTAL_SQL_PROFILE === "1" ? new Map<string, { n: number; ms: number }>() : null;
if (SQL_PROFILE) {
  setInterval(() => {
    const top = [...SQL_PROFILE].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30);
    console.error(`SQLPROFILE ${JSON.stringify(top.map(([sql, v]) => ({ ms: Math.round(v.ms), n: v.n, sql: sql.slice(0, 400) })))}`);
  }, 15_000).unref();
}

function timed<T>(sql: string, run: () => T): T {
  if (!SQL_PROFILE) return run();
  const start = performance.now();
  try {
    return run();
  } finally {
    const entry = SQL_PROFILE.get(sql) ?? { n: 0, ms: 0 };
    entry.n++;
    entry.ms += performance.now() - start;
    SQL_PROFILE.set(sql, entry);
  }
}

function boundView(statement: SqliteStatement, sql = "") {
  let params: unknown[] = [];
  const view = {
    get reader() {
      return statement.reader;
    },
    bind(args: unknown[]) {
      params = args;
      return view;
    },
    run: () => timed(sql, () => statement.run(params)),
    columns: () => statement.columns(),
    raw: () => ({ all: () => timed(sql, () => statement.raw(true).all(params)) }),
  };
  return view;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Two changes to how the adapter prepares SQL on its one connection:
 *
 * Interactive transactions start with BEGIN IMMEDIATE. The adapter issues a plain (deferred)
 * BEGIN and serialises transactions only within its own process: with a second process on the same
 * file (WEB_CONCURRENCY, a backup or CLI script), a transaction that read first and then writes
 * finds its snapshot outdated and fails with SQLITE_BUSY_SNAPSHOT, which no busy timeout can
 * retry. IMMEDIATE takes the write lock up front, so writers wait their turn instead of failing.
 *
 * Prepared statements are reused. The adapter prepares every statement afresh, which was 5% of the
 * server's CPU under `npm run test:load`; Prisma's SQL is parameterised, so a few hundred distinct
 * texts cover the app (least recently used ones are dropped beyond STATEMENT_CACHE_SIZE).
 * Statements are only ever run to completion (run / all), never left iterating, so reuse is safe.
 */
function patchStatementPreparation(adapter: SqlDriverAdapter): void {
  const client = (adapter as unknown as { client?: { prepare?: (sql: string) => unknown } }).client;
  if (!client?.prepare) throw new Error("unexpected SQLite driver adapter: cannot patch statement preparation");
  const prepare = client.prepare.bind(client) as (sql: string) => SqliteStatement;
  const cache = new Map<string, SqliteStatement>();
  client.prepare = (sql: string) => {
    const text = sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql;
    let statement = cache.get(text);
    if (statement) {
      cache.delete(text);
    } else {
      statement = prepare(text);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(text, statement);
    return boundView(statement, text);
  };
}

/** Wraps the adapter factory so each new connection gets the pragmas before Prisma uses it. */
function withSqlitePragmas(inner: PrismaBetterSQLite3): SqlMigrationAwareDriverAdapterFactory {
  const prepare = async (adapter: SqlDriverAdapter) => {
    await adapter.executeScript(SQLITE_PRAGMAS);
    patchStatementPreparation(adapter);
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => prepare(await inner.connect()),
    connectToShadowDb: async () => prepare(await inner.connectToShadowDb()),
  };
}

/**
 * The database behind a client (tests and scripts pass clients of either kind, whatever
 * DATABASE_URL says): Prisma records the provider on each client.
 */
export function providerOf(db: unknown): DatabaseKind {
  const provider = (db as { _activeProvider?: unknown } | null)?._activeProvider;
  return provider === "postgresql" ? "postgresql" : provider === "sqlite" ? "sqlite" : databaseKind();
}

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  if (databaseKind(url) === "postgresql") {
    // Generated from the same schema source with only the provider changed, so the model API is
    // identical; the cast lets the rest of the code use one client type.
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE || 10) });
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  const adapter = withSqlitePragmas(new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url)}`, timeout: 5000 }));
  return new PrismaClient({ adapter });
}

// One client per process, created on first use so that DATABASE_URL is read when the database is
// first needed (scripts and tests set it after importing modules). Next.js bundles this module once
// per server layer (pages and actions, route handlers, instrumentation), so the client lives on
// globalThis: one connection, one statement cache and one instance of Prisma's query compiler
// (WebAssembly, ~10 MB) per process instead of one per bundle. Dev hot reloads reuse it too.
const CLIENT_KEY = Symbol.for("fazhi-portal.prisma");
const globalForPrisma = globalThis as unknown as { [CLIENT_KEY]?: PrismaClient };

function getClient(): PrismaClient {
  return (globalForPrisma[CLIENT_KEY] ??= createPrismaClient());
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = getClient();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
