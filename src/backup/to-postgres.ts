import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { createBackup, restoreBackup, type BackupManifest } from "./backup.ts";

/**
 * Moves an installation from SQLite to an empty PostgreSQL database (`musubi migrate
 * --to-postgres`, issue 18), built on backup and restore: a consistent copy of every table is
 * written, restored into PostgreSQL (which refuses a database that is not empty, checks each
 * table's checksum and verifies every organisation's ledger up to the head it recorded), and each
 * table's rows are counted again on PostgreSQL. The data folder's files stay where they are (the
 * database names them by their hash, wherever it runs); the SQLite database is left untouched, so
 * going back is starting without `DATABASE_URL`. Changes made after the copy's snapshot are not
 * moved: stop the server first.
 */
export async function moveToPostgres(sqlite: Db, dataDir: string, postgres: Db): Promise<{ manifest: BackupManifest; rows: number }> {
  if (sqlite.dialect !== "sqlite" || postgres.dialect !== "postgres") throw new Error("moves a SQLite installation to PostgreSQL only");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "musubi-to-postgres-"));
  try {
    const copy = path.join(work, "backup");
    const manifest = await createBackup(sqlite, dataDir, copy);
    // The restore copies the backup's files into this scratch folder, not over the data folder's own (the same files).
    await restoreBackup(postgres, path.join(work, "scratch"), copy);
    let rows = 0;
    for (const [table, { rows: expected }] of Object.entries(manifest.tables)) {
      const found = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(postgres.kysely)).rows[0]!.n);
      if (found !== expected) throw new Error(`${table}: ${expected} rows copied, ${found} found on PostgreSQL`);
      rows += found;
    }
    return { manifest, rows };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
