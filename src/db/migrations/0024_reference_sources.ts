import { sql, type Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Public reference cases from any named source (issue 17), not only the AI Incident Database:
 * each source keeps its own name, licence and address, and each case the source's own identifier
 * as text (`external_id`), so a source numbering its cases "OECD-2024-113" keeps that id. A source
 * already imported (AIID) is recorded under its own name and licence.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("reference_sources")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("licence", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("cases", "integer", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.alterTable("reference_incidents").addColumn("external_id", "text").execute();
  await sql`UPDATE reference_incidents SET external_id = CAST(number AS TEXT) WHERE source = 'aiid'`.execute(db);
  const aiid = await db.selectFrom("reference_incidents").select([(eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.max("imported_at").as("at")]).where("source", "=", "aiid").executeTakeFirstOrThrow();
  if (Number(aiid.n) > 0) {
    await db.insertInto("reference_sources").values({ id: "aiid", name: "AI Incident Database", licence: "CC BY-SA 4.0", url: "https://incidentdatabase.ai", cases: Number(aiid.n), imported_at: aiid.at }).execute();
  }
}
