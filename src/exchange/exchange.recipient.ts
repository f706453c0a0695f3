import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { ConnectionRow } from "./connections.store.ts";
import type { ExchangeKeyRow } from "./exchange.keys.ts";

/** The connection's columns, read under a `c_` prefix beside the recipient's own. */
const CONNECTION_COLUMNS = [
  "id",
  "org_id",
  "direction",
  "self_party",
  "counterpart_party",
  "counterpart_url",
  "counterpart_slug",
  "counterpart_name_ja",
  "counterpart_name_en",
  "counterpart_keys",
  "sector",
  "status",
  "requested_at",
  "decided_at",
  "note",
  "version",
] as const satisfies readonly (keyof ConnectionRow)[];

/** What a message claims before it is verified: enough to find its sender's connection and an earlier receipt. */
export interface Claimed {
  party: string;
  direction: ConnectionRow["direction"];
  idempotencyKey: string | undefined;
}

/** The recipient of a message and what receiving it reads. */
export interface Recipient {
  org: { id: string; slug: string; kind: string };
  /** The recipient's current signing key (for the receipt), when it has one yet. */
  key: ExchangeKeyRow | undefined;
  /** The sender's connection in the claimed direction. */
  conn: ConnectionRow | undefined;
  /** The receipt already given for the claimed idempotency key, with the payload hash it was for. */
  earlier: { payloadSha256: string; receipt: string } | undefined;
}

/**
 * Everything receiving a message reads before it verifies and stores it, in one statement: the
 * recipient organisation, its current signing key, the claimed sender's connection and an earlier
 * receipt for the claimed idempotency key. One round trip instead of four: at hundreds of
 * submissions a second, a round trip to PostgreSQL costs both sides more CPU than these indexed
 * reads themselves (docs/benchmarks.md, control tower). The claims are not verified yet; the
 * caller uses what this finds only once the signature is.
 */
export async function recipientFor(db: Kysely<Database>, slug: string, claimed: Claimed | undefined): Promise<Recipient | undefined> {
  let q = db
    .selectFrom("organizations as o")
    .leftJoin("exchange_keys as k", (j) => j.onRef("k.org_id", "=", "o.id").on("k.retired_at", "is", null))
    .select(["o.id", "o.slug", "o.kind", "k.kid", "k.public_x", "k.private_key", "k.created_at as k_created_at"])
    .where("o.slug", "=", slug);
  if (claimed) {
    q = q
      .leftJoin("exchange_connections as c", (j) => j.onRef("c.org_id", "=", "o.id").on("c.counterpart_party", "=", claimed.party).on("c.direction", "=", claimed.direction))
      .leftJoin("exchange_idempotency as i", (j) => j.onRef("i.org_id", "=", "o.id").on("i.sender", "=", claimed.party).on("i.idempotency_key", "=", claimed.idempotencyKey ?? ""))
      .select((eb) => [...CONNECTION_COLUMNS.map((col) => eb.ref(`c.${col}`).as(`c_${col}`)), "i.payload_sha256 as i_payload_sha256", "i.receipt as i_receipt"]);
  }
  const row = (await q.executeTakeFirst()) as (Record<string, unknown> & { id: string; slug: string; kind: string }) | undefined;
  if (!row) return undefined;
  const key: ExchangeKeyRow | undefined =
    row.kid == null ? undefined : { kid: row.kid as string, org_id: row.id, public_x: row.public_x as string, private_key: (row.private_key as string | null) ?? null, created_at: row.k_created_at as string, retired_at: null };
  const conn = row.c_id == null ? undefined : (Object.fromEntries(CONNECTION_COLUMNS.map((col) => [col, row[`c_${col}`]])) as unknown as ConnectionRow);
  const earlier = row.i_receipt == null || claimed?.idempotencyKey === undefined ? undefined : { payloadSha256: row.i_payload_sha256 as string, receipt: row.i_receipt as string };
  return { org: { id: row.id, slug: row.slug, kind: row.kind }, key, conn, earlier };
}
