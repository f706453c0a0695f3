import fs from "node:fs";
import path from "node:path";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir, testDatabases, type TestDatabase } from "../../test/support/databases.ts";
import { createBackup, restoreBackup } from "../backup/backup.ts";
import { TABLES_IN_ORDER } from "../db/schema.ts";
import { AppError } from "../platform/errors.ts";
import { nowIso } from "../platform/time.ts";
import { kidOf, type ResolvePublicKey } from "./exchange.jws.ts";
import { ensureExchangeKey, exchangeJwks, exchangePublicKey, listExchangeKeys, publicKeyFromJwk, rotateExchangeKey } from "./exchange.keys.ts";
import { signMessage, verifyMessage } from "./exchange.message.ts";
import { signReceipt, verifyReceipt } from "./exchange.receipt.ts";
import { ensureWrapKey, exchangeKeysDir, type WrapKey } from "./exchange.seal.ts";
import { insertOrgs, refusal } from "./exchange.test-support.ts";

type Opened = Awaited<ReturnType<TestDatabase["open"]>>;
const COMPANY = "https://company.example/orgs/acme";
const AUTHORITY = "https://authority.example/orgs/ppc";

describe.each(testDatabases())("exchange keys ($name)", (database) => {
  let o: Opened;
  let wrap: WrapKey;
  let acme: string;
  let ppc: string;
  beforeEach(async () => {
    o = await database.open();
    wrap = ensureWrapKey(o.dataDir);
    [acme, ppc] = await insertOrgs(o.db, "acme", "ppc");
  });
  afterEach(() => o.cleanup());

  it("creates an organisation's key on first use and signs with the same key afterwards, one per organisation", async () => {
    const [a, b] = await Promise.all([ensureExchangeKey(o.db.kysely, wrap, acme), ensureExchangeKey(o.db.kysely, wrap, acme)]);
    expect(b.kid).toBe(a.kid);
    expect((await ensureExchangeKey(o.db.kysely, wrap, acme)).kid).toBe(a.kid);
    expect(a.kid).toBe(kidOf(a.privateKey));
    const other = await ensureExchangeKey(o.db.kysely, wrap, ppc);
    expect(other.kid).not.toBe(a.kid);
    expect(await listExchangeKeys(o.db.kysely, acme)).toEqual([a.publicKey]);
    expect(a.publicKey.jwk).toEqual({ kty: "OKP", crv: "Ed25519", x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), kid: a.kid, alg: "EdDSA", use: "sig" });
  });

  it("exports a public JWK the other party reads back to the same kid and key, and refuses private or foreign JWKs", async () => {
    const key = await ensureExchangeKey(o.db.kysely, wrap, acme);
    const read = publicKeyFromJwk(JSON.parse(JSON.stringify(key.publicKey.jwk)));
    expect(read.kid).toBe(key.kid);
    expect(kidOf(read.key)).toBe(key.kid);
    const d = key.privateKey.export({ format: "jwk" }).d;
    for (const bad of [{ ...key.publicKey.jwk, d }, { ...key.publicKey.jwk, crv: "X25519" }, { ...key.publicKey.jwk, kid: "A".repeat(43) }, { kty: "RSA" }, null]) {
      expect(() => publicKeyFromJwk(bad)).toThrow(AppError);
    }
  });

  it("never stores the private key in clear text: not in any table, not in the database file", async () => {
    const key = await ensureExchangeKey(o.db.kysely, wrap, acme);
    const seed = Buffer.from(key.privateKey.export({ format: "jwk" }).d!, "base64url");
    const der = key.privateKey.export({ format: "der", type: "pkcs8" });
    const forms = [seed.toString("base64"), seed.toString("base64url"), seed.toString("hex"), der.toString("base64"), der.toString("base64url"), der.toString("hex")];
    const everything = JSON.stringify(await Promise.all(TABLES_IN_ORDER.map((t) => o.db.kysely.selectFrom(t).selectAll().execute())));
    for (const form of forms) expect(everything).not.toContain(form);
    const row = await o.db.kysely.selectFrom("exchange_keys").selectAll().where("kid", "=", key.kid).executeTakeFirstOrThrow();
    expect(row.private_key).toMatch(/^v1\.[0-9a-f]{16}\./);
    if (database.name === "sqlite") {
      // The database file and its write-ahead log: the bytes a stolen disk or copied file holds.
      const files = fs.readdirSync(o.dataDir).filter((f) => f.startsWith("musubi.sqlite"));
      expect(files).toContain("musubi.sqlite");
      const bytes = Buffer.concat(files.map((f) => fs.readFileSync(path.join(o.dataDir, f))));
      expect(bytes.includes(Buffer.from(key.publicKey.jwk.x))).toBe(true);
      expect(bytes.includes(seed)).toBe(false);
      expect(bytes.includes(der)).toBe(false);
    }
  });

  it.skipIf(process.platform === "win32")("keeps the wrapping key in its own 0700 folder, in a 0600 file, and the same key on every call", () => {
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    expect(mode(exchangeKeysDir(o.dataDir))).toBe(0o700);
    expect(mode(path.join(exchangeKeysDir(o.dataDir), "wrap.key"))).toBe(0o600);
    expect(ensureWrapKey(o.dataDir)).toEqual(wrap);
  });

  it("cannot sign with a key sealed under another wrapping key, or copied into another organisation's row; rotation recovers", async () => {
    const key = await ensureExchangeKey(o.db.kysely, wrap, acme);
    const elsewhere: WrapKey = { id: "0123456789abcdef", key: randomBytes(32) };
    expect(await refusal(ensureExchangeKey(o.db.kysely, elsewhere, acme))).toEqual({ status: 503, code: "exchange_key_unavailable", details: { reason: "wrapping-key-differs" } });
    // acme's sealed key planted in a row of ppc's (which this process never unsealed): it does not open there.
    const sealed = (await o.db.kysely.selectFrom("exchange_keys").select("private_key").where("kid", "=", key.kid).executeTakeFirstOrThrow()).private_key;
    const decoy = generateKeyPairSync("ed25519").publicKey;
    const x = decoy.export({ format: "jwk" }).x!;
    await o.db.kysely.insertInto("exchange_keys").values({ kid: kidOf(decoy), org_id: ppc, public_x: x, private_key: sealed, created_at: nowIso(), retired_at: null }).execute();
    expect(await refusal(ensureExchangeKey(o.db.kysely, wrap, ppc))).toEqual({ status: 503, code: "exchange_key_unavailable", details: { reason: "sealed-value-does-not-open" } });
    const { current } = await rotateExchangeKey(o.db.kysely, elsewhere, acme);
    expect((await ensureExchangeKey(o.db.kysely, elsewhere, acme)).kid).toBe(current.kid);
  });

  it("rotates: the new key signs, the old private key is erased, and what the old key signed before still verifies", async () => {
    const old = await ensureExchangeKey(o.db.kysely, wrap, acme);
    const authority = await ensureExchangeKey(o.db.kysely, wrap, ppc);
    const t0 = Math.floor(Date.now() / 1000) - 120;
    const message = await signMessage(old.privateKey, old.kid, { iss: COMPANY, aud: AUTHORITY, kind: "system-card", schema: "musubi-system-card/1", idempotencyKey: "card-SYS-1", iat: t0 }, { code: "SYS-1" });
    const receipt = await signReceipt(authority.privateKey, authority.kid, { iss: AUTHORITY, message: message.claims, receivedAt: new Date(t0 * 1000), iat: t0 });

    const rotated = await rotateExchangeKey(o.db.kysely, wrap, acme);
    const authorityRotated = await rotateExchangeKey(o.db.kysely, wrap, ppc);
    expect(rotated.retired?.kid).toBe(old.kid);
    expect(rotated.retired?.retiredAt).toEqual(expect.any(String));
    expect((await ensureExchangeKey(o.db.kysely, wrap, acme)).kid).toBe(rotated.current.kid);
    const oldRow = await o.db.kysely.selectFrom("exchange_keys").selectAll().where("kid", "=", old.kid).executeTakeFirstOrThrow();
    expect(oldRow.private_key).toBeNull();
    expect((await listExchangeKeys(o.db.kysely, acme)).map((k) => [k.kid, k.retiredAt === null])).toEqual([
      [old.kid, false],
      [rotated.current.kid, true],
    ]);
    expect(await exchangeJwks(o.db.kysely, acme)).toEqual({ keys: [{ ...old.publicKey.jwk, retiredAt: rotated.retired!.retiredAt }, rotated.current.jwk] });

    // Same-instance resolution: the party id maps to the organisation, the kid to one of its keys.
    const orgOf: Record<string, string> = { [COMPANY]: acme, [AUTHORITY]: ppc };
    const resolve: ResolvePublicKey = (kid, iss) => (orgOf[iss] ? exchangePublicKey(o.db.kysely, orgOf[iss], kid) : "unregistered-sender");
    const now = new Date(t0 * 1000 + 60_000);
    expect((await verifyMessage(message.jws, resolve, { audience: AUTHORITY, now, seen: () => false })).kid).toBe(old.kid);
    expect((await verifyReceipt(receipt.jws, resolve, { audience: COMPANY, now })).kid).toBe(authority.kid);
    expect(authorityRotated.retired?.kid).toBe(authority.kid);

    // A key of one organisation does not verify as another's.
    const asOther: ResolvePublicKey = (kid) => exchangePublicKey(o.db.kysely, ppc, kid);
    expect(await refusal(verifyMessage(message.jws, asOther, { audience: AUTHORITY, now, seen: () => false }))).toMatchObject({ code: "exchange_unknown_key" });

    // Whoever kept the old private key cannot sign anything new with it.
    // (`iat` has whole seconds: one in the same second as the retirement would still pass.)
    const later = Math.floor(Date.now() / 1000) + 2;
    const late = await signMessage(old.privateKey, old.kid, { iss: COMPANY, aud: AUTHORITY, kind: "system-card", schema: "musubi-system-card/1", idempotencyKey: "card-SYS-2", iat: later }, { code: "SYS-2" });
    expect(await refusal(verifyMessage(late.jws, resolve, { audience: AUTHORITY, now: new Date(later * 1000), seen: () => false }))).toMatchObject({ status: 401, code: "exchange_key_retired" });
  });

  it("travels in a backup sealed: restored elsewhere it signs only once the exchange-keys folder is copied too", async () => {
    const key = await ensureExchangeKey(o.db.kysely, wrap, acme);
    const folder = path.join(tempDir(), "backup");
    const target = await database.open();
    try {
      await createBackup(o.db, o.dataDir, folder);
      await restoreBackup(target.db, target.dataDir, folder);
      expect((await listExchangeKeys(target.db.kysely, acme)).map((k) => k.kid)).toEqual([key.kid]);
      expect(await refusal(ensureExchangeKey(target.db.kysely, ensureWrapKey(target.dataDir), acme))).toMatchObject({ code: "exchange_key_unavailable" });
      fs.rmSync(exchangeKeysDir(target.dataDir), { recursive: true });
      fs.cpSync(exchangeKeysDir(o.dataDir), exchangeKeysDir(target.dataDir), { recursive: true });
      expect((await ensureExchangeKey(target.db.kysely, ensureWrapKey(target.dataDir), acme)).kid).toBe(key.kid);
    } finally {
      await target.cleanup();
      fs.rmSync(path.dirname(folder), { recursive: true, force: true });
    }
  });

  it("rotates an organisation that had no key yet into having one, with nothing retired", async () => {
    const { retired, current } = await rotateExchangeKey(o.db.kysely, wrap, acme);
    expect(retired).toBeUndefined();
    expect((await ensureExchangeKey(o.db.kysely, wrap, acme)).kid).toBe(current.kid);
  });
});
