import fs from "node:fs";
import { verify } from "node:crypto";
import type { Db } from "../db/connect.ts";
import { GENESIS_HASH } from "./audit.hash.ts";
import { checkpointFile, readCheckpointFile } from "./audit.checkpoint-file.ts";
import { checkpointInLine, checkpointPayload, checkpointsInText, keyProblem, type Checkpoint, type Found } from "./audit.checkpoint.ts";
import { checkpointEntries } from "./audit.checkpoint.service.ts";
import { listPublicKeys, trustedKeys, type TrustedKey } from "./audit.keys.ts";
import { verifyLedger, type ChainReport, type VerifyReport } from "./audit.verify.ts";
import type { ChainBreak } from "./audit.verify-range.ts";

/** A checkpoint that does not hold, and where it came from. */
export interface CheckpointProblem extends ChainBreak {
  /** Absent when not even the organisation could be read. */
  orgId?: string;
  /** `ledger`, the instance's checkpoint file, or a file given with `--checkpoint`. */
  source: string;
  /** The line in a file, or the ledger entry that recorded the checkpoint. */
  at: string;
}

export interface CheckedChain extends ChainReport {
  /** The latest checkpoint the chain was held against and matches. */
  checkpoint?: { seq: number; time: string; keyId: string };
}

export interface CheckedReport extends VerifyReport {
  chains: CheckedChain[];
  checkpoints: {
    /** Distinct checkpoints held against the chains. */
    checked: number;
    sources: { name: string; checkpoints: number }[];
    problems: CheckpointProblem[];
  };
}

export interface CheckpointOptions {
  /** The data folder: the instance's checkpoint file and its public keys. */
  dataDir: string;
  /** Files of checkpoints kept elsewhere (a witness, an auditor). */
  files?: readonly string[];
  /**
   * Keys given by whoever verifies. Checkpoints from `files` must verify with one of these when
   * any are given (the auditor trusts the key it holds, not the instance's folder); the instance's
   * own checkpoints verify with the instance's keys or these.
   */
  publicKeys?: readonly TrustedKey[];
  /** Passed on to the chain walk (tests). */
  walk?: Parameters<typeof verifyLedger>[2];
}

/** A checkpoint from one place, with the keys it must verify with. */
interface Sourced {
  found: Found;
  source: string;
  at: string;
  keys: ReadonlyMap<string, TrustedKey>;
}

/**
 * Walks the chains (see {@link verifyLedger}), then holds each against every checkpoint it can
 * find: the instance's file, the ledger's own `audit.checkpoint` entries and any files given. A
 * checkpoint whose signature fails is `checkpoint_bad_signature`; a chain whose head is below a
 * checkpoint's position was cut (`truncated_below_checkpoint`); a chain whose entry at that position
 * has another hash was rewritten (`checkpoint_mismatch`) — which re-hashing every later entry with
 * the published algorithm cannot hide, because nobody without the signing key can sign the result.
 */
export async function verifyWithCheckpoints(db: Db, orgId: string | undefined, opts: CheckpointOptions): Promise<CheckedReport> {
  const report = await verifyLedger(db, orgId, opts.walk);
  const sources = await gatherCheckpoints(db, orgId, opts);
  return holdAgainst(db, report, sources, orgId);
}

async function gatherCheckpoints(db: Db, orgId: string | undefined, opts: CheckpointOptions): Promise<{ items: Sourced[]; counts: { name: string; checkpoints: number }[] }> {
  const given = opts.publicKeys ?? [];
  const instance = keyMap([...trustedKeys(listPublicKeys(opts.dataDir)), ...given]);
  const external = given.length ? keyMap(given) : instance;
  const items: Sourced[] = [];
  const counts: { name: string; checkpoints: number }[] = [];
  const add = (name: string, found: Found[], keys: ReadonlyMap<string, TrustedKey>, at: (f: Found) => string) => {
    counts.push({ name, checkpoints: found.filter((f) => "checkpoint" in f).length });
    for (const f of found) items.push({ found: f, source: name, at: at(f), keys });
  };
  const file = checkpointFile(opts.dataDir);
  add(file, readCheckpointFile(file, orgId), instance, (f) => `line ${f.line}`);
  add("ledger", await ledgerCheckpoints(db, orgId), instance, (f) => `entry #${f.line}`);
  for (const name of opts.files ?? []) {
    add(name, checkpointsInText(fs.readFileSync(name, "utf8")), external, (f) => `line ${f.line}`);
  }
  return { items, counts };
}

/** The checkpoints the ledger recorded about itself; `line` is the recording entry's seq. */
async function ledgerCheckpoints(db: Db, orgId: string | undefined): Promise<Found[]> {
  const orgs = orgId !== undefined ? [orgId] : (await db.kysely.selectFrom("organizations").select("id").orderBy("id").execute()).map((o) => o.id);
  const out: Found[] = [];
  for (let i = 0; i < orgs.length; i += 500) {
    const rows = await checkpointEntries(db.kysely, orgs.slice(i, i + 500)).execute();
    for (const r of rows) out.push(checkpointInLine(r.after_json ?? "null", Number(r.seq)));
  }
  return out;
}

function keyMap(keys: readonly TrustedKey[]): Map<string, TrustedKey> {
  return new Map(keys.map((k) => [k.keyId, k]));
}

async function holdAgainst(db: Db, report: VerifyReport, sources: { items: Sourced[]; counts: { name: string; checkpoints: number }[] }, orgId: string | undefined): Promise<CheckedReport> {
  const chains = new Map<string, CheckedChain>(report.chains.map((c) => [c.orgId, { ...c }]));
  const chainOf = (org: string) => {
    let c = chains.get(org);
    if (!c) chains.set(org, (c = { orgId: org, entries: 0, headSeq: 0, headHash: GENESIS_HASH, ok: true }));
    return c;
  };
  const problems: CheckpointProblem[] = [];
  const problem = (s: Sourced, orgId: string | undefined, b: ChainBreak) => problems.push({ ...(orgId !== undefined && { orgId }), ...b, source: s.source, at: s.at });

  // The same checkpoint kept in several places is checked once per set of keys it must verify with.
  const unique = new Map<string, Sourced & { checkpoint: Checkpoint; payload: string }>();
  for (const s of sources.items) {
    if ("error" in s.found) {
      if (orgId === undefined || s.found.org === orgId) problem(s, s.found.org, { seq: 0, reason: "checkpoint_bad_signature", expected: "a checkpoint", found: `unreadable: ${s.found.error}` });
      continue;
    }
    const c = s.found.checkpoint;
    if (orgId !== undefined && c.org !== orgId) continue;
    const payload = checkpointPayload(c);
    const id = `${keysId(s.keys)}\n${payload}${c.signature}`;
    if (!unique.has(id)) unique.set(id, { ...s, checkpoint: c, payload });
  }
  const all = [...unique.values()];
  const why = await signatureProblems(all);
  const held: (typeof all)[number][] = [];
  all.forEach((s, i) => {
    const c = s.checkpoint;
    if (why[i]) problem(s, c.org, { seq: c.seq, reason: "checkpoint_bad_signature", expected: `a valid signature by key ${c.keyId}`, found: why[i]! });
    else held.push(s);
  });

  const hashes = await hashesAt(db, held.map((s) => s.checkpoint).filter((c) => c.seq < chainOf(c.org).headSeq));
  for (const s of held) {
    const c = s.checkpoint;
    const chain = chainOf(c.org);
    if (c.seq > chain.headSeq) {
      // Past a broken link the chain says nothing; the break itself is already the report.
      if (chain.ok) problem(s, c.org, { seq: c.seq, reason: "truncated_below_checkpoint", expected: `#${c.seq} ${c.hash} (checkpoint of ${c.time})`, found: chain.headSeq === 0 ? "no entries" : `head #${chain.headSeq}` });
      continue;
    }
    const actual = c.seq === chain.headSeq ? chain.headHash : hashes.get(`${c.org}#${c.seq}`);
    if (actual !== c.hash) problem(s, c.org, { seq: c.seq, reason: "checkpoint_mismatch", expected: c.hash, found: actual ?? "missing" });
    else if (!chain.checkpoint || chain.checkpoint.seq < c.seq) chain.checkpoint = { seq: c.seq, time: c.time, keyId: c.keyId };
  }

  problems.sort((a, b) => a.seq - b.seq);
  for (const p of problems) {
    if (p.orgId === undefined) continue;
    const chain = chainOf(p.orgId);
    if (chain.ok) {
      chain.ok = false;
      const { seq, reason, expected, found } = p;
      chain.firstBreak = { seq, reason, expected, found };
    }
  }
  const list = [...chains.values()].filter((c) => c.entries > 0 || !c.ok);
  return {
    ...report,
    ok: list.every((c) => c.ok) && problems.every((p) => p.orgId !== undefined),
    chains: list,
    checkpoints: { checked: unique.size, sources: sources.counts, problems },
  };
}

const keySetIds = new WeakMap<ReadonlyMap<string, TrustedKey>, number>();
let nextKeySet = 0;
/** A number per set of keys, so a checkpoint is deduplicated only among those checked alike. */
function keysId(keys: ReadonlyMap<string, TrustedKey>): number {
  let id = keySetIds.get(keys);
  if (id === undefined) keySetIds.set(keys, (id = nextKeySet++));
  return id;
}

/**
 * Signature checks on libuv's thread pool, a batch at a time, so that on several cores they run in
 * parallel (each takes ~0.1 ms; a year of hourly checkpoints of one organisation is ~9,000).
 */
async function signatureProblems(items: readonly { checkpoint: Checkpoint; payload: string; keys: ReadonlyMap<string, TrustedKey> }[]): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for (let i = 0; i < items.length; i += 256) {
    const batch = items.slice(i, i + 256).map(async ({ checkpoint: c, payload, keys }) => {
      // Unknown or retired keys and malformed signatures need no cryptography to refuse.
      const refused = keyProblem(c, keys);
      if (refused) return refused;
      const sig = Buffer.from(c.signature, "base64");
      const ok = await new Promise<boolean>((resolve, reject) => verify(null, Buffer.from(payload), keys.get(c.keyId)!.key, sig, (err, valid) => (err ? reject(err) : resolve(valid))));
      return ok ? null : `signature does not verify with key ${c.keyId}`;
    });
    out.push(...(await Promise.all(batch)));
  }
  return out;
}

/** The hashes at the given positions, one query per organisation and 500 positions. */
async function hashesAt(db: Db, checkpoints: readonly Checkpoint[]): Promise<Map<string, string>> {
  const byOrg = new Map<string, number[]>();
  for (const c of checkpoints) {
    const seqs = byOrg.get(c.org);
    if (seqs) seqs.push(c.seq);
    else byOrg.set(c.org, [c.seq]);
  }
  const out = new Map<string, string>();
  for (const [org, seqs] of byOrg) {
    const distinct = [...new Set(seqs)];
    for (let i = 0; i < distinct.length; i += 500) {
      const rows = await db.kysely.selectFrom("audit_log").select(["seq", "hash"]).where("org_id", "=", org).where("seq", "in", distinct.slice(i, i + 500)).execute();
      for (const r of rows) out.set(`${org}#${Number(r.seq)}`, r.hash);
    }
  }
  return out;
}
