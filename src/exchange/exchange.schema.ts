import { z } from "zod";

/**
 * The documents of the exchange between an organisation's Musubi and an authority's (issue 16):
 * the protected header and claims of a signed message, and the receipt that answers it. The wire
 * format is specified in docs/exchange.md; these schemas are the single source of truth for it,
 * and {@link receiptJsonSchema} is what gets published for other implementations.
 */

/** `typ` of a signed message (RFC 8725 explicit typing: a receipt can never pass as a message). */
export const MESSAGE_TYP = "musubi-exchange+jwt";
/** `typ` of a signed receipt. */
export const RECEIPT_TYP = "musubi-receipt+jwt";
/** The one signature algorithm: Ed25519 (RFC 8037), named as in RFC 7515/8037. */
export const EXCHANGE_ALG = "EdDSA";
/** `schema` of a receipt document, and the `$id` stem of its published JSON Schema. */
export const RECEIPT_SCHEMA = "musubi-exchange-receipt/1";

/** Largest compact JWS accepted (message or receipt): refused before any decoding. */
export const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;
/** Largest protected header, encoded: a real one is about 120 characters. */
export const MAX_HEADER_CHARS = 1024;
/** Deepest nesting of a payload: canonicalisation recurses, so depth is bounded. */
export const MAX_PAYLOAD_DEPTH = 64;
/** Default accepted distance between a message's `iat` and the recipient's clock. */
export const DEFAULT_MAX_SKEW_SECONDS = 300;

/**
 * What a message carries. The kinds named by issue 16: what organisations send (incident reports,
 * HAIP reports, system cards, answers to requests, ledger checkpoints), what authorities send
 * (requests for information, advisories, library updates, publication notices), the organisation's
 * answer to a publication notice, registration, and a receipt delivered later as its own message.
 * A literal list, so a typo fails to compile; a new kind is one line here and one in the spec.
 */
export const MESSAGE_KINDS = [
  "incident-report",
  "haip-report",
  "system-card",
  "rfi",
  "rfi-answer",
  "ledger-checkpoint",
  "advisory",
  "library-update",
  "publication-notice",
  "publication-response",
  "registration",
  "receipt",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * A party of the exchange: an organisation at an instance, e.g. `https://musubi.example.jp/orgs/acme`.
 * Visible ASCII only, compared byte for byte — no normalisation, so two implementations cannot
 * disagree on whether two identifiers are the same party.
 */
export const PartyId = z.string().regex(/^[\x21-\x7e]{1,512}$/);
/** RFC 7638 JWK thumbprint (SHA-256, base64url without padding): 43 characters. */
export const Kid = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
/** Lower-case hex SHA-256. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** A JWT NumericDate: whole seconds since 1970-01-01T00:00:00Z. */
const NumericDate = z.number().int().positive().max(253402300799);
/** Unique per sender and message (a random UUID by default): the replay check keys on it. */
export const Jti = z.string().regex(/^[A-Za-z0-9._~:-]{16,128}$/);
/** Chosen by the sender once per submission and kept across retries: the recipient's de-duplication key. */
export const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,200}$/);
/** The payload's document type and major version, e.g. `musubi-incident-report/1`. */
export const SchemaId = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,99}\/[1-9][0-9]{0,5}$/);

/** The protected header, exactly these three parameters (anything else — `jwk`, `jku`, `crit` — is refused). */
export const ProtectedHeader = z.strictObject({
  alg: z.literal(EXCHANGE_ALG),
  kid: Kid,
  typ: z.enum([MESSAGE_TYP, RECEIPT_TYP]),
});
export type ProtectedHeader = z.infer<typeof ProtectedHeader>;

/** The claims of a message, as signed — without the payload itself. */
export const MessageClaims = z.strictObject({
  iss: PartyId,
  aud: PartyId,
  iat: NumericDate,
  jti: Jti,
  idempotencyKey: IdempotencyKey,
  kind: z.enum(MESSAGE_KINDS),
  schema: SchemaId,
  payloadSha256: Sha256Hex,
});
export type MessageClaims = z.infer<typeof MessageClaims>;

/** The JWS payload of a message: its claims plus the document (a JSON object) under `payload`. */
export const MessageBody = MessageClaims.extend({ payload: z.record(z.string(), z.unknown()) });

/**
 * A receipt: the recipient's signed statement that it received, at `receivedAt`, the submission
 * the sender made under `idempotencyKey` with this payload hash. Small on purpose: the sender keeps
 * it in its ledger as the proof of delivery. On an idempotent retry the recipient answers with the
 * receipt it gave the first time, so `messageJti` names the first message that carried the submission.
 */
export const Receipt = z.strictObject({
  schema: z.literal(RECEIPT_SCHEMA),
  /** The recipient: who signs the receipt. */
  iss: PartyId,
  /** The sender of the message acknowledged. */
  aud: PartyId,
  /** When the receipt was signed. */
  iat: NumericDate,
  /** The recipient's key that signed the receipt (also in the header, so the kept document alone names it). */
  kid: Kid,
  messageJti: Jti,
  idempotencyKey: IdempotencyKey,
  payloadSha256: Sha256Hex,
  kind: z.enum(MESSAGE_KINDS),
  /** When the recipient accepted the message, UTC ISO-8601 with milliseconds. */
  receivedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
});
export type Receipt = z.infer<typeof Receipt>;

/**
 * The receipt's JSON Schema (draft 2020-12), in the form `publishedSchemas()` in
 * src/library/library.schema.ts gives the others: publishing it is adding `"exchange-receipt":
 * Receipt` there. Other tools that submit to an authority check the receipts they get against it.
 */
export function receiptJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://musubi.example/schema/exchange-receipt.schema.json",
    ...z.toJSONSchema(Receipt, { target: "draft-2020-12", io: "input" }),
  };
}
