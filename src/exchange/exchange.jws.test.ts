import { CompactSign, compactVerify } from "jose";
import { describe, expect, it } from "vitest";
import { openCompact, signCompact, verifySignature } from "./exchange.jws.ts";
import { EXCHANGE_ALG, MESSAGE_TYP } from "./exchange.schema.ts";
import { keyPair, refusal } from "./exchange.test-support.ts";

const body = { iss: "https://company.example/orgs/acme", note: "誤った与信判定", n: 42 };

/** Musubi signs and verifies compact JWS with node:crypto itself; these pin it to a general JOSE library, both ways. */
describe("compact JWS with Ed25519", () => {
  it("signs what jose verifies, with the exchange's header", async () => {
    const k = keyPair();
    const jws = await signCompact(k.privateKey, k.kid, MESSAGE_TYP, body);
    const { payload, protectedHeader } = await compactVerify(jws, k.publicKey, { algorithms: [EXCHANGE_ALG] });
    expect(protectedHeader).toEqual({ alg: EXCHANGE_ALG, kid: k.kid, typ: MESSAGE_TYP });
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(body);
  });

  it("verifies what jose signs, and refuses it altered, re-signed by another key or under another key's kid", async () => {
    const k = keyPair();
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(body))).setProtectedHeader({ alg: EXCHANGE_ALG, kid: k.kid, typ: MESSAGE_TYP }).sign(k.privateKey);
    const opened = openCompact(jws, MESSAGE_TYP, 100_000);
    expect(await verifySignature(jws, opened, () => k.publicKey)).toEqual({ retiredAt: null });

    const [h, , s] = jws.split(".") as [string, string, string];
    const altered = `${h}.${Buffer.from(JSON.stringify({ ...body, n: 43 })).toString("base64url")}.${s}`;
    expect(await refusal(verifySignature(altered, openCompact(altered, MESSAGE_TYP, 100_000), () => k.publicKey))).toMatchObject({ status: 401, code: "exchange_bad_signature" });

    const other = keyPair();
    const forged = await new CompactSign(new TextEncoder().encode(JSON.stringify(body))).setProtectedHeader({ alg: EXCHANGE_ALG, kid: k.kid, typ: MESSAGE_TYP }).sign(other.privateKey);
    expect(await refusal(verifySignature(forged, openCompact(forged, MESSAGE_TYP, 100_000), () => k.publicKey))).toMatchObject({ status: 401, code: "exchange_bad_signature" });
    // The resolver's key must be the one the kid names.
    expect(await refusal(verifySignature(jws, opened, () => other.publicKey))).toMatchObject({ status: 401, code: "exchange_unknown_key" });
  });

  it("refuses to sign with anything but an Ed25519 private key", async () => {
    const k = keyPair();
    await expect(signCompact(k.publicKey, k.kid, MESSAGE_TYP, body)).rejects.toThrow("not an Ed25519 private key");
  });
});
