import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Frameworks an organisation writes itself (an internal AI policy, a sector guideline, a customer's
 * questionnaire), with the applicability rules and crosswalks that come with them: library files
 * that only that organisation sees. `frameworks_stamp` on the organisation changes whenever its set
 * changes; authentication reads it with the credentials, so each request knows without another
 * query which library the organisation's answers must be computed with.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("org_frameworks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("framework", "text", (c) => c.notNull())
    .addColumn("version", "text", (c) => c.notNull())
    /** JSON text of the `musubi-framework/1` file. */
    .addColumn("document", "text", (c) => c.notNull())
    /** JSON text of a `musubi-rules/1` file, or null: when the framework applies. */
    .addColumn("rules", "text")
    /** JSON text of a `musubi-crosswalk/1` file, or null: its mapping to other frameworks. */
    .addColumn("crosswalk", "text")
    /** json, yaml, xlsx or oscal: what the file people gave was. */
    .addColumn("source_format", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("org_frameworks_org_framework_version", ["org_id", "framework", "version"])
    .execute();
  await db.schema.alterTable("organizations").addColumn("frameworks_stamp", "text").execute();
}
