import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Kysely } from "kysely";
import { loadPg, openPostgres, openSqlite, type Db } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { Database } from "../../src/db/schema.ts";
import { PgliteDialect } from "./pglite-dialect.ts";

/**
 * The databases every store and API test runs against:
 * - `sqlite`: always, a real file (WAL, fsync) in a temporary folder;
 * - `postgres`: a real server when MUSUBI_TEST_PG_URL is set (CI sets it and MUSUBI_REQUIRE_PG=1,
 *   so a missing server fails the run instead of skipping);
 * - `pglite`: PostgreSQL in WASM, standing in for the Postgres dialect when no server runs here.
 */
export interface TestDatabase {
  name: "sqlite" | "postgres" | "pglite";
  /** A fresh, migrated, empty database; `dataDir` is a fresh folder beside it. */
  open(): Promise<{ db: Db; dataDir: string; cleanup(): Promise<void> }>;
}

export function tempDir(prefix = "musubi-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * The shared part of every dialect: a fresh data folder, a migrated database, and a cleanup that
 * closes it, runs the dialect's own teardown, and removes the folder.
 */
async function opened(make: (dataDir: string) => Promise<{ db: Db; teardown?: () => Promise<void> }>) {
  const dataDir = tempDir();
  const { db, teardown } = await make(dataDir);
  await migrateToLatest(db);
  return {
    db,
    dataDir,
    async cleanup() {
      await db.close();
      await teardown?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const sqlite: TestDatabase = {
  name: "sqlite",
  open: () => opened(async (dataDir) => ({ db: openSqlite(path.join(dataDir, "musubi.sqlite")) })),
};

/** Creates a throwaway database on the server named by `adminUrl`; returns its URL and a dropper. */
export async function createPgDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const pg = loadPg();
  const name = `musubi_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new (loadPg().Client)({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function postgres(adminUrl: string): TestDatabase {
  return {
    name: "postgres",
    open: () =>
      opened(async () => {
        const { url, drop } = await createPgDatabase(adminUrl);
        return { db: openPostgres(url), teardown: drop };
      }),
  };
}

const pglite: TestDatabase = {
  name: "pglite",
  open: () =>
    opened(async () => {
      const { PGlite } = await import("@electric-sql/pglite");
      const engine = new PGlite({ parsers: { 20: (v: string) => Number(v) } });
      const kysely = new Kysely<Database>({ dialect: new PgliteDialect(engine) });
      return { db: { kysely, dialect: "postgres", location: "pglite (memory)", close: () => kysely.destroy() } };
    }),
};

let announced = false;

/** The dialects to run against here, printing once why PostgreSQL is a stand-in when it is. */
export function testDatabases(): TestDatabase[] {
  const url = process.env.MUSUBI_TEST_PG_URL;
  if (url) return [sqlite, postgres(url)];
  if (process.env.MUSUBI_REQUIRE_PG === "1") {
    throw new Error("MUSUBI_REQUIRE_PG=1 but MUSUBI_TEST_PG_URL is not set: the PostgreSQL suite cannot be skipped here");
  }
  if (!announced) {
    announced = true;
    process.stderr.write("[musubi tests] MUSUBI_TEST_PG_URL not set: running the Postgres dialect on PGlite instead of a server\n");
  }
  return [sqlite, pglite];
}
