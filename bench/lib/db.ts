import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPostgres, openSqlite, type Db } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { createPgDatabase } from "../../test/support/databases.ts";
import type { Dialect } from "./report.ts";

/** The PostgreSQL server to benchmark against, if any. */
export function pgUrl(): string | undefined {
  return process.env.MUSUBI_BENCH_PG_URL || undefined;
}

export const PG_SKIPPED = "postgres skipped: MUSUBI_BENCH_PG_URL not set";

/** The dialects to run: SQLite always, PostgreSQL when MUSUBI_BENCH_PG_URL is set. */
/** The databases a benchmark runs on: SQLite, and PostgreSQL when a server is named; `MUSUBI_BENCH_ONLY` narrows it to one (for profiling). */
export function dialects(): Dialect[] {
  const all: Dialect[] = pgUrl() ? ["sqlite", "postgres"] : ["sqlite"];
  const only = process.env.MUSUBI_BENCH_ONLY;
  return only ? all.filter((d) => d === only) : all;
}

export function tempDir(prefix = "musubi-bench-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh, migrated database plus the environment a `musubi` child process needs to use it. */
export interface BenchDb {
  dialect: Dialect;
  db: Db;
  dataDir: string;
  env: Record<string, string>;
  /** Opens another handle on the same database (the first may have been closed). */
  reopen(): Db;
  cleanup(): Promise<void>;
}

export async function openBenchDb(dialect: Dialect): Promise<BenchDb> {
  const dataDir = tempDir();
  if (dialect === "sqlite") {
    const file = path.join(dataDir, "musubi.sqlite");
    const db = openSqlite(file);
    await migrateToLatest(db);
    const handles = [db];
    return {
      dialect,
      db,
      dataDir,
      env: { MUSUBI_DATA_DIR: dataDir },
      reopen: () => {
        const h = openSqlite(file);
        handles.push(h);
        return h;
      },
      async cleanup() {
        for (const h of handles) await h.close().catch(() => undefined);
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const admin = pgUrl();
  if (!admin) throw new Error(PG_SKIPPED);
  const { url, drop } = await createPgDatabase(admin);
  const db = openPostgres(url);
  await migrateToLatest(db);
  const handles = [db];
  return {
    dialect,
    db,
    dataDir,
    env: { MUSUBI_DATA_DIR: dataDir, DATABASE_URL: url },
    reopen: () => {
      const h = openPostgres(url);
      handles.push(h);
      return h;
    },
    async cleanup() {
      for (const h of handles) await h.close().catch(() => undefined);
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
