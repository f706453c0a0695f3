import type { Transaction } from "kysely";
import type { RecordChange } from "../audit/audited.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { storeAdvisory, storePublicationNotice, storeRequest } from "../dealings/dealings.service.ts";
import { NOTICE_SCHEMA, NoticePayload, RESPONSE_SCHEMA, ResponsePayload } from "../oversight/publications.schema.ts";
import { storePublicationResponse } from "../oversight/publications.service.ts";
import { storeCheckpoint, WITNESS_SCHEMA, WitnessPayload } from "../oversight/witness.ts";
import { ADVISORY_SCHEMA, AdvisoryPayload } from "../oversight/advisories.schema.ts";
import { prepareSubmission, SUBMISSION_KINDS, type PreparedSubmission } from "../oversight/intake.receive.ts";
import { RFI_SCHEMA, RfiPayload } from "../oversight/requests.schema.ts";
import { storeDecision, storeRegistration } from "./connections.service.ts";
import { keyFromSet, type ConnectionRow } from "./connections.store.ts";
import { openCompact, type KeyResolution, type Opened } from "./exchange.jws.ts";
import { ensureExchangeKey } from "./exchange.keys.ts";
import { verifyMessage, type VerifiedMessage } from "./exchange.message.ts";
import { partyIdOf, wrapKeyOf, type ExchangeEnv } from "./exchange.party.ts";
import { signReceipt } from "./exchange.receipt.ts";
import { recipientFor } from "./exchange.recipient.ts";
import { markSeen, seenUntil } from "./exchange.replay.ts";
import { committerFor, type Handler, type Org, type Received } from "./exchange.commit.ts";
import { MAX_MESSAGE_BYTES, MESSAGE_TYP } from "./exchange.schema.ts";
import { answerOf, type Delivered } from "./exchange.transport.ts";
import { DecisionPayload, DECISION_SCHEMA, RegistrationPayload, REGISTRATION_SCHEMA } from "./registration.schema.ts";

/** Kinds (with their schema) an authority sends to the organisations registered with it. */
const FROM_AUTHORITY = new Set([`registration ${DECISION_SCHEMA}`, `rfi ${RFI_SCHEMA}`, `advisory ${ADVISORY_SCHEMA}`, `publication-notice ${NOTICE_SCHEMA}`]);

/** Where a message came from: the caller's address (for the refusals log), and whether it was handed over in-process. */
export interface From {
  address: string;
  local: boolean;
}


/**
 * Receives one signed message for organisation `slug`: verifies it (docs/exchange.md), answers a
 * retried submission with the receipt it had, stores a new one through its kind's handler and
 * answers with a signed receipt — the storing, the receipt kept for retries and the recipient's
 * ledger entry in one transaction. Refusals are answered as `{ error }` with their status and,
 * when the recipient exists, logged in `exchange_refusals`. Never throws.
 */
export async function receiveMessage(env: ExchangeEnv, slug: string, jws: string, from: From): Promise<Delivered> {
  let opened: Opened | undefined;
  let unopened: unknown;
  try {
    opened = openCompact(jws, MESSAGE_TYP, MAX_MESSAGE_BYTES);
  } catch (err) {
    unopened = err;
  }
  // What the authority sends its members arrives over the `authority` connection; what members send, over `member`.
  const claimed = opened && { party: opened.iss, direction: FROM_AUTHORITY.has(`${String(opened.body.kind)} ${String(opened.body.schema)}`) ? "authority" : "member", idempotencyKey: typeof opened.body.idempotencyKey === "string" ? opened.body.idempotencyKey : undefined };
  const recipient = await recipientFor(env.db.kysely, slug, claimed);
  // An unknown organisation is answered as an unknown sender is: the endpoint does not tell who exists.
  if (!recipient) return answerOf(new AppError(403, "exchange_unregistered_sender"));
  const { org, conn } = recipient;
  try {
    if (!opened) throw unopened;
    const selfParty = conn?.self_party ?? partyIdOf(env.base, org.slug);
    // Replays are refused in the receiving transaction below, which records the jti (one commit per
    // message): a copy of a stored message meets its earlier receipt first, a concurrent copy loses there.
    const message = await verifyMessage(jws, (kid) => resolveKey(org, conn, opened.body, kid), { audience: selfParty, seen: () => false });
    const { claims } = message;
    if (conn && conn.status !== "approved" && claims.kind !== "registration") throw new AppError(403, "exchange_unregistered_sender");
    if (recipient.earlier) {
      if (recipient.earlier.payloadSha256 !== claims.payloadSha256) throw new AppError(409, "exchange_idempotency_conflict");
      if (await markSeen(env.db.kysely, org.id, claims.iss, claims.jti, seenUntil(claims))) throw new AppError(409, "exchange_replayed");
      return { status: 200, body: { receipt: recipient.earlier.receipt, duplicate: true } };
    }
    const handler = await handlerFor(env, org, conn, message);
    const key = await ensureExchangeKey(env.db.kysely, wrapKeyOf(env), org.id, recipient.key);
    const receivedAt = new Date();
    const { jws: receipt } = await signReceipt(key.privateKey, key.kid, { iss: selfParty, message: claims, receivedAt });
    const ctx: Received = { env, org, conn, message, jws, receivedAt: receivedAt.toISOString(), from, selfParty };
    const accept = { sender: claims.iss, idempotencyKey: claims.idempotencyKey, payloadSha256: claims.payloadSha256, messageJti: claims.jti, kind: claims.kind, receipt, receivedAt: ctx.receivedAt, seenUntil: seenUntil(claims) };
    const kept = await committerFor(env.db).add(org.id, { ctx, accept, handler });
    if ("replayed" in kept) throw new AppError(409, "exchange_replayed");
    return { status: kept.retry ? 200 : 201, body: { receipt: kept.receipt, duplicate: kept.retry } };
  } catch (err) {
    if (err instanceof AppError) await logRefusal(env, org.id, opened?.iss ?? null, err.code, from.address);
    return answerOf(err);
  }
}

/**
 * The sender's key: from its registration once one exists (approved, or the authority's decision
 * awaited by an organisation that asked); else, for a registration sent to an authority, from the
 * keys the registration itself carries (the message proves its sender holds that key; the
 * authority's people decide whether to trust it).
 */
function resolveKey(org: Org, conn: ConnectionRow | undefined, body: Record<string, unknown>, kid: string): KeyResolution {
  if (conn?.status === "approved" || (conn?.status === "pending" && conn.direction === "authority")) return keyFromSet(conn.counterpart_keys, kid);
  const isRegistration = body.kind === "registration" && body.schema === REGISTRATION_SCHEMA;
  if (org.kind === "authority" && isRegistration) {
    const p = RegistrationPayload.safeParse(body.payload);
    if (!p.success) throw new AppError(400, "exchange_malformed", { reason: `payload.${p.error.issues[0]?.path.join(".") ?? ""}` });
    return keyFromSet(JSON.stringify(p.data.keys), kid);
  }
  return "unregistered-sender";
}


/** The handler for a verified message, or a refusal when this recipient does not take its kind from this sender. */
async function handlerFor(env: ExchangeEnv, org: Org, conn: ConnectionRow | undefined, message: VerifiedMessage): Promise<Handler> {
  const { kind, schema } = message.claims;
  if (kind === "registration" && schema === REGISTRATION_SCHEMA && org.kind === "authority") {
    const p = parse(RegistrationPayload, message.payload);
    return {
      store: async (trx, ctx, record) => {
        await storeRegistration(trx, org.id, ctx.selfParty, p, message.claims.iss, { local: ctx.from.local }, record);
        return {};
      },
    };
  }
  if (kind === "registration" && schema === DECISION_SCHEMA && conn?.direction === "authority") {
    const p = parse(DecisionPayload, message.payload);
    return {
      store: async (trx, _ctx, record) => {
        await storeDecision(trx, conn, p, record);
        return { decision: p.decision };
      },
    };
  }
  if (kind === "rfi" && schema === RFI_SCHEMA && conn?.direction === "authority" && conn.status === "approved") {
    const p = parse(RfiPayload, message.payload);
    return { store: async (trx, ctx, record) => ({ dealing: await storeRequest(trx, conn, p, message.claims.jti, ctx.receivedAt, record) }) };
  }
  if (kind === "advisory" && schema === ADVISORY_SCHEMA && conn?.direction === "authority" && conn.status === "approved") {
    const p = parse(AdvisoryPayload, message.payload);
    return { store: async (trx, ctx, record) => ({ dealing: await storeAdvisory(trx, conn, p, message.claims.jti, ctx.receivedAt, record) }) };
  }
  if (kind === "publication-notice" && schema === NOTICE_SCHEMA && conn?.direction === "authority" && conn.status === "approved") {
    const p = parse(NoticePayload, message.payload);
    return { store: async (trx, ctx, record) => ({ dealing: await storePublicationNotice(trx, conn, p, message.claims.jti, ctx.receivedAt, record) }) };
  }
  if (kind === "publication-response" && schema === RESPONSE_SCHEMA && org.kind === "authority" && conn?.direction === "member" && conn.status === "approved") {
    const p = parse(ResponsePayload, message.payload);
    return { store: async (trx, _ctx, record) => ({ publication: await storePublicationResponse(trx, org.id, conn.id, p, record) }) };
  }
  if (kind === "ledger-checkpoint" && schema === WITNESS_SCHEMA && org.kind === "authority" && conn?.direction === "member" && conn.status === "approved") {
    const p = parse(WitnessPayload, message.payload);
    return { store: async (trx, ctx, record) => ({ checkpoint: await storeCheckpoint(trx, org.id, conn, p, ctx.receivedAt, record) }) };
  }
  if ((SUBMISSION_KINDS as readonly string[]).includes(kind) && org.kind === "authority" && conn?.direction === "member" && conn.status === "approved") {
    return { submission: await prepareSubmission(env.db.kysely, org.id, message.claims.iss, message) };
  }
  throw new AppError(422, "exchange_unsupported_kind", { kind, schema });
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } } }, payload: unknown): T {
  const p = schema.safeParse(payload);
  if (!p.success) throw new AppError(400, "exchange_malformed", { reason: `payload.${p.error.issues[0]?.path.map(String).join(".") ?? ""}` });
  return p.data;
}

/** Refusals kept per organisation: enough to see an attack or a misconfigured sender, bounded against floods. */
const KEEP_REFUSALS = 10_000;

async function logRefusal(env: ExchangeEnv, orgId: string, claimed: string | null, code: string, address: string): Promise<void> {
  const db = env.db.kysely;
  await db.insertInto("exchange_refusals").values({ id: newId("xrf"), org_id: orgId, at: nowIso(), claimed_sender: claimed?.slice(0, 512) ?? null, code, address: address.slice(0, 100) }).execute();
  // Trimmed now and then, not on every refusal: a flood should not also cost a scan per message.
  if (Math.random() >= 0.01) return;
  const cutoff = await db.selectFrom("exchange_refusals").select("at").where("org_id", "=", orgId).orderBy("at", "desc").offset(KEEP_REFUSALS).limit(1).executeTakeFirst();
  if (cutoff) await db.deleteFrom("exchange_refusals").where("org_id", "=", orgId).where("at", "<=", cutoff.at).execute();
}
