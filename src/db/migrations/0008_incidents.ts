import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Incidents: what happened, to which systems, with harms classified along the CSETv1 and MIT
 * taxonomies, rights affected, whether personal data leaked (APPI Art. 26), a timeline, root cause,
 * and links to the risks and controls involved. Public reference cases (the AI Incident Database)
 * live beside them, outside any organisation.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("incidents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("occurred_at", "text")
    .addColumn("detected_at", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("external_key", "text")
    .addColumn("reported_by", "text")
    .addColumn("owner_id", "text", (c) => c.references("users.id"))
    .addColumn("harm_level", "text", (c) => c.notNull())
    .addColumn("harm_types", "text", (c) => c.notNull())
    .addColumn("harm_basis", "text", (c) => c.notNull())
    .addColumn("categories", "text", (c) => c.notNull())
    .addColumn("rights", "text", (c) => c.notNull())
    .addColumn("affected_parties", "text", (c) => c.notNull())
    .addColumn("people_affected", "integer")
    .addColumn("lives_lost", "integer")
    .addColumn("injuries", "integer")
    .addColumn("personal_data", "text", (c) => c.notNull())
    .addColumn("data_subjects", "integer")
    .addColumn("sensitive_data", "text", (c) => c.notNull())
    .addColumn("root_cause", "text", (c) => c.notNull())
    .addColumn("search_text", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("closed_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addUniqueConstraint("incidents_org_code", ["org_id", "code"])
    .execute();
  await db.schema.createIndex("incidents_org_detected").on("incidents").columns(["org_id", "detected_at", "id"]).execute();
  await db.schema.createIndex("incidents_org_updated").on("incidents").columns(["org_id", "updated_at", "id"]).execute();
  await db.schema.createIndex("incidents_org_status").on("incidents").columns(["org_id", "status", "detected_at"]).execute();
  await db.schema.createIndex("incidents_org_external").on("incidents").columns(["org_id", "source", "external_key"]).unique().execute();

  await db.schema
    .createTable("incident_links")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("incident_links_pk", ["incident_id", "target_type", "target_id"])
    .execute();
  await db.schema.createIndex("incident_links_org_target").on("incident_links").columns(["org_id", "target_type", "target_id"]).execute();

  await db.schema
    .createTable("incident_timeline")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("author_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("incident_timeline_org_incident").on("incident_timeline").columns(["org_id", "incident_id", "at"]).execute();

  await db.schema
    .createTable("reference_incidents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("date", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("deployers", "text", (c) => c.notNull())
    .addColumn("developers", "text", (c) => c.notNull())
    .addColumn("harmed", "text", (c) => c.notNull())
    .addColumn("categories", "text", (c) => c.notNull())
    .addColumn("classifications", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addUniqueConstraint("reference_incidents_source_number", ["source", "number"])
    .execute();
}
