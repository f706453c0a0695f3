import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { isPostgres } from "../db/engine.ts";
import { AppError } from "../platform/errors.ts";
import { DEFAULT_MAX_SKEW_SECONDS, type MessageClaims } from "./exchange.schema.ts";

type Db = Kysely<Database>;

/** How long past the skew window a jti is kept: covers clocks that differ between servers of one instance. */
export const SEEN_MARGIN_SECONDS = 600;

/**
 * Records that recipient `orgId` accepted message `jti` from `sender` (its `iss`) and says whether
 * it had already: one `insert … on conflict do nothing returning`, so two servers receiving the
 * same message at once cannot both accept it.
 */
export async function markSeen(db: Db, orgId: string, sender: string, jti: string, expiresAt: string): Promise<boolean> {
  const inserted = await db
    .insertInto("exchange_seen")
    .values({ org_id: orgId, sender, jti, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(["org_id", "sender", "jti"]).doNothing())
    .returning("jti")
    .executeTakeFirst();
  return inserted === undefined;
}

/**
 * The `seen` check {@link verifyMessage} needs, backed by the database for recipient `orgId`. A jti
 * is kept until its message could no longer pass the time check (`iat` + skew) plus a margin; give
 * it the same `maxSkewSeconds` as the verification.
 */
export function replayCheck(db: Db, orgId: string, opts: { maxSkewSeconds?: number; marginSeconds?: number } = {}) {
  const keep = (opts.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS) + (opts.marginSeconds ?? SEEN_MARGIN_SECONDS);
  return (jti: string, claims: MessageClaims): Promise<boolean> => markSeen(db, orgId, claims.iss, jti, new Date((claims.iat + keep) * 1000).toISOString());
}

/** Until when a message's jti must be remembered: while it could still pass the time check, plus a margin. */
export function seenUntil(claims: Pick<MessageClaims, "iat">, opts: { maxSkewSeconds?: number; marginSeconds?: number } = {}): string {
  const keep = (opts.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS) + (opts.marginSeconds ?? SEEN_MARGIN_SECONDS);
  return new Date((claims.iat + keep) * 1000).toISOString();
}

/**
 * Forgets message ids whose messages are now refused by their age anyway, for every organisation
 * at once (a maintenance job, like the outbox's): `delete from exchange_seen where expires_at < ?`.
 */
export async function purgeSeen(db: Db, now: Date = new Date()): Promise<number> {
  const result = await db.deleteFrom("exchange_seen").where("expires_at", "<", now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A submission a recipient accepted, with the receipt it gave for it. */
export interface AcceptedSubmission {
  sender: string;
  idempotencyKey: string;
  payloadSha256: string;
  messageJti: string;
  kind: string;
  /** The signed receipt (compact JWS). */
  receipt: string;
  receivedAt: string;
}

function conflict(): AppError {
  return new AppError(409, "exchange_idempotency_conflict");
}

/**
 * The receipt recipient `orgId` already gave `sender` for this idempotency key, if any, so a retry
 * is answered without signing anything: the same payload hash gets the earlier receipt, another
 * hash is refused (`exchange_idempotency_conflict`).
 */
export async function earlierReceipt(db: Db, orgId: string, sender: string, idempotencyKey: string, payloadSha256: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("exchange_idempotency")
    .select(["payload_sha256", "receipt"])
    .where("org_id", "=", orgId)
    .where("sender", "=", sender)
    .where("idempotency_key", "=", idempotencyKey)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.payload_sha256 !== payloadSha256) throw conflict();
  return row.receipt;
}

/** A message accepted for storing: its receipt kept for retries, its jti kept against replays until `seenUntil`. */
export interface Accepting extends AcceptedSubmission {
  seenUntil: string;
}

/** What accepting a message came to: its receipt (`retry` when a copy with its idempotency key was stored before), or refused as a replay. */
export type Acceptance = { receipt: string; retry: boolean } | { replayed: true };

/**
 * In the receiving transaction, for a batch of messages (in arrival order): records each one's jti
 * (a replay, including a second copy in the same batch, is refused) and keeps its receipt under its
 * idempotency key — or, when a copy with the same key was stored before or earlier in the batch,
 * answers with that copy's receipt (`retry`). A different payload under a key already used throws
 * `exchange_idempotency_conflict`, for the caller to roll back. On PostgreSQL all the inserts are
 * one statement; on SQLite (in-process) one per message.
 */
export async function acceptMany(db: Db, orgId: string, list: readonly Accepting[]): Promise<Acceptance[]> {
  if (!isPostgres(db)) {
    const out: Acceptance[] = [];
    for (const s of list) {
      if (await markSeen(db, orgId, s.sender, s.messageJti, s.seenUntil)) out.push({ replayed: true });
      else out.push(await keepReceipt(db, orgId, s));
    }
    return out;
  }
  const seen = db
    .insertInto("exchange_seen")
    .values(list.map((s) => ({ org_id: orgId, sender: s.sender, jti: s.messageJti, expires_at: s.seenUntil })))
    .onConflict((oc) => oc.columns(["org_id", "sender", "jti"]).doNothing())
    .returning(["sender", "jti"]);
  const kept = receiptRows(db, orgId, list).returning(["sender", "idempotency_key"]);
  const { rows } = await sql<{ t: string; sender: string; k: string }>`with seen as (${seen}), kept as (${kept}) select 'seen' as t, sender, jti as k from seen union all select 'kept', sender, idempotency_key from kept`.execute(db);
  const key = (sender: string, k: string) => `${sender}\u0000${k}`;
  const seenNow = new Set(rows.filter((r) => r.t === "seen").map((r) => key(r.sender, r.k)));
  const keptNow = new Set(rows.filter((r) => r.t === "kept").map((r) => key(r.sender, r.k)));
  const jtis = new Set<string>();
  const keptBy = new Map<string, Accepting>();
  const out: Acceptance[] = [];
  for (const s of list) {
    const jti = key(s.sender, s.messageJti);
    const idem = key(s.sender, s.idempotencyKey);
    if (!seenNow.has(jti) || jtis.has(jti)) {
      // A replay never carries a key not used before; if this one did, its receipt was just kept for a message refused.
      if (keptNow.has(idem) && !keptBy.has(idem)) throw new AppError(409, "exchange_replayed");
      out.push({ replayed: true });
      continue;
    }
    jtis.add(jti);
    if (keptNow.has(idem) && !keptBy.has(idem)) {
      keptBy.set(idem, s);
      out.push({ receipt: s.receipt, retry: false });
      continue;
    }
    const first = keptBy.get(idem);
    if (first) {
      if (first.payloadSha256 !== s.payloadSha256) throw conflict();
      out.push({ receipt: first.receipt, retry: true });
      continue;
    }
    const earlier = await earlierReceipt(db, orgId, s.sender, s.idempotencyKey, s.payloadSha256);
    if (earlier === undefined) throw conflict();
    out.push({ receipt: earlier, retry: true });
  }
  return out;
}

function receiptRows(db: Db, orgId: string, list: readonly AcceptedSubmission[]) {
  return db
    .insertInto("exchange_idempotency")
    .values(list.map((s) => ({ org_id: orgId, sender: s.sender, idempotency_key: s.idempotencyKey, payload_sha256: s.payloadSha256, message_jti: s.messageJti, kind: s.kind, receipt: s.receipt, received_at: s.receivedAt })))
    .onConflict((oc) => oc.columns(["org_id", "sender", "idempotency_key"]).doNothing());
}

/**
 * Keeps the receipt for a newly accepted submission — or, when the same idempotency key got there
 * first (a retry racing the original), returns that one's receipt instead (`retry: true`; the
 * caller then stores nothing) or refuses a different payload. Run it in the transaction that
 * stores the submission, so a rollback forgets both.
 */
export async function keepReceipt(db: Db, orgId: string, s: AcceptedSubmission): Promise<{ receipt: string; retry: boolean }> {
  const inserted = await receiptRows(db, orgId, [s]).returning("idempotency_key").executeTakeFirst();
  if (inserted) return { receipt: s.receipt, retry: false };
  const earlier = await earlierReceipt(db, orgId, s.sender, s.idempotencyKey, s.payloadSha256);
  if (earlier === undefined) throw conflict();
  return { receipt: earlier, retry: true };
}
