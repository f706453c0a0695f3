import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Saved import settings (issue 17): how an organisation reads a register it imports again and
 * again — the column mapping with its value translations and split rules, the rows to leave out,
 * the upsert key — under a name, shared by everyone who imports, and as a file.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("import_presets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("name", "text", (c) => c.notNull())
    /** JSON: `{ mapping, skipRows?, headerRow?, sheet?, encoding?, upsertBy?, createMissing? }`. */
    .addColumn("settings", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("import_presets_org_name").unique().on("import_presets").columns(["org_id", "name"]).execute();
}
