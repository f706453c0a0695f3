import { sql, type Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * A system's EU AI Act class is the class the Regulation gives it, even where its obligations
 * start later (a résumé-screening system is high-risk from 2027-12-02, not "minimal" until then);
 * `eu_class_from` is the date that class applies from, null when it applies already or has no
 * date. Systems stored before held the class of the day they were classified: their library
 * digest is cleared so that the server classifies them again under the new reading (see
 * `reclassifyStale`), with a ledger entry each.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable("ai_systems").addColumn("eu_class_from", "text").execute();
  await sql`update ai_systems set library_digest = null where profile <> '{}'`.execute(db);
}
