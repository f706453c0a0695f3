import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { audited, SYSTEM_ACTOR } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { writeTogether } from "../db/engine.ts";
import type { Database, ExchangeOutgoingTable, OutboxRow } from "../db/schema.ts";
import { outboxRow } from "../notify/notify.ts";
import { FinalFailure, MAX_ATTEMPTS } from "../notify/outbox.worker.ts";
import { AppError } from "../platform/errors.ts";
import { GroupCommit } from "../platform/group-commit.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { keyFromSet, type ConnectionRow } from "./connections.store.ts";
import { payloadSha256 } from "./exchange.canonical.ts";
import { ensureExchangeKey } from "./exchange.keys.ts";
import { signMessage } from "./exchange.message.ts";
import { wrapKeyOf, type ExchangeEnv } from "./exchange.party.ts";
import { verifyReceipt } from "./exchange.receipt.ts";
import type { MessageKind } from "./exchange.schema.ts";
import { sendMessage } from "./exchange.transport.ts";

export interface OutgoingInput {
  orgId: string;
  connection: ConnectionRow;
  kind: MessageKind;
  schema: string;
  payload: Record<string, unknown>;
  subject?: { type: string; id: string; label: string | null };
  /** JSON Pointers (RFC 6901) of the payload's confidential parts. */
  confidential?: string[];
  createdBy: string | null;
  /** Defaults to a new random key: one submission, however many attempts. */
  idempotencyKey?: string;
}

/**
 * Keeps a document to send and queues its delivery in the same transaction as the change that
 * produced it, so it is sent exactly when that change commits. The payload is fixed here: every
 * attempt signs these bytes again (new `iat` and `jti`, the same idempotency key).
 */
export async function queueOutgoing(trx: Kysely<Database>, o: OutgoingInput): Promise<{ id: string; idempotencyKey: string }> {
  return (await queueOutgoingMany(trx, [o]))[0]!;
}

/** Rows per statement when queueing many: well under both databases' parameter limits. */
const BATCH = 400;

/**
 * {@link queueOutgoing} for many recipients at once (a request for information to every
 * registered organisation): multi-row inserts, the payload serialised and hashed once per distinct payload.
 */
export async function queueOutgoingMany(trx: Kysely<Database>, list: readonly OutgoingInput[]): Promise<{ id: string; idempotencyKey: string }[]> {
  const now = nowIso();
  const hashed = new Map<Record<string, unknown>, { text: string; sha: string }>();
  const rows = list.map((o) => {
    let p = hashed.get(o.payload);
    if (!p) hashed.set(o.payload, (p = { text: JSON.stringify(o.payload), sha: payloadSha256(o.payload) }));
    return { o, id: newId("xsb"), idempotencyKey: o.idempotencyKey ?? `${o.kind}-${randomUUID()}`, payload: p };
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await trx.insertInto("exchange_outgoing").values(batch.map(({ o, id, idempotencyKey, payload }) => outgoingRow(o, id, idempotencyKey, payload, now))).execute();
    await trx.insertInto("outbox").values(batch.map(({ o, id }) => outboxRow(o.orgId, "exchange", id, `exchange.${o.kind}`, {}))).execute();
  }
  return rows.map((r) => ({ id: r.id, idempotencyKey: r.idempotencyKey }));
}

function outgoingRow(o: OutgoingInput, id: string, idempotencyKey: string, payload: { text: string; sha: string }, now: string) {
  return {
    id,
    org_id: o.orgId,
    connection_id: o.connection.id,
    kind: o.kind,
    schema: o.schema,
    subject_type: o.subject?.type ?? null,
    subject_id: o.subject?.id ?? null,
    subject_label: o.subject?.label ?? null,
    idempotency_key: idempotencyKey,
    payload: payload.text,
    payload_sha256: payload.sha,
    confidential: JSON.stringify(o.confidential ?? []),
    status: "queued",
    attempts: 0,
    last_error: null,
    receipt: null,
    received_at: null,
    created_at: now,
    created_by: o.createdBy,
    updated_at: now,
  };
}

/** Refusals that another attempt cannot change: the submission is marked refused and not sent again. */
const FINAL_CODES = new Set([
  "exchange_malformed",
  "exchange_bad_signature",
  "exchange_unknown_key",
  "exchange_key_retired",
  "exchange_unregistered_sender",
  "exchange_wrong_audience",
  "exchange_payload_mismatch",
  "exchange_idempotency_conflict",
  "exchange_unsupported_kind",
  "payload_too_large",
  "validation_failed",
]);

/**
 * Delivers one queued document (the outbox's `exchange` channel): signs it afresh, sends it, and
 * keeps the receipt only once it verifies against the recipient's registered keys and names this
 * very submission (idempotency key and payload hash) — then the receipt goes into the sender's
 * ledger. A refusal that retrying cannot change ends the delivery (`FinalFailure`); anything else
 * (network, the other side down, a 5xx, clock skew) is retried by the outbox with backoff.
 */
export async function deliverOutgoing(env: ExchangeEnv, row: OutboxRow): Promise<string | null> {
  const db = env.db.kysely;
  const sub = await db.selectFrom("exchange_outgoing").selectAll().where("org_id", "=", row.org_id).where("id", "=", row.target).executeTakeFirst();
  if (!sub || sub.status === "delivered") return null;
  const conn = await db.selectFrom("exchange_connections").selectAll().where("org_id", "=", row.org_id).where("id", "=", sub.connection_id).executeTakeFirst();
  if (!conn) return finish(env, sub.id, row.org_id, "refused", "the connection no longer exists");
  let error: string;
  try {
    const key = await ensureExchangeKey(db, wrapKeyOf(env), row.org_id);
    const payload = JSON.parse(sub.payload) as Record<string, unknown>;
    const { jws } = await signMessage(key.privateKey, key.kid, { iss: conn.self_party, aud: conn.counterpart_party, kind: sub.kind as MessageKind, schema: sub.schema, idempotencyKey: sub.idempotency_key }, payload);
    const answer = await sendMessage(env, { url: conn.counterpart_url, slug: conn.counterpart_slug }, jws);
    const body = (answer.body ?? {}) as { receipt?: unknown; error?: { code?: unknown } };
    if (answer.status >= 200 && answer.status < 300) {
      const { receipt, kid } = await verifyReceipt(body.receipt, (k) => keyFromSet(conn.counterpart_keys, k), {
        audience: conn.self_party,
        expected: { recipient: conn.counterpart_party, idempotencyKey: sub.idempotency_key, payloadSha256: sub.payload_sha256 },
      });
      await receiptKeeperFor(env.db).add(row.org_id, { sub, recipient: conn.counterpart_party, receipt: body.receipt as string, receivedAt: receipt.receivedAt, kid });
      return null;
    }
    const code = typeof body.error?.code === "string" ? body.error.code : `HTTP ${answer.status}`;
    if (FINAL_CODES.has(code)) return finish(env, sub.id, row.org_id, "refused", code);
    error = code;
  } catch (err) {
    if (err instanceof FinalFailure) throw err;
    error = err instanceof AppError ? `receipt: ${err.code}` : err instanceof Error ? err.message.slice(0, 300) : String(err).slice(0, 300);
  }
  const last = row.attempts + 1 >= MAX_ATTEMPTS;
  if (last) return finish(env, sub.id, row.org_id, "failed", error);
  await db.updateTable("exchange_outgoing").set({ attempts: sub.attempts + 1, last_error: error, updated_at: nowIso() }).where("org_id", "=", row.org_id).where("id", "=", sub.id).execute();
  return error;
}

/** A verified receipt for one of the organisation's documents, to keep. */
interface KeptReceipt {
  sub: Selectable<ExchangeOutgoingTable>;
  recipient: string;
  receipt: string;
  receivedAt: string;
  kid: string;
}

const receiptKeepers = new WeakMap<Db, GroupCommit<KeptReceipt, void>>();

/**
 * Receipts are kept per sending organisation with group commit: a request for information to
 * every member comes back as thousands of receipts, each an entry in the authority's one ledger
 * chain, so they are kept together while the previous ones commit (docs/benchmarks.md, fan-out).
 */
function receiptKeeperFor(db: Db): GroupCommit<KeptReceipt, void> {
  let k = receiptKeepers.get(db);
  if (!k) receiptKeepers.set(db, (k = new GroupCommit((orgId, batch) => keepReceipts(db, orgId, batch))));
  return k;
}

/** Marks the documents delivered with their receipts and puts each receipt in the sender's ledger, in one transaction. */
async function keepReceipts(db: Db, orgId: string, batch: readonly KeptReceipt[]): Promise<void[]> {
  await audited(db, { actor: SYSTEM_ACTOR, orgId }, async (trx, record) => {
    const at = nowIso();
    await writeTogether(
      trx,
      batch.map(({ sub, receipt, receivedAt }) =>
        trx.updateTable("exchange_outgoing").set({ status: "delivered", receipt, received_at: receivedAt, attempts: sub.attempts + 1, last_error: null, updated_at: at }).where("org_id", "=", orgId).where("id", "=", sub.id),
      ),
    );
    for (const { sub, recipient, receipt, receivedAt, kid } of batch) {
      record({
        action: "exchange.receipt_received",
        entityType: "exchange_submission",
        entityId: sub.id,
        after: { kind: sub.kind, subject: sub.subject_label, recipient, idempotencyKey: sub.idempotency_key, payloadSha256: sub.payload_sha256, receivedAt, receiptKid: kid, receipt },
      });
    }
  });
  return batch.map(() => undefined);
}

/** Ends a submission's delivery for good, in the sender's ledger; the outbox marks its row failed. */
async function finish(env: ExchangeEnv, id: string, orgId: string, status: "refused" | "failed", error: string): Promise<never> {
  await audited(env.db, { actor: SYSTEM_ACTOR, orgId }, async (trx, record) => {
    const sub = await trx.selectFrom("exchange_outgoing").select(["attempts", "kind", "subject_label"]).where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
    await trx.updateTable("exchange_outgoing").set({ status, last_error: error, attempts: (sub?.attempts ?? 0) + 1, updated_at: nowIso() }).where("org_id", "=", orgId).where("id", "=", id).execute();
    record({ action: status === "refused" ? "exchange.submission_refused" : "exchange.submission_failed", entityType: "exchange_submission", entityId: id, after: { kind: sub?.kind, subject: sub?.subject_label, error } });
  });
  throw new FinalFailure(error);
}
