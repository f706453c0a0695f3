import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../platform/errors.ts";

/**
 * The key that seals organisations' exchange private keys in the database (AES-256-GCM).
 *
 * Why not store them like the ledger's checkpoint key (a PEM file in `<data folder>/audit-keys/`)?
 * That key is one per instance; exchange keys are one per organisation, rotate per organisation,
 * must be the same on every application server sharing a PostgreSQL database, and must change in
 * the same transaction as the rows that name them. So they live in the database — but sealed, and
 * the sealing key lives where the audit key lives, protected the same way: its own folder in the
 * data folder (0700), one file (0600), flushed to disk, created exclusively on first use. A database
 * dump or a `musubi backup` therefore holds no usable private key, as it holds no audit key.
 */
export interface WrapKey {
  /** First 16 hex digits of the key's SHA-256: stored with each sealed key, so a wrong wrapping key is named, not guessed at. */
  id: string;
  key: Buffer;
}

/** `<data folder>/exchange-keys` (mode 0700): where the wrapping key lives. */
export function exchangeKeysDir(dataDir: string): string {
  return path.join(dataDir, "exchange-keys");
}

const wrapFile = (dataDir: string) => path.join(exchangeKeysDir(dataDir), "wrap.key");

function wrapKeyOf(key: Buffer): WrapKey {
  if (key.length !== 32) throw new Error("an exchange wrapping key is 32 bytes");
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 16), key };
}

function readWrapKey(file: string): WrapKey | undefined {
  try {
    return wrapKeyOf(Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64"));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/**
 * The instance's wrapping key, created on first use. Two processes starting at once agree on one:
 * the file is created exclusively, and the loser reads the winner's.
 */
export function ensureWrapKey(dataDir: string): WrapKey {
  const existing = readWrapKey(wrapFile(dataDir));
  if (existing) return existing;
  const dir = exchangeKeysDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const key = randomBytes(32);
  try {
    const fd = fs.openSync(wrapFile(dataDir), "wx", 0o600);
    try {
      fs.writeSync(fd, `${key.toString("base64")}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    return readWrapKey(wrapFile(dataDir))!;
  }
  fs.chmodSync(wrapFile(dataDir), 0o600);
  fsyncDir(dir);
  return wrapKeyOf(key);
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* not supported on every platform (Windows); the file itself was flushed */
  }
}

const SEALED = /^v1\.([0-9a-f]{16})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{22})$/;

/**
 * `v1.<wrap key id>.<iv>.<ciphertext>.<tag>` (base64url): AES-256-GCM of `plaintext` with `context`
 * as additional data. The context binds a sealed key to its row (organisation and kid), so a
 * sealed value copied into another organisation's row does not open.
 */
export function seal(wrap: WrapKey, plaintext: Buffer, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", wrap.key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return ["v1", wrap.id, iv.toString("base64url"), ciphertext.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/**
 * Opens what {@link seal} sealed with the same key and context; anything else is
 * `exchange_key_unavailable` (503: the server's configuration, not the caller, is at fault), with a
 * reason that names no key.
 */
export function unseal(wrap: WrapKey, sealed: string, context: string): Buffer {
  const m = SEALED.exec(sealed);
  if (!m) throw unavailable("sealed-value-unreadable");
  if (m[1] !== wrap.id) throw unavailable("wrapping-key-differs");
  try {
    const decipher = createDecipheriv("aes-256-gcm", wrap.key, Buffer.from(m[2]!, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(m[4]!, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(m[3]!, "base64url")), decipher.final()]);
  } catch {
    throw unavailable("sealed-value-does-not-open");
  }
}

function unavailable(reason: string): AppError {
  return new AppError(503, "exchange_key_unavailable", { reason });
}
