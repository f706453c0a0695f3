import type { Db } from "../../src/db/connect.ts";
import { TABLES_IN_ORDER } from "../../src/db/schema.ts";

/** Every row of every table, to prove a refused request changed nothing at all. */
export async function snapshotAll(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES_IN_ORDER) {
    out[table] = await db.kysely.selectFrom(table).selectAll().execute();
    out[table].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}
