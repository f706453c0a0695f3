import { createHash, verify } from "node:crypto";
import { BUNDLE_FORMAT, sealPayload, type BundleHeader, type BundleSeal } from "./audit.bundle.ts";
import { parseCheckpoint, signatureProblem, type Checkpoint } from "./audit.checkpoint.ts";
import { GENESIS_HASH, HASHED_COLUMNS, hashValues } from "./audit.hash.ts";
import { trustedKeys, type PublicKeyInfo, type TrustedKey } from "./audit.keys.ts";
import { readLines } from "./audit.lines.ts";
import type { BreakReason } from "./audit.verify-range.ts";

export type BundleReason = BreakReason | "bundle_malformed" | "bundle_digest_mismatch" | "seal_bad_signature" | "seal_mismatch";

export interface BundleProblem {
  reason: BundleReason;
  /** The entry or checkpoint position, when the problem has one. */
  seq?: number;
  line: number;
  expected: string;
  found: string;
}

export interface BundleReport {
  ok: boolean;
  org: { id: string; slug: string } | null;
  range: BundleHeader["range"] | null;
  entries: number;
  firstSeq: number;
  lastSeq: number;
  checkpoints: { total: number; held: number; latest: { seq: number; time: string } | null };
  /** Entries after the latest checkpoint that holds: vouched for by the export's seal alone. */
  afterLastCheckpoint: number;
  /** Whose keys signatures were checked with: the auditor's (`--public-key`) or the bundle's own. */
  keys: { keyId: string; from: "given" | "bundle" }[];
  seal: { time: string; keyId: string } | null;
  problems: BundleProblem[];
}

/**
 * Verifies a bundle written by `musubi audit export` with no database: the seal's signature and
 * digest (so any byte changed, added or removed anywhere fails), the chain from the anchor to the
 * end (each hash recomputed, each link followed, no gaps), and each checkpoint's signature and its
 * match with the entry at its position. Keys are the bundle's own unless the auditor gives the
 * ones it trusts (`publicKeys`) — which it should: whoever can rewrite a bundle can also put a key
 * of their own in it. Streams the file, so a bundle of a million entries needs little memory.
 */
export function verifyBundle(file: string, publicKeys: readonly TrustedKey[] = []): BundleReport {
  const report: BundleReport = {
    ok: false,
    org: null,
    range: null,
    entries: 0,
    firstSeq: 0,
    lastSeq: 0,
    checkpoints: { total: 0, held: 0, latest: null },
    afterLastCheckpoint: 0,
    keys: [],
    seal: null,
    problems: [],
  };
  const problem = (p: BundleProblem) => report.problems.push(p);
  const digest = createHash("sha256");
  let header: BundleHeader | undefined;
  let keys = new Map<string, TrustedKey>();
  let seal: { value: BundleSeal; line: number } | undefined;
  const pending = new Map<number, { c: Checkpoint; line: number }[]>();
  let chainBroken = false;
  let prev = { seq: 0, hash: GENESIS_HASH };
  let phase: "checkpoints" | "entries" = "checkpoints";

  const hold = (c: Checkpoint, line: number, hash: string) => {
    if (c.hash !== hash) {
      problem({ reason: "checkpoint_mismatch", seq: c.seq, line, expected: c.hash, found: hash });
      return;
    }
    report.checkpoints.held++;
    if (!report.checkpoints.latest || report.checkpoints.latest.seq < c.seq) report.checkpoints.latest = { seq: c.seq, time: c.time };
  };

  for (const l of readLines(file)) {
    if (seal) {
      problem({ reason: "bundle_malformed", line: l.number, expected: "nothing after the seal", found: "another line" });
      break;
    }
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(l.bytes.toString("utf8")) as Record<string, unknown>;
      if (typeof value !== "object" || value === null) throw new Error("not an object");
    } catch (err) {
      problem({ reason: "bundle_malformed", line: l.number, expected: "a JSON object", found: (err as Error).message });
      return finish();
    }
    if (value.kind === "seal") {
      seal = { value: value as unknown as BundleSeal, line: l.number };
      continue;
    }
    digest.update(l.bytes);
    digest.update("\n");
    if (!header) {
      if (value.kind !== BUNDLE_FORMAT) {
        problem({ reason: "bundle_malformed", line: l.number, expected: `a ${BUNDLE_FORMAT} header`, found: String(value.kind) });
        return finish();
      }
      const why = headerProblem(value);
      if (why) {
        problem({ reason: "bundle_malformed", line: l.number, expected: `a ${BUNDLE_FORMAT} header`, found: why });
        return finish();
      }
      header = value as unknown as BundleHeader;
      report.org = header.org;
      report.range = header.range;
      const given = publicKeys.length > 0;
      const list = given ? [...publicKeys] : trustedKeys(header.publicKeys);
      keys = new Map(list.map((k) => [k.keyId, k]));
      report.keys = list.map((k) => ({ keyId: k.keyId, from: given ? "given" : "bundle" }));
      prev = { seq: header.anchor.seq, hash: header.anchor.hash };
      continue;
    }
    if (value.kind === "checkpoint" && phase === "checkpoints") {
      const { kind: _kind, ...rest } = value;
      let c: Checkpoint;
      try {
        c = parseCheckpoint(rest);
      } catch (err) {
        problem({ reason: "checkpoint_bad_signature", line: l.number, expected: "a checkpoint", found: `unreadable: ${(err as Error).message}` });
        continue;
      }
      report.checkpoints.total++;
      const why = c.org === header.org.id ? signatureProblem(c, keys) : `a checkpoint of another organisation (${c.org})`;
      if (why) problem({ reason: "checkpoint_bad_signature", seq: c.seq, line: l.number, expected: `a valid signature by key ${c.keyId}`, found: why });
      else if (c.seq === header.anchor.seq) hold(c, l.number, header.anchor.hash);
      else if (c.seq > header.anchor.seq) pending.set(c.seq, [...(pending.get(c.seq) ?? []), { c, line: l.number }]);
      continue;
    }
    if (value.kind !== "entry") {
      problem({ reason: "bundle_malformed", line: l.number, expected: phase === "checkpoints" ? "a checkpoint or an entry" : "an entry or the seal", found: String(value.kind) });
      continue;
    }
    phase = "entries";
    report.entries++;
    const seq = Number(value.seq);
    if (report.firstSeq === 0) report.firstSeq = seq;
    if (value.org_id !== header.org.id) {
      problem({ reason: "bundle_malformed", seq, line: l.number, expected: `an entry of ${header.org.id}`, found: String(value.org_id) });
      chainBroken = true;
    }
    if (chainBroken) continue;
    const recomputed = hashValues(HASHED_COLUMNS.map((c) => value[c] as unknown));
    let broken: BundleProblem | undefined;
    if (seq !== prev.seq + 1) broken = { reason: "seq_gap", seq: prev.seq + 1, line: l.number, expected: String(prev.seq + 1), found: String(seq) };
    else if (value.prev_hash !== prev.hash) broken = { reason: "prev_hash_mismatch", seq, line: l.number, expected: prev.hash, found: String(value.prev_hash) };
    else if (recomputed !== value.hash) broken = { reason: "hash_mismatch", seq, line: l.number, expected: recomputed, found: String(value.hash) };
    if (broken) {
      problem(broken);
      chainBroken = true;
      continue;
    }
    prev = { seq, hash: recomputed };
    report.lastSeq = seq;
    for (const p of pending.get(seq) ?? []) hold(p.c, p.line, recomputed);
    pending.delete(seq);
  }
  if (!header) {
    problem({ reason: "bundle_malformed", line: 1, expected: `a ${BUNDLE_FORMAT} header`, found: "an empty file" });
    return finish();
  }
  if (!chainBroken) {
    for (const [seq, list] of pending) {
      for (const p of list) problem({ reason: "truncated_below_checkpoint", seq, line: p.line, expected: `#${seq} ${p.c.hash} (checkpoint of ${p.c.time})`, found: `the bundle ends at #${prev.seq}` });
    }
  }
  checkSeal(header, prev);
  return finish();

  function checkSeal(h: BundleHeader, end: { seq: number; hash: string }) {
    if (!seal) {
      problem({ reason: "bundle_malformed", line: 0, expected: "a seal as the last line", found: "none" });
      return;
    }
    const s = seal.value;
    const line = seal.line;
    report.seal = { time: String(s.time), keyId: String(s.keyId) };
    const key = keys.get(String(s.keyId));
    const sig = Buffer.from(String(s.signature), "base64");
    let valid = false;
    try {
      valid = !!key && s.org === h.org.id && sig.length === 64 && verify(null, Buffer.from(sealPayload(s)), key.key, sig);
    } catch {
      valid = false;
    }
    if (!valid) problem({ reason: "seal_bad_signature", line, expected: `a valid signature by ${key ? `key ${s.keyId}` : "a trusted key"}`, found: key ? "a signature that does not verify" : `key ${String(s.keyId)}` });
    const computed = digest.digest("hex");
    if (s.digest !== computed) problem({ reason: "bundle_digest_mismatch", line, expected: String(s.digest), found: computed });
    if (s.anchor?.seq !== h.anchor.seq || s.anchor?.hash !== h.anchor.hash) {
      problem({ reason: "seal_mismatch", seq: h.anchor.seq, line, expected: `anchor #${s.anchor?.seq} ${s.anchor?.hash}`, found: `#${h.anchor.seq} ${h.anchor.hash}` });
    }
    if (!chainBroken && s.end?.seq > end.seq) {
      problem({ reason: "truncated_below_checkpoint", seq: s.end.seq, line, expected: `entries through #${s.end.seq} (the seal)`, found: `the bundle ends at #${end.seq}` });
    } else if (!chainBroken && (s.end?.seq !== end.seq || s.end?.hash !== end.hash)) {
      problem({ reason: "seal_mismatch", seq: end.seq, line, expected: `end #${s.end?.seq} ${s.end?.hash}`, found: `#${end.seq} ${end.hash}` });
    }
  }

  function finish(): BundleReport {
    const latest = report.checkpoints.latest?.seq ?? (header?.anchor.seq ?? 0);
    report.afterLastCheckpoint = Math.max(0, report.lastSeq - Math.max(latest, header?.anchor.seq ?? 0));
    report.ok = report.problems.length === 0;
    return report;
  }
}

/** What makes a header unusable, or null: the fields verification relies on, with their types. */
function headerProblem(v: Record<string, unknown>): string | null {
  const h = v as Partial<Record<keyof BundleHeader, unknown>>;
  const org = h.org as { id?: unknown } | undefined;
  const anchor = h.anchor as { seq?: unknown; hash?: unknown } | undefined;
  if (typeof org?.id !== "string") return "no org.id";
  if (!Number.isSafeInteger(anchor?.seq) || (anchor!.seq as number) < 0 || typeof anchor!.hash !== "string" || !/^[0-9a-f]{64}$/.test(anchor!.hash)) return "no valid anchor";
  if (!Array.isArray(h.publicKeys)) return "no publicKeys list";
  try {
    trustedKeys(h.publicKeys as PublicKeyInfo[]);
  } catch (err) {
    return `a public key that cannot be read: ${(err as Error).message}`;
  }
  return null;
}
