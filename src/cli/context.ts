import { openDatabase, type Db } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { loadConfig, type Config } from "../platform/config.ts";
import { importWorkersFinished } from "../systems/imports.offthread.ts";

/** Opens the configured database, migrated, runs `work`, and always closes it. */
export async function withDatabase<T>(work: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openDatabase(config);
  try {
    await migrateToLatest(db);
    return await work(db, config);
  } finally {
    // An import's worker may still be checkpointing what it wrote; closing under it would kill it mid-statement.
    await importWorkersFinished();
    await db.close();
  }
}

export function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The id of the organisation a `--org <slug>` names; an unknown slug is a clear error. */
export async function orgIdOf(db: Db, slug: string): Promise<string> {
  const org = await db.kysely.selectFrom("organizations").select("id").where("slug", "=", slug).executeTakeFirst();
  if (!org) throw new Error(`no organisation "${slug}"`);
  return org.id;
}

/** Turns an API error into the message a terminal user reads, with its details. */
export async function explain<T>(work: Promise<T>): Promise<T> {
  const { AppError } = await import("../platform/errors.ts");
  const { wordField } = await import("../platform/http/field-messages.ts");
  // Field messages the API words in the caller's language are worded here in English.
  const worded = (details: unknown) => (Array.isArray(details) ? details.map((d) => (typeof d?.message === "string" ? { ...d, message: wordField(d.message, "en") } : d)) : details);
  return work.catch((err: unknown) => {
    if (err instanceof AppError) throw new Error(`${err.code}: ${err.message}${err.details === undefined ? "" : `\n${JSON.stringify(worded(err.details), null, 2)}`}`);
    throw err;
  });
}
