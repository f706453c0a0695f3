import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect } from "kysely";
import { loadPg } from "./pg.ts";
import { withNamedStatements } from "./pg-named-statements.ts";
import type { Database } from "./schema.ts";
import { MusubiSqliteDialect } from "./sqlite-dialect.ts";
import { DEFAULT_SQLITE_CACHE_MB } from "../platform/config.ts";
import { documentTokens } from "../search/search.grams.ts";

export type DialectName = "sqlite" | "postgres";

/** An open database: the Kysely handle plus what callers need to know about the engine under it. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** The raw SQLite handle, for online backup and the fast ledger walk; absent on PostgreSQL. */
  sqlite?: BetterSqlite3.Database;
  /** Where the data lives, for the start-up banner (never contains a password). */
  location: string;
  /**
   * How another thread can open the same database (parallel ledger verification); absent for
   * in-memory stand-ins, which are then verified on the calling thread.
   */
  connection?: { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };
  /** The PostgreSQL pool under Kysely, for named prepared statements on hot paths. */
  pgPool?: import("pg").Pool;
  /**
   * SQLite only: a second connection, query-only, that API reads use. SQLite has one writer and
   * Musubi one write connection; with reads on their own connection (WAL lets them see the last
   * commit while a write is under way) a long write such as a 100,000-row import no longer makes
   * every page, and the import's own progress, wait for its commit. Opened on first use.
   */
  readonly reader?: Db;
  close(): Promise<void>;
}

export { loadPg };

export function openSqlite(file: string, opts: { cacheMb?: number } = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  // FULL: a commit is on disk before the client hears "201"; NORMAL could lose it on power loss.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma(`cache_size = -${Math.max(2, opts.cacheMb ?? DEFAULT_SQLITE_CACHE_MB) * 1024}`);
  registerFunctions(sqlite);
  const kysely = new Kysely<Database>({ dialect: new MusubiSqliteDialect(sqlite) });
  let reader: Db | undefined;
  return {
    kysely,
    dialect: "sqlite",
    sqlite,
    location: file,
    connection: { kind: "sqlite", file },
    get reader() {
      return (reader ??= openSqliteReader(file, opts));
    },
    async close() {
      await reader?.close();
      await kysely.destroy();
    },
  };
}

/**
 * Functions Musubi's SQLite schema calls: the search index's triggers (migration 0027) compute a
 * record's terms with `musubi_search_doc`, so every connection that writes must have it; a tool
 * without it (the `sqlite3` shell) can read but not write the indexed tables.
 */
function registerFunctions(sqlite: BetterSqlite3.Database): void {
  sqlite.function("musubi_search_doc", { deterministic: true }, (text: unknown, orgId: unknown, kind: unknown) => documentTokens(String(text ?? ""), String(orgId), String(kind)));
}

/** The query-only connection behind `Db.reader`: a write through it fails instead of bypassing the writer. */
function openSqliteReader(file: string, opts: { cacheMb?: number }): Db {
  const sqlite = new BetterSqlite3(file, { fileMustExist: true });
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma(`cache_size = -${Math.max(2, opts.cacheMb ?? DEFAULT_SQLITE_CACHE_MB) * 1024}`);
  sqlite.pragma("query_only = ON");
  const kysely = new Kysely<Database>({ dialect: new MusubiSqliteDialect(sqlite) });
  return { kysely, dialect: "sqlite", sqlite, location: file, connection: { kind: "sqlite", file }, close: () => kysely.destroy() };
}

export function openPostgres(url: string, maxConnections = 10): Db {
  const pg = loadPg();
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle connection dropped by the server (restart, failover, admin kill) must not crash the
  // process: the pool discards it and the next query opens a fresh one.
  pool.on("error", (err) => process.stderr.write(`musubi: idle PostgreSQL connection closed: ${err.message}\n`));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) });
  const safe = new URL(url);
  safe.password = safe.password ? "***" : "";
  return {
    kysely,
    dialect: "postgres",
    location: safe.toString(),
    connection: { kind: "postgres", url },
    pgPool: pool,
    close: () => kysely.destroy(),
  };
}

/** Opens PostgreSQL when `databaseUrl` is set, otherwise the embedded SQLite file in the data folder. */
export function openDatabase(opts: { dataDir: string; databaseUrl?: string | undefined; sqliteCacheMb?: number }): Db {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openSqlite(path.join(opts.dataDir, "musubi.sqlite"), { ...(opts.sqliteCacheMb !== undefined && { cacheMb: opts.sqliteCacheMb }) });
}
