import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * An authority's analysis (issue 16): cases of rights infringement grouping submissions, with a
 * timeline of notes and countermeasures considered; and the intake's trend dimensions as rows
 * (one per submission, dimension and value), so a trend bar drills down to its submissions
 * through an index. The trend counts themselves live in `counters` (family `trend`), kept as
 * submissions arrive and are triaged, so a dashboard over a million submissions reads a few
 * hundred rows.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("oversight_cases")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    /** `open`, `analysing`, `countermeasures` or `closed`. */
    .addColumn("status", "text", (c) => c.notNull())
    /** JSON array of rights affected (the incident vocabulary's `RIGHTS`). */
    .addColumn("rights", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("oversight_cases_code").on("oversight_cases").columns(["org_id", "code"]).unique().execute();
  await db.schema.createIndex("oversight_cases_updated").on("oversight_cases").columns(["org_id", "updated_at"]).execute();

  await db.schema
    .createTable("oversight_case_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("case_id", "text", (c) => c.notNull().references("oversight_cases.id"))
    /** `note` (analysis) or `countermeasure` (considered). */
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("by_user", "text")
    .execute();
  await db.schema.createIndex("oversight_case_entries_case").on("oversight_case_entries").columns(["org_id", "case_id", "at"]).execute();

  await db.schema
    .createTable("oversight_intake_tags")
    .addColumn("org_id", "text", (c) => c.notNull())
    /** `sector`, `harmType`, `right`, `generative`, `modelProvider`, `actorRole`, `severity` or `kind`. */
    .addColumn("dimension", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("intake_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("oversight_intake_tags_pk", ["org_id", "dimension", "value", "received_at", "intake_id"])
    .execute();
  await db.schema.createIndex("oversight_intake_tags_intake").on("oversight_intake_tags").columns(["org_id", "intake_id"]).execute();
}
