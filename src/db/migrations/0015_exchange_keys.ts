import { sql, type Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * The cryptographic core of the exchange between organisations and authorities (issue 16,
 * docs/exchange.md): each organisation's Ed25519 keys, the message ids a recipient has seen (replay
 * check), and the receipts it gave per idempotency key (so a retried submission gets the same one).
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("exchange_keys")
    /** RFC 7638 thumbprint of the public key: the `kid` every message and receipt names. */
    .addColumn("kid", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    /** The raw 32-byte public key, base64url: the JWK's `x`. */
    .addColumn("public_x", "text", (c) => c.notNull())
    /** The PKCS #8 private key sealed with the data folder's wrapping key; null once retired. */
    .addColumn("private_key", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    /** Null while the key is current; messages it signs after this time are refused. */
    .addColumn("retired_at", "text")
    .execute();
  // One current key per organisation: two servers creating it at once cannot both succeed.
  await db.schema.createIndex("exchange_keys_current").on("exchange_keys").column("org_id").unique().where(sql.ref("retired_at"), "is", null).execute();
  await db.schema.createIndex("exchange_keys_org_created").on("exchange_keys").columns(["org_id", "created_at"]).execute();

  await db.schema
    .createTable("exchange_seen")
    /** The recipient organisation. */
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    /** The message's `iss`. */
    .addColumn("sender", "text", (c) => c.notNull())
    .addColumn("jti", "text", (c) => c.notNull())
    /** After this, a message with this jti is refused by its age anyway: the row may go. */
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("exchange_seen_pk", ["org_id", "sender", "jti"])
    .execute();
  await db.schema.createIndex("exchange_seen_expires").on("exchange_seen").column("expires_at").execute();

  await db.schema
    .createTable("exchange_idempotency")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("sender", "text", (c) => c.notNull())
    .addColumn("idempotency_key", "text", (c) => c.notNull())
    .addColumn("payload_sha256", "text", (c) => c.notNull())
    /** The first message that carried this submission. */
    .addColumn("message_jti", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    /** The signed receipt (compact JWS) given for it, given again on every retry. */
    .addColumn("receipt", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("exchange_idempotency_pk", ["org_id", "sender", "idempotency_key"])
    .execute();
}
