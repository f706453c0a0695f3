import { sql, type Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * How many records hold each term of the text index (SQLite, migration 0027): FTS5's own
 * vocabulary table over it, read to look a query up by its rarest pairs (`search/search.index.ts`).
 * It stores nothing of its own.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect !== "sqlite") return;
  await sql`create virtual table search_grams_vocab using fts5vocab (search_grams, 'row')`.execute(db);
}
