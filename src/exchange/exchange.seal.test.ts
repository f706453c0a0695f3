import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/databases.ts";
import { AppError } from "../platform/errors.ts";
import { ensureWrapKey, seal, unseal, type WrapKey } from "./exchange.seal.ts";

describe("exchange.seal", () => {
  let dir: string;
  let wrap: WrapKey;
  beforeEach(() => {
    dir = tempDir();
    wrap = ensureWrapKey(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const reason = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      return [(err as AppError).code, ((err as AppError).details as { reason: string }).reason];
    }
    throw new Error("expected a refusal");
  };

  it("opens what it sealed, with the same key and context, and never writes the plaintext", () => {
    const secret = randomBytes(48);
    const sealed = seal(wrap, secret, "musubi-exchange-key/1 org_a kid");
    expect(sealed).not.toContain(secret.toString("base64url"));
    expect(unseal(wrap, sealed, "musubi-exchange-key/1 org_a kid")).toEqual(secret);
    expect(seal(wrap, secret, "c")).not.toBe(seal(wrap, secret, "c"));
  });

  it("refuses another context, a tampered ciphertext, another wrapping key and a damaged value", () => {
    const sealed = seal(wrap, Buffer.from("private"), "org_a");
    expect(reason(() => unseal(wrap, sealed, "org_b"))).toEqual(["exchange_key_unavailable", "sealed-value-does-not-open"]);
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0]! ^= 1;
    parts[3] = flipped.toString("base64url");
    expect(reason(() => unseal(wrap, parts.join("."), "org_a"))).toEqual(["exchange_key_unavailable", "sealed-value-does-not-open"]);
    const other = ensureWrapKey(tempDir());
    expect(reason(() => unseal(other, sealed, "org_a"))).toEqual(["exchange_key_unavailable", "wrapping-key-differs"]);
    expect(reason(() => unseal(wrap, "v1.garbage", "org_a"))).toEqual(["exchange_key_unavailable", "sealed-value-unreadable"]);
  });

  it("reads back the wrapping key another process created", () => {
    expect(ensureWrapKey(dir)).toEqual(wrap);
    expect(wrap.key).toHaveLength(32);
    expect(wrap.id).toMatch(/^[0-9a-f]{16}$/);
  });
});
