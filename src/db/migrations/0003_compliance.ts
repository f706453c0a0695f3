import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * The compliance workspace: the AI-system inventory, assessments with one row per applicable
 * requirement, organisation-level controls mapped to requirements, evidence and its links, import
 * jobs, and `counters` — running totals kept in the same transaction as each change so that the
 * dashboard reads a few hundred rows instead of grouping millions.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("ai_systems")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name_ja", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("business_owner_id", "text", (c) => c.references("users.id"))
    .addColumn("technical_owner_id", "text", (c) => c.references("users.id"))
    .addColumn("department_id", "text", (c) => c.references("departments.id"))
    .addColumn("lifecycle", "text", (c) => c.notNull())
    .addColumn("profile", "text", (c) => c.notNull())
    .addColumn("models", "text", (c) => c.notNull())
    .addColumn("datasets", "text", (c) => c.notNull())
    .addColumn("components", "text", (c) => c.notNull())
    .addColumn("vendors", "text", (c) => c.notNull())
    .addColumn("countries", "text", (c) => c.notNull())
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("last_reviewed_at", "text")
    .addColumn("next_review_at", "text")
    .addColumn("eu_class", "text")
    .addColumn("frameworks", "text", (c) => c.notNull())
    .addColumn("classified_on", "text")
    .addColumn("library_digest", "text")
    .addColumn("search_text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addUniqueConstraint("ai_systems_org_code", ["org_id", "code"])
    .execute();
  // One index per sortable column (with the id tie-break) and per common filter: an inventory page
  // of 100,000 systems must be a short index walk whichever column the table is sorted by.
  const systemIndexes: [string, string[]][] = [
    ["ai_systems_org_name_ja", ["org_id", "name_ja", "id"]],
    ["ai_systems_org_name_en", ["org_id", "name_en", "id"]],
    ["ai_systems_org_lifecycle", ["org_id", "lifecycle", "code"]],
    ["ai_systems_org_eu_class", ["org_id", "eu_class", "code"]],
    ["ai_systems_org_review", ["org_id", "next_review_at", "id"]],
    ["ai_systems_org_updated", ["org_id", "updated_at", "id"]],
    ["ai_systems_org_department", ["org_id", "department_id"]],
    ["ai_systems_org_business_owner", ["org_id", "business_owner_id"]],
    ["ai_systems_org_technical_owner", ["org_id", "technical_owner_id"]],
  ];
  for (const [name, columns] of systemIndexes) await db.schema.createIndex(name).on("ai_systems").columns(columns).execute();

  await db.schema
    .createTable("assessments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("system_id", "text", (c) => c.notNull().references("ai_systems.id"))
    .addColumn("framework_id", "text", (c) => c.notNull())
    .addColumn("framework_version", "text", (c) => c.notNull())
    .addColumn("library_digest", "text", (c) => c.notNull())
    .addColumn("signed_off_by", "text", (c) => c.references("users.id"))
    .addColumn("signed_off_at", "text")
    .addColumn("signoff_note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addUniqueConstraint("assessments_org_system_framework", ["org_id", "system_id", "framework_id"])
    .execute();
  await db.schema.createIndex("assessments_org_framework").on("assessments").columns(["org_id", "framework_id"]).execute();

  await db.schema
    .createTable("assessment_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("assessment_id", "text", (c) => c.notNull().references("assessments.id"))
    .addColumn("system_id", "text", (c) => c.notNull())
    .addColumn("framework_id", "text", (c) => c.notNull())
    .addColumn("requirement_urn", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("applicable", "integer", (c) => c.notNull())
    .addColumn("change", "text")
    .addColumn("timing", "text", (c) => c.notNull())
    .addColumn("applies_from", "text")
    .addColumn("answer", "text")
    .addColumn("answer_source", "text")
    .addColumn("inference", "text")
    .addColumn("effective", "text", (c) => c.notNull())
    .addColumn("justification", "text")
    .addColumn("owner_id", "text", (c) => c.references("users.id"))
    .addColumn("due_date", "text")
    .addColumn("comment", "text")
    .addColumn("answered_by", "text")
    .addColumn("answered_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addUniqueConstraint("assessment_items_assessment_urn", ["assessment_id", "requirement_urn"])
    .execute();
  await db.schema.createIndex("assessment_items_org_assessment").on("assessment_items").columns(["org_id", "assessment_id", "position"]).execute();
  await db.schema.createIndex("assessment_items_org_urn").on("assessment_items").columns(["org_id", "requirement_urn"]).execute();
  await db.schema.createIndex("assessment_items_org_effective").on("assessment_items").columns(["org_id", "framework_id", "effective"]).execute();

  await db.schema
    .createTable("controls")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.references("users.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addUniqueConstraint("controls_org_code", ["org_id", "code"])
    .execute();

  await db.schema
    .createTable("control_requirements")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("control_id", "text", (c) => c.notNull().references("controls.id"))
    .addColumn("requirement_urn", "text", (c) => c.notNull())
    .addColumn("framework_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("control_requirements_pk", ["control_id", "requirement_urn"])
    .execute();
  await db.schema.createIndex("control_requirements_org_urn").on("control_requirements").columns(["org_id", "requirement_urn"]).execute();

  await db.schema
    .createTable("evidence")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("file_sha256", "text")
    .addColumn("file_name", "text")
    .addColumn("file_size", "integer")
    .addColumn("media_type", "text")
    .addColumn("valid_from", "text")
    .addColumn("valid_until", "text")
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("evidence_org_valid_until").on("evidence").columns(["org_id", "valid_until"]).execute();
  await db.schema.createIndex("evidence_org_created").on("evidence").columns(["org_id", "created_at"]).execute();

  await db.schema
    .createTable("evidence_links")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("evidence_id", "text", (c) => c.notNull().references("evidence.id"))
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("evidence_links_pk", ["evidence_id", "target_type", "target_id"])
    .execute();
  await db.schema.createIndex("evidence_links_org_target").on("evidence_links").columns(["org_id", "target_type", "target_id"]).execute();

  await db.schema
    .createTable("import_jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("created_by", "text")
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("file_sha256", "text", (c) => c.notNull())
    .addColumn("file_size", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("total", "integer", (c) => c.notNull())
    .addColumn("imported", "integer", (c) => c.notNull())
    .addColumn("report", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("import_jobs_org_created").on("import_jobs").columns(["org_id", "created_at"]).execute();

  await db.schema
    .createTable("counters")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("counters_pk", ["org_id", "name", "key"])
    .execute();
}
