import type { KeyObject } from "node:crypto";
import { AppError } from "../platform/errors.ts";
import { checkNotRetired, claimsProblem, openCompact, signCompact, verifySignature, type ResolvePublicKey } from "./exchange.jws.ts";
import { DEFAULT_MAX_SKEW_SECONDS, RECEIPT_SCHEMA, RECEIPT_TYP, Receipt, type MessageClaims } from "./exchange.schema.ts";

/** Largest receipt accepted: a real one is under 1 KB. */
export const MAX_RECEIPT_BYTES = 16 * 1024;

export interface ReceiptInput {
  /** The recipient's party id: the message's `aud`, the receipt's issuer. */
  iss: string;
  /** The message acknowledged, as {@link verifyMessage} returned its claims. */
  message: Pick<MessageClaims, "iss" | "jti" | "idempotencyKey" | "payloadSha256" | "kind">;
  receivedAt: Date;
  /** Seconds since the epoch; defaults to now. */
  iat?: number;
}

export interface SignedReceipt {
  /** The compact JWS to answer with, and for the sender to keep in its ledger. */
  jws: string;
  receipt: Receipt;
}

/** What the sender expects its receipt to acknowledge. */
export interface ExpectedReceipt {
  /** The party the message was sent to (its `aud`): the receipt must come from it. */
  recipient: string;
  idempotencyKey: string;
  payloadSha256: string;
}

export interface VerifyReceiptOptions {
  /** The sender's own party id: receipts for anyone else are refused. */
  audience: string;
  /** When given, the receipt must acknowledge exactly this submission (`exchange_receipt_mismatch`). */
  expected?: ExpectedReceipt;
  /** Defaults to now: a receipt signed later than `now` plus the skew is refused. Receipts do not expire. */
  now?: Date;
  maxSkewSeconds?: number;
}

/**
 * The recipient's signed statement that it accepted a submission: a small JSON document (schema
 * {@link Receipt}, published as `musubi-exchange-receipt/1`) in a compact JWS of its own `typ`, so
 * neither side can take a receipt for a message. The sender keeps it in its ledger as proof of
 * delivery; the recipient keeps it to give again, unchanged, when the same submission is retried.
 */
export async function signReceipt(privateKey: KeyObject, kid: string, input: ReceiptInput): Promise<SignedReceipt> {
  const parsed = Receipt.safeParse({
    schema: RECEIPT_SCHEMA,
    iss: input.iss,
    aud: input.message.iss,
    iat: input.iat ?? Math.floor(Date.now() / 1000),
    kid,
    messageJti: input.message.jti,
    idempotencyKey: input.message.idempotencyKey,
    payloadSha256: input.message.payloadSha256,
    kind: input.message.kind,
    receivedAt: input.receivedAt.toISOString(),
  });
  if (!parsed.success) throw claimsProblem(parsed.error.issues);
  return { jws: await signCompact(privateKey, kid, RECEIPT_TYP, parsed.data), receipt: parsed.data };
}

/**
 * Verifies a receipt: signed by a key of its issuer (resolved as for messages), addressed to us,
 * not signed in the future or after its key's retirement, and — when `expected` is given — for the
 * submission we made. No age limit: a receipt kept in the ledger verifies years later, after any
 * number of rotations, as long as the issuer's old public keys are kept.
 */
export async function verifyReceipt(jws: unknown, resolvePublicKey: ResolvePublicKey, opts: VerifyReceiptOptions): Promise<{ kid: string; receipt: Receipt }> {
  const opened = openCompact(jws, RECEIPT_TYP, MAX_RECEIPT_BYTES);
  const { retiredAt } = await verifySignature(jws as string, opened, resolvePublicKey);
  const parsed = Receipt.safeParse(opened.body);
  if (!parsed.success) throw claimsProblem(parsed.error.issues);
  const receipt = parsed.data;
  if (receipt.kid !== opened.header.kid) throw new AppError(400, "exchange_malformed", { reason: "claims.kid" });
  if (receipt.aud !== opts.audience) throw new AppError(403, "exchange_wrong_audience");
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const skew = opts.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS;
  if (receipt.iat > now + skew) throw new AppError(401, "exchange_clock_skew", { iat: receipt.iat, now, maxSkewSeconds: skew });
  checkNotRetired(receipt.iat, retiredAt);
  const e = opts.expected;
  if (e && (receipt.iss !== e.recipient || receipt.idempotencyKey !== e.idempotencyKey || receipt.payloadSha256 !== e.payloadSha256)) {
    throw new AppError(400, "exchange_receipt_mismatch");
  }
  return { kid: opened.header.kid, receipt };
}
