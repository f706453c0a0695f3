import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDatabases, type TestDatabase } from "../../test/support/databases.ts";
import type { ResolvePublicKey } from "./exchange.jws.ts";
import { ensureExchangeKey, exchangePublicKey, type ExchangeSigningKey } from "./exchange.keys.ts";
import { signMessage, verifyMessage, type VerifiedMessage } from "./exchange.message.ts";
import { signReceipt, verifyReceipt } from "./exchange.receipt.ts";
import { earlierReceipt, keepReceipt, markSeen, purgeSeen, replayCheck } from "./exchange.replay.ts";
import { ensureWrapKey } from "./exchange.seal.ts";
import { insertOrgs, refusal } from "./exchange.test-support.ts";

type Opened = Awaited<ReturnType<TestDatabase["open"]>>;
const COMPANY = "https://company.example/orgs/acme";
const AUTHORITY = "https://authority.example/orgs/ppc";
const report = (severity: string) => ({ format: "musubi-incident-report/1", incident: { code: "INC-000007", severity } });

describe.each(testDatabases())("exchange replay and idempotency ($name)", (database) => {
  let o: Opened;
  let acme: string;
  let ppc: string;
  let fsa: string;
  let company: ExchangeSigningKey;
  let authority: ExchangeSigningKey;
  let resolve: ResolvePublicKey;

  beforeEach(async () => {
    o = await database.open();
    [acme, ppc, fsa] = await insertOrgs(o.db, "acme", "ppc", "fsa");
    const wrap = ensureWrapKey(o.dataDir);
    company = await ensureExchangeKey(o.db.kysely, wrap, acme);
    authority = await ensureExchangeKey(o.db.kysely, wrap, ppc);
    const orgOf: Record<string, string> = { [COMPANY]: acme, [AUTHORITY]: ppc };
    resolve = (kid, iss) => (orgOf[iss] ? exchangePublicKey(o.db.kysely, orgOf[iss], kid) : "unregistered-sender");
  });
  afterEach(() => o.cleanup());

  const submit = (idempotencyKey: string, payload: Record<string, unknown>, jti?: string) =>
    signMessage(company.privateKey, company.kid, { iss: COMPANY, aud: AUTHORITY, kind: "incident-report", schema: "musubi-incident-report/1", idempotencyKey, ...(jti && { jti }) }, payload);

  /** The authority's intake, as the protocol will do it: verify, answer a retry with its receipt, else sign and keep one. */
  async function intake(jws: string): Promise<{ receipt: string; retry: boolean; message: VerifiedMessage }> {
    const message = await verifyMessage(jws, resolve, { audience: AUTHORITY, seen: replayCheck(o.db.kysely, ppc) });
    const { iss, idempotencyKey, payloadSha256 } = message.claims;
    const earlier = await earlierReceipt(o.db.kysely, ppc, iss, idempotencyKey, payloadSha256);
    if (earlier) return { receipt: earlier, retry: true, message };
    const receivedAt = new Date();
    const signed = await signReceipt(authority.privateKey, authority.kid, { iss: AUTHORITY, message: message.claims, receivedAt });
    const kept = await o.db.kysely.transaction().execute((trx) =>
      keepReceipt(trx, ppc, { sender: iss, idempotencyKey, payloadSha256, messageJti: message.claims.jti, kind: message.claims.kind, receipt: signed.jws, receivedAt: receivedAt.toISOString() }),
    );
    return { ...kept, message };
  }

  it("refuses the same signed message twice, from the database's memory of its jti", async () => {
    const { jws } = await submit("inc-7", report("high"));
    expect((await intake(jws)).retry).toBe(false);
    expect(await refusal(intake(jws))).toMatchObject({ status: 409, code: "exchange_replayed" });
    expect(await o.db.kysely.selectFrom("exchange_seen").select(["org_id", "sender"]).execute()).toEqual([{ org_id: ppc, sender: COMPANY }]);
  });

  it("keeps jtis per recipient and per sender", async () => {
    const expires = new Date(Date.now() + 60_000).toISOString();
    expect(await markSeen(o.db.kysely, ppc, COMPANY, "jti-0000000000000001", expires)).toBe(false);
    expect(await markSeen(o.db.kysely, ppc, COMPANY, "jti-0000000000000001", expires)).toBe(true);
    expect(await markSeen(o.db.kysely, fsa, COMPANY, "jti-0000000000000001", expires)).toBe(false);
    expect(await markSeen(o.db.kysely, ppc, "https://other.example/orgs/x", "jti-0000000000000001", expires)).toBe(false);
  });

  it("keeps a jti for the skew window plus the margin, and purges only what expired", async () => {
    const { jws, claims } = await submit("inc-7", report("high"));
    await intake(jws);
    const row = await o.db.kysely.selectFrom("exchange_seen").select("expires_at").executeTakeFirstOrThrow();
    expect(row.expires_at).toBe(new Date((claims.iat + 300 + 600) * 1000).toISOString());
    await markSeen(o.db.kysely, ppc, COMPANY, "jti-old-000000000001", "2020-01-01T00:00:00.000Z");
    expect(await purgeSeen(o.db.kysely, new Date())).toBe(1);
    expect(await o.db.kysely.selectFrom("exchange_seen").select("jti").execute()).toEqual([{ jti: claims.jti }]);
  });

  it("answers a retried submission (signed again, same idempotency key, same payload) with the receipt it gave the first time", async () => {
    const first = await submit("inc-7", report("high"));
    const accepted = await intake(first.jws);
    // The payload's key order may differ on the retry: the hash is of its canonical JSON.
    const retry = await submit("inc-7", { incident: { severity: "high", code: "INC-000007" }, format: "musubi-incident-report/1" });
    expect(retry.claims.jti).not.toBe(first.claims.jti);
    const again = await intake(retry.jws);
    expect(again).toMatchObject({ retry: true, receipt: accepted.receipt });
    const { receipt } = await verifyReceipt(again.receipt, resolve, { audience: COMPANY, expected: { recipient: AUTHORITY, idempotencyKey: "inc-7", payloadSha256: retry.claims.payloadSha256 } });
    expect(receipt.messageJti).toBe(first.claims.jti);
    expect(await o.db.kysely.selectFrom("exchange_idempotency").select("idempotency_key").execute()).toHaveLength(1);
  });

  it("refuses the same idempotency key with a different payload as a conflict", async () => {
    await intake((await submit("inc-7", report("high"))).jws);
    expect(await refusal(intake((await submit("inc-7", report("low"))).jws))).toEqual({ status: 409, code: "exchange_idempotency_conflict", details: undefined });
  });

  it("settles a race: the second keeper of the same key gets the first one's receipt, or a conflict for another payload", async () => {
    const entry = { sender: COMPANY, idempotencyKey: "inc-9", payloadSha256: "a".repeat(64), messageJti: "jti-race-000000000001", kind: "incident-report", receipt: "first.receipt.jws", receivedAt: new Date().toISOString() };
    expect(await keepReceipt(o.db.kysely, ppc, entry)).toEqual({ receipt: "first.receipt.jws", retry: false });
    expect(await keepReceipt(o.db.kysely, ppc, { ...entry, messageJti: "jti-race-000000000002", receipt: "second.receipt.jws" })).toEqual({ receipt: "first.receipt.jws", retry: true });
    expect(await refusal(keepReceipt(o.db.kysely, ppc, { ...entry, payloadSha256: "b".repeat(64) }))).toMatchObject({ code: "exchange_idempotency_conflict" });
    // Another recipient, or another sender, has its own keys.
    expect((await keepReceipt(o.db.kysely, fsa, entry)).retry).toBe(false);
    expect((await keepReceipt(o.db.kysely, ppc, { ...entry, sender: "https://other.example/orgs/x" })).retry).toBe(false);
  });

  it("forgets the receipt when the transaction that stores the submission rolls back", async () => {
    const entry = { sender: COMPANY, idempotencyKey: "inc-10", payloadSha256: "c".repeat(64), messageJti: "jti-rollback-00000001", kind: "incident-report", receipt: "r.jws", receivedAt: new Date().toISOString() };
    await o.db.kysely
      .transaction()
      .execute(async (trx) => {
        await keepReceipt(trx, ppc, entry);
        throw new Error("storing the submission failed");
      })
      .catch(() => undefined);
    expect(await earlierReceipt(o.db.kysely, ppc, COMPANY, "inc-10", entry.payloadSha256)).toBeUndefined();
  });
});
