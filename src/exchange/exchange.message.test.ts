import { sign as edSign, type KeyObject } from "node:crypto";
import fs from "node:fs";
import { calculateJwkThumbprint } from "jose";
import { describe, expect, it } from "vitest";
import { canonicalJson, payloadSha256 } from "./exchange.canonical.ts";
import { jwkThumbprint, type ResolvePublicKey } from "./exchange.jws.ts";
import { publicKeyFromJwk } from "./exchange.keys.ts";
import { signMessage, verifyMessage, type MessageInput } from "./exchange.message.ts";
import { MAX_PAYLOAD_DEPTH } from "./exchange.schema.ts";
import { keyPair, refusal } from "./exchange.test-support.ts";

const COMPANY = "https://company.example/orgs/acme";
const AUTHORITY = "https://authority.example/orgs/ppc";
const NOW = new Date("2026-12-01T03:00:00.000Z");
const T = Math.floor(NOW.getTime() / 1000);

const sender = keyPair();
const input = (over: Partial<MessageInput> = {}): MessageInput => ({
  iss: COMPANY,
  aud: AUTHORITY,
  kind: "incident-report",
  schema: "musubi-incident-report/1",
  idempotencyKey: "inc-000042-v1",
  iat: T,
  ...over,
});
const report = { format: "musubi-incident-report/1", incident: { code: "INC-000042", title: "誤った与信判定", severity: "high" }, harm: { peopleAffected: 12 } };

/** The authority's view: the company is registered with exactly one key. */
const registry =
  (keys: Record<string, KeyObject | { key: KeyObject; retiredAt: string }>): ResolvePublicKey =>
  (kid, iss) => {
    if (iss !== COMPANY) return "unregistered-sender";
    return keys[kid];
  };
const resolve = registry({ [sender.kid]: sender.publicKey });

/** A set of seen jtis, as the database-backed check keeps them. */
function seenSet() {
  const seen = new Set<string>();
  return { seen, check: (jti: string) => (seen.has(jti) ? true : (seen.add(jti), false)) };
}
const opts = (over: Partial<Parameters<typeof verifyMessage>[2]> = {}) => ({ audience: AUTHORITY, now: NOW, maxSkewSeconds: 300, seen: seenSet().check, ...over });

const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
const parts = (jws: string) => jws.split(".") as [string, string, string];
const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
/** A JWS over arbitrary header and body text, signed properly: what a buggy or hostile sender could send. */
const handSigned = (header: string, body: string, key: KeyObject = sender.privateKey) => {
  const input = `${b64(header)}.${b64(body)}`;
  return `${input}.${edSign(null, Buffer.from(input), key).toString("base64url")}`;
};
const header = (over: Record<string, unknown> = {}) => JSON.stringify({ alg: "EdDSA", kid: sender.kid, typ: "musubi-exchange+jwt", ...over });
const claims = (over: Record<string, unknown> = {}) => ({ iss: COMPANY, aud: AUTHORITY, iat: T, jti: "0f8f4a5e-2f5b-4bb1-9d3e-4a5f9b7c1d2e", idempotencyKey: "k-1", kind: "incident-report", schema: "musubi-incident-report/1", payloadSha256: payloadSha256(report), payload: report, ...over });

describe("exchange.signMessage / verifyMessage", () => {
  it("round-trips: the recipient gets the sender's claims and payload, and the kid is the RFC 7638 thumbprint", async () => {
    const signed = await signMessage(sender.privateKey, sender.kid, input(), report);
    const verified = await verifyMessage(signed.jws, resolve, opts());
    expect(verified.payload).toEqual(report);
    expect(verified.claims).toEqual(signed.claims);
    expect(verified.claims).toMatchObject({ iss: COMPANY, aud: AUTHORITY, iat: T, kind: "incident-report", idempotencyKey: "inc-000042-v1", payloadSha256: payloadSha256(report) });
    expect(verified.claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(verified.kid).toBe(await calculateJwkThumbprint(sender.publicKey.export({ format: "jwk" }) as never));
    expect(decode(parts(signed.jws)[0])).toEqual({ alg: "EdDSA", kid: sender.kid, typ: "musubi-exchange+jwt" });
  });

  it("refuses an altered payload", async () => {
    const [h, body, sig] = parts((await signMessage(sender.privateKey, sender.kid, input(), report)).jws);
    const altered = decode(body);
    (altered.payload as typeof report).incident.severity = "low";
    expect(await refusal(verifyMessage(`${h}.${b64(altered)}.${sig}`, resolve, opts()))).toMatchObject({ status: 401, code: "exchange_bad_signature" });
  });

  it("refuses an altered header, even one that says the same thing", async () => {
    const [, body, sig] = parts((await signMessage(sender.privateKey, sender.kid, input(), report)).jws);
    const reordered = b64({ typ: "musubi-exchange+jwt", kid: sender.kid, alg: "EdDSA" });
    expect(await refusal(verifyMessage(`${reordered}.${body}.${sig}`, resolve, opts()))).toMatchObject({ code: "exchange_bad_signature" });
  });

  it("refuses a message signed by another key under the registered kid", async () => {
    const thief = keyPair();
    const forged = (await signMessage(thief.privateKey, sender.kid, input(), report)).jws;
    expect(await refusal(verifyMessage(forged, resolve, opts()))).toMatchObject({ status: 401, code: "exchange_bad_signature" });
  });

  it("refuses an unknown kid, and a resolver's key that is not the one the kid names", async () => {
    const other = keyPair();
    const signed = (await signMessage(other.privateKey, other.kid, input(), report)).jws;
    expect(await refusal(verifyMessage(signed, resolve, opts()))).toMatchObject({ status: 401, code: "exchange_unknown_key" });
    const confused = registry({ [other.kid]: sender.publicKey });
    expect(await refusal(verifyMessage(signed, confused, opts()))).toMatchObject({ code: "exchange_unknown_key" });
  });

  it("refuses an unregistered sender", async () => {
    const signed = (await signMessage(sender.privateKey, sender.kid, input({ iss: "https://stranger.example/orgs/x" }), report)).jws;
    expect(await refusal(verifyMessage(signed, resolve, opts()))).toMatchObject({ status: 403, code: "exchange_unregistered_sender" });
  });

  it("refuses a replayed jti, and a retry signed again with a new jti passes", async () => {
    const { check } = seenSet();
    const first = await signMessage(sender.privateKey, sender.kid, input(), report);
    await verifyMessage(first.jws, resolve, opts({ seen: check }));
    expect(await refusal(verifyMessage(first.jws, resolve, opts({ seen: check })))).toMatchObject({ status: 409, code: "exchange_replayed" });
    const retry = await signMessage(sender.privateKey, sender.kid, input(), report);
    expect((await verifyMessage(retry.jws, resolve, opts({ seen: check }))).claims.idempotencyKey).toBe(first.claims.idempotencyKey);
  });

  it("refuses a message addressed to another recipient", async () => {
    const signed = (await signMessage(sender.privateKey, sender.kid, input({ aud: "https://authority.example/orgs/fsa" }), report)).jws;
    expect(await refusal(verifyMessage(signed, resolve, opts()))).toMatchObject({ status: 403, code: "exchange_wrong_audience" });
  });

  it("refuses a message older or newer than the skew allows, and accepts one at the edge", async () => {
    for (const iat of [T - 301, T + 301]) {
      const signed = (await signMessage(sender.privateKey, sender.kid, input({ iat }), report)).jws;
      expect(await refusal(verifyMessage(signed, resolve, opts()))).toEqual({ status: 401, code: "exchange_clock_skew", details: { iat, now: T, maxSkewSeconds: 300 } });
    }
    for (const iat of [T - 300, T + 300]) {
      const signed = (await signMessage(sender.privateKey, sender.kid, input({ iat }), report)).jws;
      expect((await verifyMessage(signed, resolve, opts())).claims.iat).toBe(iat);
    }
  });

  it("refuses a payload that does not match its stated hash", async () => {
    const jws = handSigned(header(), JSON.stringify(claims({ payloadSha256: payloadSha256({ other: true }) })));
    expect(await refusal(verifyMessage(jws, resolve, opts()))).toMatchObject({ status: 400, code: "exchange_payload_mismatch" });
  });

  it("hashes the payload's canonical JSON: another key order and spacing is the same payload", async () => {
    const reordered = { harm: { peopleAffected: 12 }, incident: { severity: "high", title: "誤った与信判定", code: "INC-000042" }, format: "musubi-incident-report/1" };
    const body = JSON.stringify(claims({ payload: reordered }), null, 2);
    const verified = await verifyMessage(handSigned(header(), body), resolve, opts());
    expect(verified.claims.payloadSha256).toBe(payloadSha256(report));
  });

  it("refuses a key retired before the message's time, and accepts one signed before the retirement", async () => {
    const retiredAt = new Date((T - 10) * 1000).toISOString();
    const retired = registry({ [sender.kid]: { key: sender.publicKey, retiredAt } });
    const after = (await signMessage(sender.privateKey, sender.kid, input(), report)).jws;
    expect(await refusal(verifyMessage(after, retired, opts()))).toEqual({ status: 401, code: "exchange_key_retired", details: { retiredAt } });
    const before = (await signMessage(sender.privateKey, sender.kid, input({ iat: T - 60 }), report)).jws;
    expect((await verifyMessage(before, retired, opts())).kid).toBe(sender.kid);
  });

  it("refuses a message over the size limit before reading any of it", async () => {
    const huge = "x".repeat(1024 + 1);
    expect(await refusal(verifyMessage(huge, resolve, opts({ maxBytes: 1024 })))).toEqual({ status: 413, code: "payload_too_large", details: { maxBytes: 1024 } });
    const big = { blob: "a".repeat(4096) };
    const signed = (await signMessage(sender.privateKey, sender.kid, input(), big)).jws;
    expect(await refusal(verifyMessage(signed, resolve, opts({ maxBytes: 4096 })))).toMatchObject({ code: "payload_too_large" });
  });

  it.each([
    ["not a string", 42, "jws"],
    ["two parts", "abc.def", "jws"],
    ["not base64url", "a+b.c.d", "jws"],
    ["a short signature", `${b64(header())}.${b64(claims())}.AAAA`, "signature"],
    ["a header that is not JSON", handSigned("{", JSON.stringify(claims())), "header"],
    ["another algorithm", handSigned(header({ alg: "ES256" }), JSON.stringify(claims())), "header"],
    ["an embedded key in the header", handSigned(header({ jwk: { kty: "OKP" } }), JSON.stringify(claims())), "header"],
    ["a receipt's typ", handSigned(header({ typ: "musubi-receipt+jwt" }), JSON.stringify(claims())), "header.typ"],
    ["a body that is not JSON", handSigned(header(), "{no"), "payload"],
    ["a JSON array body", handSigned(header(), "[]"), "payload"],
    ["no issuer", handSigned(header(), JSON.stringify(claims({ iss: undefined }))), "claims.iss"],
  ])("refuses a message with %s as malformed", async (_name, jws, reason) => {
    expect(await refusal(verifyMessage(jws, resolve, opts()))).toEqual({ status: 400, code: "exchange_malformed", details: { reason } });
  });

  it.each([
    ["an unknown claim", { extra: 1 }, "claims.extra"],
    ["an unknown kind", { kind: "gossip" }, "claims.kind"],
    ["a fractional iat", { iat: T + 0.5 }, "claims.iat"],
    ["a short jti", { jti: "1" }, "claims.jti"],
    ["a payload that is not an object", { payload: "text" }, "claims.payload"],
  ])("refuses a signed message with %s as malformed", async (_name, over, reason) => {
    expect(await refusal(verifyMessage(handSigned(header(), JSON.stringify(claims(over))), resolve, opts()))).toEqual({ status: 400, code: "exchange_malformed", details: { reason } });
  });

  it("refuses a payload nested deeper than the limit as malformed, without exhausting the stack", async () => {
    let deep: unknown = 1;
    for (let i = 0; i < MAX_PAYLOAD_DEPTH + 1; i++) deep = [deep];
    const jws = handSigned(header(), JSON.stringify(claims({ payload: { deep }, payloadSha256: "0".repeat(64) })));
    expect(await refusal(verifyMessage(jws, resolve, opts()))).toEqual({ status: 400, code: "exchange_malformed", details: { reason: "payload.depth" } });
  });

  it("consults the replay check only for a message that passed every other check", async () => {
    const asked: string[] = [];
    const seen = (jti: string) => (asked.push(jti), false);
    const stale = (await signMessage(sender.privateKey, sender.kid, input({ iat: T - 3600 }), report)).jws;
    await refusal(verifyMessage(stale, resolve, opts({ seen })));
    expect(asked).toEqual([]);
    await verifyMessage((await signMessage(sender.privateKey, sender.kid, input({ jti: "jti-accepted-0001" }), report)).jws, resolve, opts({ seen }));
    expect(asked).toEqual(["jti-accepted-0001"]);
  });

  it("refuses to sign claims or payloads outside the format", async () => {
    expect(await refusal(signMessage(sender.privateKey, sender.kid, input({ schema: "no version" }), report))).toMatchObject({ code: "exchange_malformed", details: { reason: "claims.schema" } });
    expect(await refusal(signMessage(sender.privateKey, sender.kid, input(), { n: 1n } as never))).toMatchObject({ code: "exchange_malformed", details: { reason: "payload" } });
  });
});

describe("docs/exchange.md", () => {
  it("has an example message that verifies with RFC 8037's test key, and whose payload hash is as stated", async () => {
    const doc = fs.readFileSync(new URL("../../docs/exchange.md", import.meta.url), "utf8");
    const jws = /```\n(eyJ[A-Za-z0-9_.-]+)\n```/.exec(doc)?.[1];
    expect(jws).toBeDefined();
    const rfc8037 = publicKeyFromJwk({ kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" });
    const audience = "https://musubi.ppc.example/orgs/ppc";
    const verified = await verifyMessage(jws, (kid) => (kid === rfc8037.kid ? rfc8037.key : undefined), { audience, now: new Date(1795921200 * 1000), seen: () => false });
    expect(verified.claims.payloadSha256).toBe("3f250add2b90eab4ae9912bea3f5ca372897cf78bc2ff2c78ca473bb2da31ee7");
    expect(doc).toContain(canonicalJson(verified.payload));
  });
});

describe("exchange.jwkThumbprint", () => {
  it("gives RFC 8037's example key (Appendix A.1) the thumbprint RFC 8037 Appendix A.3 publishes", () => {
    expect(jwkThumbprint("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")).toBe("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
  });
});

describe("exchange.canonicalJson", () => {
  it("writes RFC 8785's number and string example as the RFC does", () => {
    const input = JSON.parse('{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}');
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it("sorts members by UTF-16 code units, as RFC 8785's sorting example", () => {
    const input = JSON.parse('{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}');
    // Read from the text: parsing it again would put the integer-like name "1" first.
    const order = [...canonicalJson(input).matchAll(/:"([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"]);
  });
});
