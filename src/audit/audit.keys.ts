import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { nowIso } from "../platform/time.ts";

/** A public key the instance signs, or once signed, checkpoints with. */
export interface PublicKeyInfo {
  /** First 16 hex digits of the SHA-256 of the raw 32-byte public key. */
  keyId: string;
  /** The raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  createdAt: string;
  /** Set when the key was rotated out: checkpoints it signs after this time are refused. */
  retiredAt?: string;
}

/** The instance's signing key: the private half never leaves the data folder's key folder. */
export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  info: PublicKeyInfo;
}

/** A key a verifier accepts signatures from. */
export interface TrustedKey {
  keyId: string;
  key: KeyObject;
  retiredAt?: string | undefined;
}

/** `keys.json`: every key the instance has had, and which one signs now. */
interface KeyRing {
  active: string;
  keys: PublicKeyInfo[];
}

/** The key folder, `<data folder>/audit-keys` (mode 0700; private keys 0600). */
export function keysDir(dataDir: string): string {
  return path.join(dataDir, "audit-keys");
}

const ringFile = (dataDir: string) => path.join(keysDir(dataDir), "keys.json");
const privateFile = (dataDir: string, keyId: string) => path.join(keysDir(dataDir), `${keyId}.key`);

export function rawPublicKey(key: KeyObject): Buffer {
  const x = key.export({ format: "jwk" }).x;
  if (!x || key.asymmetricKeyType !== "ed25519") throw new Error("not an Ed25519 key");
  return Buffer.from(x, "base64url");
}

export function keyIdOf(raw: Buffer): string {
  return createHash("sha256").update(raw).digest("hex").slice(0, 16);
}

export function publicKeyFromRaw(base64: string): KeyObject {
  const raw = Buffer.from(base64, "base64");
  if (raw.length !== 32) throw new Error("an Ed25519 public key is 32 bytes");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
}

/** A key given by an auditor: an SPKI PEM (`-----BEGIN PUBLIC KEY-----`) or the raw 32 bytes in base64. */
export function parsePublicKey(text: string): TrustedKey {
  const trimmed = text.trim();
  const key = trimmed.startsWith("-----BEGIN") ? createPublicKey(trimmed) : publicKeyFromRaw(trimmed);
  return { keyId: keyIdOf(rawPublicKey(key)), key };
}

export function publicKeyPem(info: PublicKeyInfo): string {
  return publicKeyFromRaw(info.publicKey).export({ format: "pem", type: "spki" }).toString();
}

export function trustedKeys(infos: readonly PublicKeyInfo[]): TrustedKey[] {
  return infos.map((i) => ({ keyId: i.keyId, key: publicKeyFromRaw(i.publicKey), retiredAt: i.retiredAt }));
}

function readRing(dataDir: string): KeyRing | undefined {
  try {
    return JSON.parse(fs.readFileSync(ringFile(dataDir), "utf8")) as KeyRing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/** Every key the instance has signed with, oldest first; empty when it has none yet. */
export function listPublicKeys(dataDir: string): PublicKeyInfo[] {
  return readRing(dataDir)?.keys ?? [];
}

/** Makes the key folder 0700 even where the umask or an older folder says otherwise. */
function ensureKeysDir(dataDir: string): void {
  fs.mkdirSync(keysDir(dataDir), { recursive: true, mode: 0o700 });
  fs.chmodSync(keysDir(dataDir), 0o700);
}

/** Writes a new key pair's private half (0600, never overwriting) and returns its public description. */
function newKeyPair(dataDir: string): { info: PublicKeyInfo; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = rawPublicKey(publicKey);
  const info: PublicKeyInfo = { keyId: keyIdOf(raw), publicKey: raw.toString("base64"), createdAt: nowIso() };
  const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  writeDurably(privateFile(dataDir, info.keyId), pem, "wx");
  return { info, privateKey };
}

/** Writes a file with mode 0600 and flushes it (and its folder) to disk. */
function writeDurably(file: string, text: string, flag: "wx" | "w"): void {
  const fd = fs.openSync(file, flag, 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(file, 0o600);
  fsyncDir(path.dirname(file));
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
    /* not supported on every platform (Windows); the files themselves were flushed */
  }
}

/** Replaces `keys.json` atomically: a reader sees the old ring or the new one, never half of one. */
function replaceRing(dataDir: string, ring: KeyRing): void {
  const tmp = `${ringFile(dataDir)}.${randomBytes(4).toString("hex")}.tmp`;
  writeDurably(tmp, `${JSON.stringify(ring, null, 2)}\n`, "wx");
  fs.renameSync(tmp, ringFile(dataDir));
  fsyncDir(keysDir(dataDir));
}

function loadActive(dataDir: string, ring: KeyRing): SigningKey {
  const info = ring.keys.find((k) => k.keyId === ring.active);
  if (!info) throw new Error(`${ringFile(dataDir)} names active key ${ring.active} but does not list it`);
  const privateKey = createPrivateKey(fs.readFileSync(privateFile(dataDir, info.keyId), "utf8"));
  return { keyId: info.keyId, privateKey, info };
}

/**
 * The instance's active signing key, created on first use (the server calls this at start). Two
 * processes starting at once agree on one key: `keys.json` is created exclusively, and the loser
 * discards its own key pair and loads the winner's.
 */
export function ensureSigningKey(dataDir: string): SigningKey {
  const ring = readRing(dataDir);
  if (ring) return loadActive(dataDir, ring);
  ensureKeysDir(dataDir);
  const { info, privateKey } = newKeyPair(dataDir);
  try {
    writeDurably(ringFile(dataDir), `${JSON.stringify({ active: info.keyId, keys: [info] } satisfies KeyRing, null, 2)}\n`, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    fs.rmSync(privateFile(dataDir, info.keyId), { force: true });
    return loadActive(dataDir, readRing(dataDir)!);
  }
  return { keyId: info.keyId, privateKey, info };
}

/**
 * Replaces the signing key: a new pair becomes active, the old public key stays in `keys.json`
 * (marked retired) so checkpoints it signed still verify, and the old private key is deleted so
 * nothing can sign with it again — rotation is what one does when a key may have leaked.
 */
export function rotateSigningKey(dataDir: string): { retired: PublicKeyInfo | undefined; active: PublicKeyInfo } {
  const ring = readRing(dataDir);
  if (!ring) return { retired: undefined, active: ensureSigningKey(dataDir).info };
  ensureKeysDir(dataDir);
  const { info } = newKeyPair(dataDir);
  const now = nowIso();
  const old = ring.keys.find((k) => k.keyId === ring.active);
  const keys = ring.keys.map((k) => (k.keyId === ring.active ? { ...k, retiredAt: now } : k));
  replaceRing(dataDir, { active: info.keyId, keys: [...keys, info] });
  if (old) fs.rmSync(privateFile(dataDir, old.keyId), { force: true });
  return { retired: old && { ...old, retiredAt: now }, active: info };
}
