import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Disclosures: questionnaires an organisation loads (the official HAIP questions when it has
 * them), its HAIP transparency reports — one per reporting year, answered question by question
 * and approved through a 稟議 — and publications: frozen, immutable snapshots of an approved
 * report or a system card, served on the public trust page until withdrawn.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("questionnaires")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("document", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("loaded_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("questionnaires_org_key_version", ["org_id", "key", "version"])
    .execute();

  await db.schema
    .createTable("haip_reports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("questionnaire_key", "text", (c) => c.notNull())
    .addColumn("questionnaire_version", "text", (c) => c.notNull())
    .addColumn("roles", "text", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("approval_id", "text")
    .addColumn("approval_plan", "text")
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addUniqueConstraint("haip_reports_org_year", ["org_id", "year"])
    .execute();

  await db.schema
    .createTable("haip_answers")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("report_id", "text", (c) => c.notNull().references("haip_reports.id"))
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("text_ja", "text", (c) => c.notNull())
    .addColumn("text_en", "text", (c) => c.notNull())
    /** JSON: what Musubi's data said when the answer was prefilled, with the records it came from. */
    .addColumn("prefill", "text")
    .addColumn("prefilled_at", "text")
    .addColumn("edited_by", "text")
    .addColumn("edited_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("haip_answers_pk", ["report_id", "question_id"])
    .execute();
  await db.schema.createIndex("haip_answers_org_report").on("haip_answers").columns(["org_id", "report_id"]).execute();

  await db.schema
    .createTable("publications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    /** The reporting year of a report, the system code of a card: the public address's last part. */
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("document", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("source_id", "text")
    .addColumn("published_by", "text")
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("withdrawn_by", "text")
    .addColumn("withdrawn_at", "text")
    .addColumn("withdrawal_reason", "text")
    .addUniqueConstraint("publications_org_kind_subject_number", ["org_id", "kind", "subject", "number"])
    .execute();
  await db.schema.createIndex("publications_org_kind_subject").on("publications").columns(["org_id", "kind", "subject", "withdrawn_at"]).execute();
}
