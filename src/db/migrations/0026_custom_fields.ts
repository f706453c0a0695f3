import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/** The records an organisation can give fields of its own. */
const RECORD_TABLES = ["ai_systems", "risks", "incidents", "vendors"] as const;

/**
 * Fields an organisation defines itself on systems, risks, incidents and vendors (issue 17): a
 * register's "legal basis" or "impact assessment URL" that Musubi has no column for. A record keeps
 * its values as JSON in `custom`, by field key; `custom_field_values` repeats them one row per value
 * so that a filter is an index lookup and search reads folded text, not every record's JSON.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("custom_fields")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    /** `system`, `risk`, `incident` or `vendor`. */
    .addColumn("entity", "text", (c) => c.notNull())
    /** The name in the API, exports and import mappings; fixed once created. */
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("label_ja", "text", (c) => c.notNull())
    .addColumn("label_en", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    /** JSON: `[{ value, labelJa, labelEn }]` for choice and multi-choice fields; `[]` otherwise. */
    .addColumn("options", "text", (c) => c.notNull())
    .addColumn("help_ja", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("help_en", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull())
    /** Shown as a column of the record's list. */
    .addColumn("in_list", "integer", (c) => c.notNull().defaultTo(0))
    /** Set when the field is retired: its values stay on the records and in the ledger, forms no longer ask. */
    .addColumn("archived_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("custom_fields_org_entity_key").unique().on("custom_fields").columns(["org_id", "entity", "key"]).execute();

  await db.schema
    .createTable("custom_field_values")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("field_id", "text", (c) => c.notNull())
    .addColumn("record_id", "text", (c) => c.notNull())
    /** 0 for a single value; the position of each choice of a multi-choice value. */
    .addColumn("seq", "integer", (c) => c.notNull())
    /** What a filter matches (a choice, a number, a date, a person's id); null for free text. */
    .addColumn("value_key", "text")
    /** The value as search compares it (folded); empty for values search does not read. */
    .addColumn("search_text", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("custom_field_values_pk", ["record_id", "field_id", "seq"])
    .execute();
  await db.schema.createIndex("custom_field_values_filter").on("custom_field_values").columns(["org_id", "field_id", "value_key", "record_id"]).execute();

  for (const table of RECORD_TABLES) {
    await db.schema.alterTable(table).addColumn("custom", "text", (c) => c.notNull().defaultTo("{}")).execute();
  }
}
