import { randomUUID, type KeyObject } from "node:crypto";
import { AppError } from "../platform/errors.ts";
import { malformed, payloadSha256 } from "./exchange.canonical.ts";
import { checkNotRetired, claimsProblem, openCompact, signCompact, verifySignature, type ResolvePublicKey } from "./exchange.jws.ts";
import { DEFAULT_MAX_SKEW_SECONDS, MAX_MESSAGE_BYTES, MESSAGE_TYP, MessageBody, MessageClaims, type MessageKind } from "./exchange.schema.ts";

/** What the sender says about a message; `iat` and `jti` are filled in unless given. */
export interface MessageInput {
  iss: string;
  aud: string;
  kind: MessageKind;
  schema: string;
  idempotencyKey: string;
  /** Seconds since the epoch; defaults to now. */
  iat?: number;
  /** Defaults to a random UUID. A retry is a new message: a new jti, the same idempotency key. */
  jti?: string;
}

export interface SignedMessage {
  /** The compact JWS to send. */
  jws: string;
  claims: MessageClaims;
}

/** A message whose signature, addressing, time, payload hash and novelty all checked out. */
export interface VerifiedMessage {
  /** The sender's key that signed it. */
  kid: string;
  claims: MessageClaims;
  payload: Record<string, unknown>;
}

export interface VerifyMessageOptions {
  /** This recipient's party id: a message for anyone else is refused. */
  audience: string;
  /**
   * Records the jti and says whether it had been seen before (true refuses the message). Called
   * last, only for a message that passed every other check, so a refused message uses up nothing.
   * {@link replayCheck} in exchange.replay.ts gives one backed by the database.
   */
  seen: (jti: string, claims: MessageClaims) => boolean | Promise<boolean>;
  /** The recipient's clock; defaults to now. Pass the time a kept message was received to re-verify it later. */
  now?: Date;
  /** How far `iat` may be from `now`, either way; default {@link DEFAULT_MAX_SKEW_SECONDS}. */
  maxSkewSeconds?: number;
  /** Largest JWS accepted; default {@link MAX_MESSAGE_BYTES}. */
  maxBytes?: number;
}

/**
 * Signs a document for another party: a compact JWS (EdDSA) whose body is the claims, the
 * payload's SHA-256 over its canonical JSON, and the payload itself. Sign again for every delivery
 * attempt (a fresh `iat` and `jti`, the same `idempotencyKey`): the recipient refuses stale and
 * replayed envelopes, and answers a retried submission with the receipt it gave the first time.
 */
export async function signMessage(privateKey: KeyObject, kid: string, input: MessageInput, payload: Record<string, unknown>): Promise<SignedMessage> {
  const normalised = jsonCopy(payload);
  if (typeof normalised !== "object" || normalised === null || Array.isArray(normalised)) throw malformed("payload");
  const parsed = MessageClaims.safeParse({
    iss: input.iss,
    aud: input.aud,
    iat: input.iat ?? Math.floor(Date.now() / 1000),
    jti: input.jti ?? randomUUID(),
    idempotencyKey: input.idempotencyKey,
    kind: input.kind,
    schema: input.schema,
    payloadSha256: payloadSha256(normalised),
  });
  if (!parsed.success) throw claimsProblem(parsed.error.issues);
  const jws = await signCompact(privateKey, kid, MESSAGE_TYP, { ...parsed.data, payload: normalised });
  // Refused here rather than by the recipient, after the outbox had tried it for days.
  if (jws.length > MAX_MESSAGE_BYTES) throw new AppError(413, "payload_too_large", { maxBytes: MAX_MESSAGE_BYTES });
  return { jws, claims: parsed.data };
}

/** The payload exactly as the recipient will parse it (drops `undefined`, applies `toJSON`), so the hash is of what is sent. */
function jsonCopy(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value) ?? "null");
  } catch {
    throw malformed("payload");
  }
}

/**
 * Verifies a message received, in this order, and refuses it with the first failing check's code:
 * size (`payload_too_large`) → form (`exchange_malformed`) → sender (`exchange_unregistered_sender`)
 * → key (`exchange_unknown_key`) → signature (`exchange_bad_signature`) → claims
 * (`exchange_malformed`) → audience (`exchange_wrong_audience`) → time (`exchange_clock_skew`) →
 * key retirement (`exchange_key_retired`) → payload hash (`exchange_payload_mismatch`) → replay
 * (`exchange_replayed`). Returns the claims and payload for the caller's idempotency check.
 */
export async function verifyMessage(jws: unknown, resolvePublicKey: ResolvePublicKey, opts: VerifyMessageOptions): Promise<VerifiedMessage> {
  const opened = openCompact(jws, MESSAGE_TYP, opts.maxBytes ?? MAX_MESSAGE_BYTES);
  const { retiredAt } = await verifySignature(jws as string, opened, resolvePublicKey);
  const body = MessageBody.safeParse(opened.body);
  if (!body.success) throw claimsProblem(body.error.issues);
  const { payload, ...claims } = body.data;
  if (claims.aud !== opts.audience) throw new AppError(403, "exchange_wrong_audience");
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const skew = opts.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS;
  if (Math.abs(claims.iat - now) > skew) throw new AppError(401, "exchange_clock_skew", { iat: claims.iat, now, maxSkewSeconds: skew });
  checkNotRetired(claims.iat, retiredAt);
  if (payloadSha256(payload) !== claims.payloadSha256) throw new AppError(400, "exchange_payload_mismatch");
  if (await opts.seen(claims.jti, claims)) throw new AppError(409, "exchange_replayed");
  return { kid: opened.header.kid, claims, payload };
}
