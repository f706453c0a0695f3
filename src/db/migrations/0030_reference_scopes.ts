import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Reference cases an organisation imports itself (issue 17: "as reference cases from any named
 * public source", through the same wizard as its incidents). An organisation's import may hold
 * anything its file holds, so it is seen by that organisation only: `org_id` on the source and its
 * cases, null for the cases the operator imports for the whole installation (the AI Incident
 * Database that ships with Musubi, `incidents import --as reference`). Every case and source already
 * there stays shared.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable("reference_sources").addColumn("org_id", "text").execute();
  await db.schema.alterTable("reference_incidents").addColumn("org_id", "text").execute();
  await db.schema.createIndex("reference_incidents_org_source").on("reference_incidents").columns(["org_id", "source"]).execute();
}
