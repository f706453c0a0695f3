import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Vendors of third-party AI tools and services: due-diligence reviews (security, data use, model
 * provenance, contractual safeguards), risk rating, contract dates, monitoring cadence, and the AI
 * systems that depend on each.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("vendors")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("services", "text", (c) => c.notNull())
    .addColumn("website", "text")
    .addColumn("owner_id", "text", (c) => c.references("users.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("rating", "text", (c) => c.notNull())
    .addColumn("data_countries", "text", (c) => c.notNull())
    .addColumn("contract_start", "text")
    .addColumn("contract_end", "text")
    .addColumn("review_months", "integer", (c) => c.notNull())
    .addColumn("last_reviewed_at", "text")
    .addColumn("next_review_on", "text")
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addUniqueConstraint("vendors_org_code", ["org_id", "code"])
    .execute();
  await db.schema.createIndex("vendors_org_name").on("vendors").columns(["org_id", "name"]).execute();
  await db.schema.createIndex("vendors_org_review").on("vendors").columns(["org_id", "next_review_on"]).execute();

  await db.schema
    .createTable("vendor_systems")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("system_id", "text", (c) => c.notNull().references("ai_systems.id"))
    .addPrimaryKeyConstraint("vendor_systems_pk", ["vendor_id", "system_id"])
    .execute();
  await db.schema.createIndex("vendor_systems_org_system").on("vendor_systems").columns(["org_id", "system_id"]).execute();

  await db.schema
    .createTable("vendor_reviews")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("gaps", "real", (c) => c.notNull())
    .addColumn("suggested_rating", "text", (c) => c.notNull())
    .addColumn("rating", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("reviewer_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("vendor_reviews_org_vendor").on("vendor_reviews").columns(["org_id", "vendor_id", "created_at"]).execute();
}
