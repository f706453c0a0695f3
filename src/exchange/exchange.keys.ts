import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database, ExchangeKeysTable } from "../db/schema.ts";
import { AppError } from "../platform/errors.ts";
import { nowIso } from "../platform/time.ts";
import { malformed } from "./exchange.canonical.ts";
import { jwkThumbprint } from "./exchange.jws.ts";
import { EXCHANGE_ALG } from "./exchange.schema.ts";
import { seal, unseal, type WrapKey } from "./exchange.seal.ts";

/** An Ed25519 public key as published to the other party (RFC 8037 OKP JWK with its RFC 7638 kid). */
export interface ExchangePublicJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  kid: string;
  alg: typeof EXCHANGE_ALG;
  use: "sig";
}

/** One of an organisation's exchange keys, current (`retiredAt` null) or retired. */
export interface ExchangePublicKey {
  kid: string;
  jwk: ExchangePublicJwk;
  createdAt: string;
  retiredAt: string | null;
}

/** The organisation's current key, able to sign. */
export interface ExchangeSigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: ExchangePublicKey;
}

const X = /^[A-Za-z0-9_-]{43}$/;

/** The JWK the other party is given for a public key (`x` is the raw key, base64url). */
export function publicJwk(x: string): ExchangePublicJwk {
  return { kty: "OKP", crv: "Ed25519", x, kid: jwkThumbprint(x), alg: EXCHANGE_ALG, use: "sig" };
}

/**
 * Reads a public JWK another party registered (or published) into a key to verify with. Only
 * Ed25519 public keys are accepted: a JWK with a private part, another curve, or a `kid` that is
 * not its own thumbprint is refused as `exchange_malformed`.
 */
export function publicKeyFromJwk(jwk: unknown): { kid: string; key: KeyObject } {
  const j = (typeof jwk === "object" && jwk !== null ? jwk : {}) as Record<string, unknown>;
  if (j.kty !== "OKP" || j.crv !== "Ed25519" || typeof j.x !== "string" || !X.test(j.x) || "d" in j) throw malformed("jwk");
  const kid = jwkThumbprint(j.x);
  if (j.kid !== undefined && j.kid !== kid) throw malformed("jwk.kid");
  if (j.alg !== undefined && j.alg !== EXCHANGE_ALG) throw malformed("jwk.alg");
  try {
    return { kid, key: createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: j.x }, format: "jwk" }) };
  } catch {
    throw malformed("jwk");
  }
}

type Db = Kysely<Database>;
type Row = Pick<ExchangeKeysTable, "kid" | "org_id" | "public_x" | "private_key" | "created_at" | "retired_at">;
/** An organisation's key as stored (the private key sealed). */
export type ExchangeKeyRow = Row;

const present = (r: Row): ExchangePublicKey => ({ kid: r.kid, jwk: publicJwk(r.public_x), createdAt: r.created_at, retiredAt: r.retired_at });

/** Additional data of a sealed private key: it opens only in its own organisation's row. */
const sealContext = (orgId: string, kid: string) => `musubi-exchange-key/1 ${orgId} ${kid}`;

// Unsealed keys by wrapping key and kid (a kid names one key pair forever), so signing a receipt
// per submission costs one indexed read, not an AES open and a PKCS #8 parse. Bounded.
const privateKeys = new Map<string, KeyObject>();
const publicKeys = new Map<string, KeyObject>();
function remember<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
    cache.set(key, v);
  }
  return v;
}

function signingKey(wrap: WrapKey, row: Row): ExchangeSigningKey {
  if (row.private_key === null) throw new AppError(503, "exchange_key_unavailable", { reason: "no-private-key" });
  const sealed = row.private_key;
  const privateKey = remember(privateKeys, `${wrap.id} ${row.kid}`, () => {
    const der = unseal(wrap, sealed, sealContext(row.org_id, row.kid));
    try {
      return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
    } finally {
      der.fill(0);
    }
  });
  return { kid: row.kid, privateKey, publicKey: present(row) };
}

const currentRow = (db: Db, orgId: string) =>
  db.selectFrom("exchange_keys").select(["kid", "org_id", "public_x", "private_key", "created_at", "retired_at"]).where("org_id", "=", orgId).where("retired_at", "is", null).executeTakeFirst();

/** A new key pair for the organisation, its private half sealed: the row to insert. */
function newKeyRow(wrap: WrapKey, orgId: string): Row {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const x = publicKey.export({ format: "jwk" }).x!;
  const kid = jwkThumbprint(x);
  const der = privateKey.export({ format: "der", type: "pkcs8" });
  try {
    return { kid, org_id: orgId, public_x: x, private_key: seal(wrap, der, sealContext(orgId, kid)), created_at: nowIso(), retired_at: null };
  } finally {
    der.fill(0);
  }
}

/**
 * The organisation's current exchange key, created on first use. Two servers creating it at once
 * agree on one: the database allows one current key per organisation, the loser's insert does
 * nothing and it reads the winner's. `known`: the current key's row when the caller read it already.
 */
export async function ensureExchangeKey(db: Db, wrap: WrapKey, orgId: string, known?: Row): Promise<ExchangeSigningKey> {
  const current = known ?? (await currentRow(db, orgId));
  if (current) return signingKey(wrap, current);
  const row = newKeyRow(wrap, orgId);
  const inserted = await db.insertInto("exchange_keys").values(row).onConflict((oc) => oc.doNothing()).returning("kid").executeTakeFirst();
  if (inserted) return signingKey(wrap, row);
  const winner = await currentRow(db, orgId);
  if (!winner) throw new AppError(409, "conflict");
  return signingKey(wrap, winner);
}

/**
 * Makes a new key current. The old one is marked retired now — its public key stays, so messages
 * and receipts it signed before still verify, and anything it signs later is refused — and its
 * sealed private key is erased, so nothing can sign with it again: rotation is what one does when
 * a key may have leaked (as the ledger's `rotateSigningKey`). Works even when the old private key
 * cannot be unsealed (a restore without the data folder's wrapping key). In one transaction.
 */
export async function rotateExchangeKey(db: Db, wrap: WrapKey, orgId: string): Promise<{ retired: ExchangePublicKey | undefined; current: ExchangePublicKey }> {
  const run = async (trx: Transaction<Database> | Db) => {
    const now = nowIso();
    const old = await trx
      .updateTable("exchange_keys")
      .set({ retired_at: now, private_key: null })
      .where("org_id", "=", orgId)
      .where("retired_at", "is", null)
      .returning(["kid", "org_id", "public_x", "private_key", "created_at", "retired_at"])
      .executeTakeFirst();
    const row = newKeyRow(wrap, orgId);
    const inserted = await trx.insertInto("exchange_keys").values(row).onConflict((oc) => oc.doNothing()).returning("kid").executeTakeFirst();
    // Another rotation committed between our update and insert: let the caller try again.
    if (!inserted) throw new AppError(409, "conflict");
    return { retired: old && present(old), current: present(row) };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** Every exchange key the organisation has had, oldest first: what it publishes (as a JWK set) to its counterparts. */
export async function listExchangeKeys(db: Db, orgId: string): Promise<ExchangePublicKey[]> {
  const rows = await db
    .selectFrom("exchange_keys")
    .select(["kid", "org_id", "public_x", "private_key", "created_at", "retired_at"])
    .where("org_id", "=", orgId)
    .orderBy("created_at")
    .orderBy("kid")
    .execute();
  return rows.map(present);
}

/**
 * The organisation's keys as the JWK set (RFC 7517) its counterparts are given: every key, current
 * and retired, a retired one with Musubi's extra member `retiredAt` (JWK consumers ignore members
 * they do not know), because a verifier needs it to refuse what a retired key signs later.
 */
export async function exchangeJwks(db: Db, orgId: string): Promise<{ keys: (ExchangePublicJwk & { retiredAt?: string })[] }> {
  const keys = await listExchangeKeys(db, orgId);
  return { keys: keys.map((k) => (k.retiredAt === null ? k.jwk : { ...k.jwk, retiredAt: k.retiredAt })) };
}

/**
 * One of the organisation's keys by kid, in the form a {@link ResolvePublicKey} returns — for a
 * counterpart in the same instance, resolved after its `iss` was mapped to `orgId`. Undefined
 * when the organisation has no such key.
 */
export async function exchangePublicKey(db: Db, orgId: string, kid: string): Promise<{ key: KeyObject; retiredAt: string | null } | undefined> {
  const row = await db.selectFrom("exchange_keys").select(["public_x", "retired_at"]).where("kid", "=", kid).where("org_id", "=", orgId).executeTakeFirst();
  if (!row) return undefined;
  const key = remember(publicKeys, kid, () => createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: row.public_x }, format: "jwk" }));
  return { key, retiredAt: row.retired_at };
}
