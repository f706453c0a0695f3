import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/databases.ts";
import { checkpointPayload, signatureProblem, signCheckpoint } from "./audit.checkpoint.ts";
import { ensureSigningKey, keysDir, listPublicKeys, parsePublicKey, publicKeyPem, rotateSigningKey, trustedKeys } from "./audit.keys.ts";

const mode = (p: string) => fs.statSync(p).mode & 0o777;
const head = { org: "org_test", seq: 7, hash: "ab".repeat(32) };

describe("audit signing keys", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = path.join(tempDir(), "data");
  });
  afterEach(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  it.skipIf(process.platform === "win32")("creates the key folder 0700 and every key file 0600, even under a lax umask", () => {
    const before = process.umask(0o000);
    try {
      const key = ensureSigningKey(dataDir);
      expect(mode(keysDir(dataDir))).toBe(0o700);
      expect(mode(path.join(keysDir(dataDir), `${key.keyId}.key`))).toBe(0o600);
      expect(mode(path.join(keysDir(dataDir), "keys.json"))).toBe(0o600);
    } finally {
      process.umask(before);
    }
  });

  it("creates the key once and loads it afterwards", () => {
    const first = ensureSigningKey(dataDir);
    const again = ensureSigningKey(dataDir);
    expect(again.keyId).toBe(first.keyId);
    expect(listPublicKeys(dataDir)).toEqual([first.info]);
    expect(first.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it("rotates: old checkpoints still verify, the old private key is gone, and it cannot sign after retirement", () => {
    const old = ensureSigningKey(dataDir);
    const early = signCheckpoint(old, head, new Date(Date.now() - 1000).toISOString());
    const { retired, active } = rotateSigningKey(dataDir);
    expect(retired?.keyId).toBe(old.keyId);
    expect(fs.existsSync(path.join(keysDir(dataDir), `${old.keyId}.key`))).toBe(false);
    expect(ensureSigningKey(dataDir).keyId).toBe(active.keyId);
    const keys = new Map(trustedKeys(listPublicKeys(dataDir)).map((k) => [k.keyId, k]));
    expect(keys.size).toBe(2);
    expect(signatureProblem(early, keys)).toBeNull();
    const late = signCheckpoint(old, head, new Date(Date.now() + 60_000).toISOString());
    expect(signatureProblem(late, keys)).toMatch(/after it was retired/);
    expect(signatureProblem(signCheckpoint(ensureSigningKey(dataDir), head, new Date().toISOString()), keys)).toBeNull();
  });

  it("reads a public key given as PEM or as base64 to the same key id", () => {
    const key = ensureSigningKey(dataDir);
    expect(parsePublicKey(publicKeyPem(key.info)).keyId).toBe(key.keyId);
    expect(parsePublicKey(key.info.publicKey).keyId).toBe(key.keyId);
    expect(() => parsePublicKey("bm90IGEga2V5")).toThrow(/32 bytes/);
  });

  it("signs a payload any Ed25519 tool verifies (openssl, when installed)", async () => {
    const { spawnSync } = await import("node:child_process");
    if (spawnSync("openssl", ["version"]).status !== 0) return;
    const key = ensureSigningKey(dataDir);
    const c = signCheckpoint(key, head, "2026-12-05T01:00:00.000Z");
    const dir = path.dirname(dataDir);
    fs.writeFileSync(path.join(dir, "payload"), checkpointPayload(c));
    fs.writeFileSync(path.join(dir, "sig"), Buffer.from(c.signature, "base64"));
    fs.writeFileSync(path.join(dir, "pub.pem"), publicKeyPem(key.info));
    const args = ["pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "payload", "-sigfile", "sig"];
    const ok = spawnSync("openssl", args, { cwd: dir, encoding: "utf8" });
    expect(ok.stdout).toMatch(/Signature Verified Successfully/);
    fs.writeFileSync(path.join(dir, "payload"), checkpointPayload({ ...c, seq: 8 }));
    expect(spawnSync("openssl", args, { cwd: dir, encoding: "utf8" }).status).not.toBe(0);
  });
});
