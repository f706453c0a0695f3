import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * The exchange between organisations and authorities (issue 16), on top of its cryptographic core
 * (0015): who is connected to whom, what an organisation sent (with the receipts it got back), what
 * an authority received (its intake queue, with the columns triage and trends read), the
 * near-duplicate index over that intake, and the messages refused at the door.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("exchange_connections")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    /** `authority`: the counterpart is an authority this organisation reports to; `member`: an organisation registered with this authority. */
    .addColumn("direction", "text", (c) => c.notNull())
    /** The party id this organisation used when the connection was made (messages to it must carry it as `aud`). */
    .addColumn("self_party", "text", (c) => c.notNull())
    .addColumn("counterpart_party", "text", (c) => c.notNull())
    /** The counterpart instance's base URL; null when it is on this instance (delivered in-process). */
    .addColumn("counterpart_url", "text")
    .addColumn("counterpart_slug", "text", (c) => c.notNull())
    .addColumn("counterpart_name_ja", "text", (c) => c.notNull())
    .addColumn("counterpart_name_en", "text", (c) => c.notNull())
    /** JSON JWK set of the counterpart's public keys, current and retired. */
    .addColumn("counterpart_keys", "text", (c) => c.notNull())
    /** The member organisation's sector (library/profile/questions.json `sector`), as it declared it. */
    .addColumn("sector", "text")
    /** `pending`, `approved`, `refused` or `revoked`. */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("note", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  // Two authorities may each be registered with the other: one row per direction.
  await db.schema.createIndex("exchange_connections_party").on("exchange_connections").columns(["org_id", "counterpart_party", "direction"]).unique().execute();
  await db.schema.createIndex("exchange_connections_status").on("exchange_connections").columns(["org_id", "direction", "status", "requested_at"]).execute();

  await db.schema
    .createTable("exchange_outgoing")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("connection_id", "text", (c) => c.notNull().references("exchange_connections.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("schema", "text", (c) => c.notNull())
    /** What the document is about in this organisation (`incident`, `haip_report`, `system`, …) and its code, for the register. */
    .addColumn("subject_type", "text")
    .addColumn("subject_id", "text")
    .addColumn("subject_label", "text")
    .addColumn("idempotency_key", "text", (c) => c.notNull())
    /** The payload (JSON text) exactly as signed on every attempt. */
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("payload_sha256", "text", (c) => c.notNull())
    /** JSON array of JSON Pointers (RFC 6901) into the payload that the sender marked confidential. */
    .addColumn("confidential", "text", (c) => c.notNull().defaultTo("[]"))
    /** `queued`, `delivered` (a verified receipt came back), `refused` (the recipient said no for good) or `failed` (retries ran out). */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    /** The recipient's signed receipt (compact JWS), verified before it was kept. */
    .addColumn("receipt", "text")
    /** When the recipient says it received the submission (the receipt's `receivedAt`). */
    .addColumn("received_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("exchange_outgoing_key").on("exchange_outgoing").columns(["org_id", "idempotency_key"]).unique().execute();
  await db.schema.createIndex("exchange_outgoing_org_created").on("exchange_outgoing").columns(["org_id", "created_at"]).execute();
  await db.schema.createIndex("exchange_outgoing_subject").on("exchange_outgoing").columns(["org_id", "subject_type", "subject_id"]).execute();

  await db.schema
    .createTable("oversight_intake")
    .addColumn("id", "text", (c) => c.primaryKey())
    /** The authority that received it. */
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    /** Null for a report from the public intake form (no organisation, no signature). */
    .addColumn("connection_id", "text")
    /** `exchange` (a signed message) or `public` (the public intake form). */
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("sender_party", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("schema", "text", (c) => c.notNull())
    .addColumn("idempotency_key", "text")
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("payload_sha256", "text", (c) => c.notNull())
    .addColumn("confidential", "text", (c) => c.notNull().defaultTo("[]"))
    /** The signed message as received (compact JWS): the proof of who sent what. */
    .addColumn("message", "text")
    .addColumn("received_at", "text", (c) => c.notNull())
    /** The sender's own reference (e.g. its incident code): a later submission with the same one is a resubmission. */
    .addColumn("subject_ref", "text")
    .addColumn("headline", "text", (c) => c.notNull())
    /** `new`, `triaged`, `duplicate` or `closed`. */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("severity", "text")
    .addColumn("sector", "text")
    /** JSON arrays of vocabulary ids (CSETv1 harm types, rights affected). */
    .addColumn("harm_types", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("rights", "text", (c) => c.notNull().defaultTo("[]"))
    /** 1 generative, 0 not, null unknown. */
    .addColumn("generative", "integer")
    .addColumn("model_provider", "text")
    .addColumn("actor_role", "text")
    /** `YYYY-MM` the harm happened (or was detected), for the trends. */
    .addColumn("occurred_month", "text")
    .addColumn("assignee_id", "text")
    .addColumn("case_id", "text")
    /** The earlier submission this one repeats (same sender, same reference). */
    .addColumn("supersedes", "text")
    /** Another organisation's submission this one most resembles, with the estimated similarity (0–1). */
    .addColumn("similar_to", "text")
    .addColumn("similarity", "real")
    /** Set by triage: the submission this one repeats (it then leaves the trends). */
    .addColumn("duplicate_of", "text")
    /** The public reference case (reference_incidents) it most resembles. */
    .addColumn("reference_match", "text")
    /** Hex MinHash signature of the text, for estimating similarity to candidates. */
    .addColumn("minhash", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("oversight_intake_queue").on("oversight_intake").columns(["org_id", "received_at"]).execute();
  await db.schema.createIndex("oversight_intake_status").on("oversight_intake").columns(["org_id", "status", "received_at"]).execute();
  await db.schema.createIndex("oversight_intake_ref").on("oversight_intake").columns(["org_id", "sender_party", "subject_ref", "received_at"]).execute();
  await db.schema.createIndex("oversight_intake_case").on("oversight_intake").columns(["org_id", "case_id"]).execute();
  await db.schema.createIndex("oversight_intake_month").on("oversight_intake").columns(["org_id", "occurred_month"]).execute();

  await db.schema
    .createTable("oversight_intake_bands")
    .addColumn("org_id", "text", (c) => c.notNull())
    /** `<band number>:<hash of the band's rows>` of the intake's MinHash (locality-sensitive hashing). */
    .addColumn("band", "text", (c) => c.notNull())
    .addColumn("intake_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("oversight_intake_bands_pk", ["org_id", "band", "intake_id"])
    .execute();

  await db.schema
    .createTable("exchange_refusals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("at", "text", (c) => c.notNull())
    /** What the message claimed as its sender (`iss`), if it could be read; not proven. */
    .addColumn("claimed_sender", "text")
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .execute();
  await db.schema.createIndex("exchange_refusals_org_at").on("exchange_refusals").columns(["org_id", "at"]).execute();
}
