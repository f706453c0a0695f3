import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Publication with due process (issue 16): what an authority publishes on its public register — a
 * case (possibly naming an organisation), an advisory, statistics — goes from a draft through a
 * notice to the organisation named (with a response period and its response attached) and a
 * supervisor's approval (稟議) to publication, and may be withdrawn.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("oversight_publications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("code", "text", (c) => c.notNull())
    /** `case`, `advisory` or `statistics`. */
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text")
    /** The registered organisation the publication names, if any: it is given notice and may respond. */
    .addColumn("connection_id", "text")
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("body_ja", "text", (c) => c.notNull())
    .addColumn("body_en", "text", (c) => c.notNull())
    /** For statistics: the open data frozen when published (JSON). */
    .addColumn("snapshot", "text")
    /** `draft`, `noticed`, `in_review`, `approved`, `published`, `withdrawn`. */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("response_due", "text")
    /** The named organisation's response (JSON `{ text, respondedAt }`), attached to the publication. */
    .addColumn("response", "text")
    .addColumn("approval_id", "text")
    .addColumn("published_at", "text")
    .addColumn("withdrawn_at", "text")
    .addColumn("withdraw_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("oversight_publications_code").on("oversight_publications").columns(["org_id", "code"]).unique().execute();
  await db.schema.createIndex("oversight_publications_status").on("oversight_publications").columns(["org_id", "status", "published_at"]).execute();

  // The authority as a witness of each registered organisation's ledger: the signed checkpoints it
  // received, so neither side can later rewrite the organisation's history unnoticed.
  await db.schema
    .createTable("oversight_checkpoints")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("connection_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("signed_at", "text", (c) => c.notNull())
    /** The checkpoint as signed (JSON), with the organisation's ledger public key. */
    .addColumn("document", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    /** Set when it contradicts an earlier one (another hash at a sequence, or a sequence going back). */
    .addColumn("conflict", "text")
    .addPrimaryKeyConstraint("oversight_checkpoints_pk", ["org_id", "connection_id", "seq", "hash"])
    .execute();
}
