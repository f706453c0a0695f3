import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import type { ResolvePublicKey } from "./exchange.jws.ts";
import { signMessage, verifyMessage } from "./exchange.message.ts";
import { signReceipt, verifyReceipt } from "./exchange.receipt.ts";
import { receiptJsonSchema } from "./exchange.schema.ts";
import { keyPair, refusal } from "./exchange.test-support.ts";

const COMPANY = "https://company.example/orgs/acme";
const AUTHORITY = "https://authority.example/orgs/ppc";
const NOW = new Date("2026-12-01T03:00:00.000Z");
const T = Math.floor(NOW.getTime() / 1000);

const company = keyPair();
const authority = keyPair();
/** The company's view of the authority it registered with. */
const resolveAuthority: ResolvePublicKey = (kid, iss) => (iss !== AUTHORITY ? "unregistered-sender" : kid === authority.kid ? authority.publicKey : undefined);

async function received() {
  const signed = await signMessage(company.privateKey, company.kid, { iss: COMPANY, aud: AUTHORITY, kind: "haip-report", schema: "musubi-haip-report/1", idempotencyKey: "haip-2026", iat: T }, { year: 2026 });
  const message = await verifyMessage(signed.jws, (kid) => (kid === company.kid ? company.publicKey : undefined), { audience: AUTHORITY, now: NOW, seen: () => false });
  return { signed, message, receipt: await signReceipt(authority.privateKey, authority.kid, { iss: AUTHORITY, message: message.claims, receivedAt: NOW, iat: T }) };
}
const expected = (claims: { idempotencyKey: string; payloadSha256: string }) => ({ recipient: AUTHORITY, idempotencyKey: claims.idempotencyKey, payloadSha256: claims.payloadSha256 });

describe("exchange.signReceipt / verifyReceipt", () => {
  it("acknowledges the message's jti, idempotency key and payload hash, signed by the recipient's kid, and the sender verifies it", async () => {
    const { message, receipt } = await received();
    expect(receipt.receipt).toEqual({
      schema: "musubi-exchange-receipt/1",
      iss: AUTHORITY,
      aud: COMPANY,
      iat: T,
      kid: authority.kid,
      messageJti: message.claims.jti,
      idempotencyKey: "haip-2026",
      payloadSha256: message.claims.payloadSha256,
      kind: "haip-report",
      receivedAt: "2026-12-01T03:00:00.000Z",
    });
    const verified = await verifyReceipt(receipt.jws, resolveAuthority, { audience: COMPANY, expected: expected(message.claims), now: NOW });
    expect(verified).toEqual({ kid: authority.kid, receipt: receipt.receipt });
  });

  it("still verifies years later: receipts kept in the ledger do not expire", async () => {
    const { message, receipt } = await received();
    const later = new Date("2031-06-01T00:00:00.000Z");
    expect((await verifyReceipt(receipt.jws, resolveAuthority, { audience: COMPANY, expected: expected(message.claims), now: later })).receipt.messageJti).toBe(message.claims.jti);
  });

  it("refuses a receipt for another submission, or from another recipient", async () => {
    const { message, receipt } = await received();
    for (const e of [{ ...expected(message.claims), payloadSha256: "0".repeat(64) }, { ...expected(message.claims), idempotencyKey: "other" }, { ...expected(message.claims), recipient: "https://authority.example/orgs/fsa" }]) {
      expect(await refusal(verifyReceipt(receipt.jws, resolveAuthority, { audience: COMPANY, expected: e, now: NOW }))).toMatchObject({ status: 400, code: "exchange_receipt_mismatch" });
    }
  });

  it("refuses an altered receipt, one for another sender, one from the future, and a message passed off as a receipt", async () => {
    const { signed, receipt } = await received();
    const [h, body, sig] = receipt.jws.split(".");
    const altered = Buffer.from(Buffer.from(body!, "base64url").toString().replace("haip-2026", "haip-2027")).toString("base64url");
    expect(await refusal(verifyReceipt(`${h}.${altered}.${sig}`, resolveAuthority, { audience: COMPANY, now: NOW }))).toMatchObject({ code: "exchange_bad_signature" });
    expect(await refusal(verifyReceipt(receipt.jws, resolveAuthority, { audience: "https://company.example/orgs/other", now: NOW }))).toMatchObject({ code: "exchange_wrong_audience" });
    expect(await refusal(verifyReceipt(receipt.jws, resolveAuthority, { audience: COMPANY, now: new Date(NOW.getTime() - 3_600_000) }))).toMatchObject({ code: "exchange_clock_skew" });
    expect(await refusal(verifyReceipt(signed.jws, resolveAuthority, { audience: COMPANY, now: NOW }))).toEqual({ status: 400, code: "exchange_malformed", details: { reason: "header.typ" } });
  });

  it("refuses a receipt signed by a key its issuer does not have", async () => {
    const { message } = await received();
    const stranger = keyPair();
    const forged = await signReceipt(stranger.privateKey, stranger.kid, { iss: AUTHORITY, message: message.claims, receivedAt: NOW, iat: T });
    expect(await refusal(verifyReceipt(forged.jws, resolveAuthority, { audience: COMPANY, now: NOW }))).toMatchObject({ code: "exchange_unknown_key" });
  });

  it("is a document the published JSON Schema accepts, and the schema refuses a receipt missing its payload hash", async () => {
    const { receipt } = await received();
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(receiptJsonSchema());
    expect(validate(receipt.receipt), JSON.stringify(validate.errors)).toBe(true);
    const { payloadSha256: _drop, ...incomplete } = receipt.receipt;
    expect(validate(incomplete)).toBe(false);
    expect(receiptJsonSchema().$id).toBe("https://musubi.example/schema/exchange-receipt.schema.json");
  });
});
