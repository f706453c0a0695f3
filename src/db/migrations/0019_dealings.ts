import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * What flows from authorities back to organisations (issue 16): requests for information with
 * their recipients and answers; advisories (which may carry a library update) with their
 * recipients; publications with due process; and, on the organisation's side, the register of
 * dealings with government (行政対応台帳) where all of it arrives.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("oversight_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("body_ja", "text", (c) => c.notNull())
    .addColumn("body_en", "text", (c) => c.notNull())
    /** JSON array of `{ id, ja, en }`. */
    .addColumn("questions", "text", (c) => c.notNull())
    /** The date answers are due (YYYY-MM-DD, the authority's calendar). */
    .addColumn("deadline", "text", (c) => c.notNull())
    /** JSON `{ type: "one" | "sector" | "all", connectionId?, sector? }`. */
    .addColumn("audience", "text", (c) => c.notNull())
    /** `sent` or `closed`. */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("recipients", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("oversight_requests_code").on("oversight_requests").columns(["org_id", "code"]).unique().execute();
  await db.schema.createIndex("oversight_requests_created").on("oversight_requests").columns(["org_id", "created_at"]).execute();

  await db.schema
    .createTable("oversight_recipients")
    .addColumn("org_id", "text", (c) => c.notNull())
    /** A request's or an advisory's id. */
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("connection_id", "text", (c) => c.notNull())
    .addColumn("outgoing_id", "text", (c) => c.notNull())
    /** `sent`, `answered` (requests) or `overdue`. */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("answered_at", "text")
    .addColumn("answer_intake_id", "text")
    .addPrimaryKeyConstraint("oversight_recipients_pk", ["org_id", "subject_id", "connection_id"])
    .execute();
  await db.schema.createIndex("oversight_recipients_status").on("oversight_recipients").columns(["org_id", "status", "subject_id"]).execute();

  await db.schema
    .createTable("oversight_advisories")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("body_ja", "text", (c) => c.notNull())
    .addColumn("body_en", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull())
    /** A framework bundle (musubi-framework-bundle/1, JSON text) the advisory carries, or null. */
    .addColumn("library_update", "text")
    /** `draft`, `sent` or `withdrawn`. */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("recipients", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("approved_by", "text")
    .addColumn("sent_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("oversight_advisories_code").on("oversight_advisories").columns(["org_id", "code"]).unique().execute();

  await db.schema
    .createTable("dealings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("connection_id", "text", (c) => c.notNull())
    /** `rfi`, `advisory` or `publication-notice`. */
    .addColumn("kind", "text", (c) => c.notNull())
    /** The authority's reference (RFI-…, ADV-…, PUB-…). */
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    /** The payload as received (JSON text). */
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("deadline", "text")
    /** `open`, `answered`, `accepted` (a library update installed), `closed`. */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("message_jti", "text", (c) => c.notNull())
    .addColumn("task_id", "text")
    .addColumn("answered_at", "text")
    .addColumn("answer_outgoing_id", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("dealings_org_received").on("dealings").columns(["org_id", "received_at"]).execute();
  await db.schema.createIndex("dealings_reference").on("dealings").columns(["org_id", "connection_id", "kind", "reference"]).unique().execute();
}
