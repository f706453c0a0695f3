import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Incidents imported from a register (issue 17). An import job says what it fills: the inventory
 * (`systems`, every job so far) or the incident register (`incidents`). An incident keeps the
 * day it occurred as precisely as the register gives it (`2021`, `2021-03`, `2021-03-05`) in
 * `occurred_on` when no time is known, rather than a made-up instant on 1 January.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable("import_jobs").addColumn("target", "text", (c) => c.notNull().defaultTo("systems")).execute();
  await db.schema.alterTable("incidents").addColumn("occurred_on", "text").execute();
}
