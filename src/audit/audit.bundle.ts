import { sign } from "node:crypto";
import type { AuditRow } from "../db/schema.ts";
import type { PublicKeyInfo, SigningKey } from "./audit.keys.ts";

/**
 * An export for auditors, as JSON lines in this order:
 *
 * 1. the header ({@link BundleHeader}): organisation, range, anchor, public keys;
 * 2. the organisation's checkpoints from the anchor to the end (`kind: "checkpoint"`);
 * 3. the entries, every column as stored (`kind: "entry"`), from the one after the anchor to the end;
 * 4. the seal ({@link BundleSeal}): a signature over the anchor, the end and the SHA-256 of every
 *    byte above it, so that any byte changed, added or removed fails.
 */
export const BUNDLE_FORMAT = "musubi-audit-bundle-v1";

export interface BundleHeader {
  kind: typeof BUNDLE_FORMAT;
  org: { id: string; slug: string };
  /** What was asked for (`from` ≤ ts < `to`) and the positions it came to. */
  range: { from: string | null; to: string | null; firstSeq: number; lastSeq: number };
  /** The entry before the range: its hash is what the first exported entry must name. */
  anchor: { seq: number; hash: string };
  /**
   * The last exported entry: past `range.lastSeq` up to the first checkpoint at or after it, so
   * that a checkpoint signed when those entries were new covers the whole range.
   */
  through: number;
  hashFormat: string;
  exportedAt: string;
  publicKeys: PublicKeyInfo[];
}

export type BundleEntry = { kind: "entry" } & AuditRow;

export interface BundleSeal {
  kind: "seal";
  org: string;
  anchor: { seq: number; hash: string };
  end: { seq: number; hash: string };
  /** SHA-256 (hex) of the bundle's bytes before the seal line. */
  digest: string;
  time: string;
  keyId: string;
  signature: string;
}

/**
 * The bytes the seal signs, in the checkpoint's style (one `name value` line each, `\n`-terminated):
 *
 * ```
 * musubi-audit-bundle-v1
 * org <organisation id>
 * anchor <seq> <hash>
 * end <seq> <hash>
 * digest <sha256 hex of the bundle before the seal line>
 * time <UTC ISO-8601>
 * key <key id>
 * ```
 */
export function sealPayload(s: Omit<BundleSeal, "kind" | "signature">): string {
  return `${BUNDLE_FORMAT}\norg ${s.org}\nanchor ${s.anchor.seq} ${s.anchor.hash}\nend ${s.end.seq} ${s.end.hash}\ndigest ${s.digest}\ntime ${s.time}\nkey ${s.keyId}\n`;
}

export function signSeal(key: SigningKey, s: Omit<BundleSeal, "kind" | "signature" | "keyId">): BundleSeal {
  const unsigned = { ...s, keyId: key.keyId };
  return { kind: "seal", ...unsigned, signature: sign(null, Buffer.from(sealPayload(unsigned)), key.privateKey).toString("base64") };
}
