import { sign, verify } from "node:crypto";
import type { SigningKey, TrustedKey } from "./audit.keys.ts";

/** Tag that starts every signed checkpoint payload; a future change of format gets a new tag. */
export const CHECKPOINT_FORMAT = "musubi-checkpoint-v1";

/**
 * A signed statement that organisation `org`'s chain had `hash` at position `seq` at `time`. Any
 * later state of a sound chain still has that hash at that position, so a chain cut below `seq`
 * or rewritten (even re-hashed with the published algorithm) no longer matches.
 */
export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  org: string;
  seq: number;
  hash: string;
  time: string;
  keyId: string;
  /** Ed25519 signature of {@link checkpointPayload}, base64. */
  signature: string;
}

/** A chain's head as it is signed. */
export interface ChainHead {
  org: string;
  seq: number;
  hash: string;
}

/**
 * The bytes that are signed: UTF-8 text, one `name value` line each, each line ending in `\n`:
 *
 * ```
 * musubi-checkpoint-v1
 * org <organisation id>
 * seq <decimal>
 * hash <64 lower-case hex digits>
 * time <UTC ISO-8601 with milliseconds>
 * key <key id>
 * ```
 *
 * Fixed lines of validated values (no field may hold a space or a newline), so the text is
 * canonical and any Ed25519 tool (e.g. `openssl pkeyutl -verify -rawin`) checks a signature.
 */
export function checkpointPayload(c: Omit<Checkpoint, "format" | "signature">): string {
  return `${CHECKPOINT_FORMAT}\norg ${c.org}\nseq ${c.seq}\nhash ${c.hash}\ntime ${c.time}\nkey ${c.keyId}\n`;
}

export function signCheckpoint(key: SigningKey, head: ChainHead, time: string): Checkpoint {
  const unsigned = { org: head.org, seq: head.seq, hash: head.hash, time, keyId: key.keyId };
  const signature = sign(null, Buffer.from(checkpointPayload(unsigned)), key.privateKey).toString("base64");
  return { format: CHECKPOINT_FORMAT, ...unsigned, signature };
}

/**
 * Why a checkpoint's key refuses it before any cryptography, or null: the key is unknown, or was
 * retired before the checkpoint's time, or the signature is not 64 bytes.
 */
export function keyProblem(c: Checkpoint, keys: ReadonlyMap<string, TrustedKey>): string | null {
  const key = keys.get(c.keyId);
  if (!key) return `signed by unknown key ${c.keyId} (pass its public key with --public-key)`;
  if (key.retiredAt !== undefined && c.time > key.retiredAt) return `signed by key ${c.keyId} after it was retired at ${key.retiredAt}`;
  if (Buffer.from(c.signature, "base64").length !== 64) return "the signature is not 64 bytes";
  return null;
}

/**
 * Why a signature is not acceptable, or null when it is: signed by one of `keys`, by a key that was
 * not yet retired at the checkpoint's time, over exactly these values.
 */
export function signatureProblem(c: Checkpoint, keys: ReadonlyMap<string, TrustedKey>): string | null {
  const refused = keyProblem(c, keys);
  if (refused) return refused;
  const ok = verify(null, Buffer.from(checkpointPayload(c)), keys.get(c.keyId)!.key, Buffer.from(c.signature, "base64"));
  return ok ? null : `signature does not verify with key ${c.keyId}`;
}

const ORG = /^[A-Za-z0-9_-]{1,100}$/;
const HASH = /^[0-9a-f]{64}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const KEY_ID = /^[0-9a-f]{16}$/;
const BASE64 = /^[A-Za-z0-9+/]{86}==$/;

/** Reads one checkpoint, strictly: a value that could make the signed text ambiguous is refused. */
export function parseCheckpoint(value: unknown): Checkpoint {
  if (typeof value !== "object" || value === null) throw new Error("not a JSON object");
  const v = value as Record<string, unknown>;
  if (v.format !== CHECKPOINT_FORMAT) throw new Error(`format is not ${CHECKPOINT_FORMAT}`);
  if (typeof v.org !== "string" || !ORG.test(v.org)) throw new Error("org is not an organisation id");
  if (typeof v.seq !== "number" || !Number.isSafeInteger(v.seq) || v.seq < 1) throw new Error("seq is not a positive integer");
  if (typeof v.hash !== "string" || !HASH.test(v.hash)) throw new Error("hash is not 64 hex digits");
  if (typeof v.time !== "string" || !TIME.test(v.time)) throw new Error("time is not a UTC ISO-8601 timestamp");
  if (typeof v.keyId !== "string" || !KEY_ID.test(v.keyId)) throw new Error("keyId is not 16 hex digits");
  if (typeof v.signature !== "string" || !BASE64.test(v.signature)) throw new Error("signature is not 64 bytes of base64");
  return { format: CHECKPOINT_FORMAT, org: v.org, seq: v.seq, hash: v.hash, time: v.time, keyId: v.keyId, signature: v.signature };
}

/** A checkpoint as found in a file, or why a line of it could not be read. */
export type Found = { checkpoint: Checkpoint; line: number } | { error: string; line: number; org?: string };

/**
 * The checkpoints in a text someone kept: one JSON checkpoint, a JSON array of them, or JSON lines;
 * each may also be a webhook delivery body (the checkpoint is its `data.checkpoint`) or a ledger
 * entry's `after` (`checkpoint`), so a witness can hand over what it received as it is.
 */
export function checkpointsInText(text: string): Found[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  if (trimmed.startsWith("[")) {
    let list: unknown;
    try {
      list = JSON.parse(trimmed);
    } catch (err) {
      return [{ error: `not JSON: ${(err as Error).message}`, line: 1 }];
    }
    return (Array.isArray(list) ? list : [list]).map((v, i) => found(v, i + 1));
  }
  try {
    return [found(JSON.parse(trimmed), 1)];
  } catch {
    /* not one JSON value: JSON lines */
  }
  return text.split("\n").flatMap((line, i) => (line.trim() === "" ? [] : [checkpointInLine(line, i + 1)]));
}

/** One line of a JSON-lines checkpoint file. */
export function checkpointInLine(line: string, lineNo: number): Found {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { error: `not JSON: ${(err as Error).message}`, line: lineNo };
  }
  return found(value, lineNo);
}

function found(value: unknown, line: number): Found {
  const v = unwrap(value);
  try {
    return { checkpoint: parseCheckpoint(v), line };
  } catch (err) {
    const org = typeof v === "object" && v !== null && typeof (v as { org?: unknown }).org === "string" ? (v as { org: string }).org : undefined;
    return { error: (err as Error).message, line, ...(org !== undefined && ORG.test(org) && { org }) };
  }
}

function unwrap(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const v = value as { format?: unknown; checkpoint?: unknown; data?: { checkpoint?: unknown } };
  if (v.format === undefined && v.checkpoint !== undefined) return v.checkpoint;
  if (v.format === undefined && typeof v.data === "object" && v.data?.checkpoint !== undefined) return v.data.checkpoint;
  return value;
}
