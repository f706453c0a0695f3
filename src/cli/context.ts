import { openDatabase, type Db } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { loadConfig, type Config } from "../platform/config.ts";

/** Opens the configured database, migrated, runs `work`, and always closes it. */
export async function withDatabase<T>(work: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openDatabase(config);
  try {
    await migrateToLatest(db);
    return await work(db, config);
  } finally {
    await db.close();
  }
}

export function out(line: string): void {
  process.stdout.write(`${line}\n`);
}
