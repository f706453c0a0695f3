import { createHash, KeyObject, sign, verify } from "node:crypto";
import { AppError } from "../platform/errors.ts";
import { malformed } from "./exchange.canonical.ts";
import { EXCHANGE_ALG, MAX_HEADER_CHARS, PartyId, ProtectedHeader } from "./exchange.schema.ts";

/**
 * What a recipient knows of the key a message names, asked with the message's `kid` and `iss`:
 * - the sender's public key (a `KeyObject`), or `{ key, retiredAt }` for a key it has retired —
 *   only a key registered **to that `iss`**: a resolver that answered by `kid` alone would let one
 *   organisation's key sign as another;
 * - `undefined`: the sender is registered but this is not one of its keys (`exchange_unknown_key`);
 * - `"unregistered-sender"`: nobody of that `iss` is registered (`exchange_unregistered_sender`).
 */
export type KeyResolution = KeyObject | { key: KeyObject; retiredAt?: string | null } | undefined | "unregistered-sender";
export type ResolvePublicKey = (kid: string, iss: string) => KeyResolution | Promise<KeyResolution>;

/**
 * RFC 7638 thumbprint of an Ed25519 public key given by its JWK `x`: SHA-256 of
 * `{"crv":"Ed25519","kty":"OKP","x":"…"}` (members in that order, no whitespace), base64url.
 */
export function jwkThumbprint(x: string): string {
  return createHash("sha256").update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest("base64url");
}

const kids = new WeakMap<KeyObject, string>();

/** The `kid` of an Ed25519 key (public, or the public half of a private one); memoised per key object. */
export function kidOf(key: KeyObject): string {
  let kid = kids.get(key);
  if (kid === undefined) {
    if (key.asymmetricKeyType !== "ed25519") throw new Error("not an Ed25519 key");
    kid = jwkThumbprint(key.export({ format: "jwk" }).x!);
    kids.set(key, kid);
  }
  return kid;
}

/**
 * Signs `body` (a JSON object) as a compact JWS with the exchange's protected header: Ed25519 with
 * node:crypto directly (RFC 7515 §7.1, RFC 8037 §3.1). A general JOSE library costs as much again
 * per message in its WebCrypto plumbing, twice per message received (the message, the receipt);
 * the tests check both directions against `jose`.
 */
export async function signCompact(privateKey: KeyObject, kid: string, typ: ProtectedHeader["typ"], body: object): Promise<string> {
  if (privateKey.type !== "private" || privateKey.asymmetricKeyType !== "ed25519") throw new Error("not an Ed25519 private key");
  const input = `${Buffer.from(JSON.stringify({ alg: EXCHANGE_ALG, kid, typ })).toString("base64url")}.${Buffer.from(JSON.stringify(body), "utf8").toString("base64url")}`;
  return `${input}.${sign(null, Buffer.from(input, "ascii"), privateKey).toString("base64url")}`;
}

/** A compact JWS read but not yet verified: its header, its JSON body and who it claims to be from. */
export interface Opened {
  header: ProtectedHeader;
  body: Record<string, unknown>;
  iss: string;
}

const PART = /^[A-Za-z0-9_-]+$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

function decodeJson(part: string, reason: string): unknown {
  try {
    return JSON.parse(utf8.decode(Buffer.from(part, "base64url")));
  } catch {
    throw malformed(reason);
  }
}

/**
 * Reads a compact JWS of the expected `typ`, refusing anything over `maxBytes` before decoding a
 * byte of it, and anything that is not three base64url parts with an exact exchange header and a
 * JSON object body naming its issuer. Nothing here is trusted yet: the signature is checked next.
 */
export function openCompact(jws: unknown, typ: ProtectedHeader["typ"], maxBytes: number): Opened {
  if (typeof jws !== "string") throw malformed("jws");
  if (jws.length > maxBytes) throw new AppError(413, "payload_too_large", { maxBytes });
  const parts = jws.split(".");
  if (parts.length !== 3 || !parts.every((p) => PART.test(p))) throw malformed("jws");
  const [headerPart, bodyPart, signaturePart] = parts as [string, string, string];
  if (headerPart.length > MAX_HEADER_CHARS) throw malformed("header");
  // An Ed25519 signature is 64 bytes: 86 base64url characters.
  if (signaturePart.length !== 86) throw malformed("signature");
  const header = ProtectedHeader.safeParse(decodeJson(headerPart, "header"));
  if (!header.success) throw malformed("header");
  if (header.data.typ !== typ) throw malformed("header.typ");
  const body = decodeJson(bodyPart, "payload");
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw malformed("payload");
  const iss = PartyId.safeParse((body as { iss?: unknown }).iss);
  if (!iss.success) throw malformed("claims.iss");
  return { header: header.data, body: body as Record<string, unknown>, iss: iss.data };
}

/**
 * Checks the signature with the key the resolver gives for (kid, iss), and returns when that key
 * was retired (null while current). The key must hash to the `kid` the header names, so a resolver
 * that mixed up its keys fails closed.
 */
export async function verifySignature(jws: string, opened: Opened, resolve: ResolvePublicKey): Promise<{ retiredAt: string | null }> {
  const found = await resolve(opened.header.kid, opened.iss);
  if (found === "unregistered-sender") throw new AppError(403, "exchange_unregistered_sender");
  if (found === undefined) throw new AppError(401, "exchange_unknown_key");
  const key = found instanceof KeyObject ? found : found.key;
  const retiredAt = found instanceof KeyObject ? null : (found.retiredAt ?? null);
  if (key.type !== "public" || key.asymmetricKeyType !== "ed25519" || kidOf(key) !== opened.header.kid) {
    throw new AppError(401, "exchange_unknown_key");
  }
  // Ed25519 over the compact serialisation's first two parts (RFC 7515 §5.2, RFC 8037 §3.1), with
  // node:crypto directly: the header was checked above (alg EdDSA, our typ, the kid of this key).
  const signingInput = jws.slice(0, jws.lastIndexOf("."));
  if (!verify(null, Buffer.from(signingInput, "ascii"), key, Buffer.from(jws.slice(signingInput.length + 1), "base64url"))) throw new AppError(401, "exchange_bad_signature");
  return { retiredAt };
}

/** Refuses a message or receipt that claims a signing time after its key was retired. */
export function checkNotRetired(iat: number, retiredAt: string | null): void {
  if (retiredAt !== null && iat * 1000 > Date.parse(retiredAt)) throw new AppError(401, "exchange_key_retired", { retiredAt });
}

/** The first problem zod found, as a `reason` such as `claims.aud` (or `claims.extra` for a claim nobody defined). */
export function claimsProblem(issues: readonly { path: readonly PropertyKey[]; keys?: readonly string[] }[]): AppError {
  const issue = issues[0];
  const path = issue ? [...issue.path.map(String), ...(issue.keys?.slice(0, 1) ?? [])] : [];
  return malformed(path.length ? `claims.${path.join(".")}` : "claims");
}
