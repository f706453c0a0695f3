import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * The risk register: each organisation's risk matrix (its size and labels are configuration),
 * risks per AI system or organisation-wide with inherent and residual likelihood × impact, and
 * the controls that treat them. Heat-map totals live in `counters` (families `risks.*`).
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("risk_matrices")
    .addColumn("org_id", "text", (c) => c.primaryKey().references("organizations.id"))
    .addColumn("config", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("risks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("system_id", "text", (c) => c.references("ai_systems.id"))
    .addColumn("categories", "text", (c) => c.notNull())
    .addColumn("perspectives", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.references("users.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("inherent_likelihood", "integer", (c) => c.notNull())
    .addColumn("inherent_impact", "integer", (c) => c.notNull())
    .addColumn("residual_likelihood", "integer")
    .addColumn("residual_impact", "integer")
    .addColumn("treatment", "text")
    .addColumn("treatment_plan", "text", (c) => c.notNull())
    .addColumn("accepted_by", "text", (c) => c.references("users.id"))
    .addColumn("accepted_at", "text")
    .addColumn("acceptance_expires_on", "text")
    .addColumn("acceptance_note", "text")
    .addColumn("last_reviewed_at", "text")
    .addColumn("next_review_on", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addUniqueConstraint("risks_org_code", ["org_id", "code"])
    .execute();
  await db.schema.createIndex("risks_org_system").on("risks").columns(["org_id", "system_id"]).execute();
  await db.schema.createIndex("risks_org_updated").on("risks").columns(["org_id", "updated_at", "id"]).execute();
  await db.schema.createIndex("risks_org_review").on("risks").columns(["org_id", "next_review_on", "id"]).execute();
  await db.schema.createIndex("risks_org_owner").on("risks").columns(["org_id", "owner_id"]).execute();

  await db.schema
    .createTable("risk_controls")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("risk_id", "text", (c) => c.notNull().references("risks.id"))
    .addColumn("control_id", "text", (c) => c.notNull().references("controls.id"))
    .addPrimaryKeyConstraint("risk_controls_pk", ["risk_id", "control_id"])
    .execute();
  await db.schema.createIndex("risk_controls_org_control").on("risk_controls").columns(["org_id", "control_id"]).execute();
}
