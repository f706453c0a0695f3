import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Db } from "../db/connect.ts";
import { GENESIS_HASH, HASHED_COLUMNS, hashPayload } from "./audit.hash.ts";
import { workerScript } from "../platform/worker-entry.ts";
import {
  claimer,
  RangeVerifier,
  verifyRanges,
  type ChainBreak,
  type LedgerRange,
  type LedgerSource,
  type RangeResult,
} from "./audit.verify-range.ts";

export type { BreakReason } from "./audit.verify-range.ts";

/** The state of one organisation's chain after a walk. */
export interface ChainReport {
  orgId: string;
  entries: number;
  headSeq: number;
  /** Record this value somewhere outside Musubi: it pins the whole history up to `headSeq`. */
  headHash: string;
  ok: boolean;
  firstBreak?: ChainBreak;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  chains: ChainReport[];
  /** How many threads walked the ledger. */
  threads: number;
}

/** Below this many entries a walk takes well under a second and threads would only add start-up. */
const PARALLEL_FROM = 100_000;
/** Entries per claimed chunk: small enough to balance threads, large enough that claiming is free. */
const CHUNK = 20_000;

/**
 * Walks every chain (or one organisation's) from genesis and reports the first broken link in each:
 * a missing entry (`seq_gap`, naming the first missing number), a `prev_hash` that does not name the
 * previous entry (reordered, spliced or re-hashed), or a `hash` that does not match the entry's
 * content (edited). Large ledgers are cut into ranges walked by worker threads, one per core.
 */
export async function verifyLedger(
  db: Db,
  orgId?: string,
  opts: {
    threads?: number;
    /** false: walk the same ranges one after another on this thread (tests of the splitting). */
    workers?: boolean;
  } = {},
): Promise<VerifyReport> {
  const heads = await chainHeads(db, orgId);
  const total = heads.reduce((n, h) => n + h.head, 0);
  const threads =
    opts.threads ?? (db.connection && total >= PARALLEL_FROM ? Math.min(availableParallelism(), 8) : 1);
  const parallel = threads > 1 && db.connection !== undefined && opts.workers !== false;
  // Threads claim small chunks as they go; a single walk (or the splitting test) takes `threads` parts.
  const parts = parallel ? Math.max(threads, Math.ceil(total / CHUNK)) : threads;
  const ranges = splitRanges(heads, parts).flat();
  const results = parallel ? await verifyInThreads(db.connection!, ranges, threads) : await verifyHere(db, ranges);
  return combine(heads, results, threads);
}

async function chainHeads(db: Db, orgId?: string): Promise<{ orgId: string; head: number }[]> {
  let orgs = db.kysely.selectFrom("organizations").select("id").orderBy("id");
  if (orgId) orgs = orgs.where("id", "=", orgId);
  const ids = (await orgs.execute()).map((o) => o.id);
  const heads = [];
  for (const id of ids) {
    // One index seek per organisation: max(seq) on the (org_id, seq) primary key.
    const row = await db.kysely
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("seq").as("head"))
      .where("org_id", "=", id)
      .executeTakeFirst();
    heads.push({ orgId: id, head: Number(row?.head ?? 0) });
  }
  return heads;
}

/** Cuts the chains into `parts` groups of ranges with about the same number of entries each. */
function splitRanges(heads: { orgId: string; head: number }[], parts: number): LedgerRange[][] {
  const total = heads.reduce((n, h) => n + h.head, 0);
  const share = Math.max(1, Math.ceil(total / parts));
  const groups: LedgerRange[][] = [[]];
  let room = share;
  for (const { orgId, head } of heads) {
    let from = 1;
    while (from <= head) {
      const to = Math.min(head, from + room - 1);
      groups.at(-1)!.push({ orgId, from, to });
      room -= to - from + 1;
      from = to + 1;
      if (room === 0 && groups.length < parts) {
        groups.push([]);
        room = share;
      } else if (room === 0) room = share;
    }
  }
  return groups.filter((g) => g.length > 0);
}

async function verifyHere(db: Db, ranges: LedgerRange[]): Promise<RangeResult[]> {
  if (db.connection) return verifyRanges(db.connection, ranges);
  // An in-memory stand-in (PGlite in tests): read through Kysely on this thread.
  const results: RangeResult[] = [];
  for (const r of ranges) {
    const v = new RangeVerifier(r);
    const rows = await db.kysely
      .selectFrom("audit_log")
      .selectAll()
      .where("org_id", "=", r.orgId)
      .where("seq", ">=", Math.max(1, r.from - 1))
      .where("seq", "<=", r.to)
      .orderBy("seq")
      .execute();
    for (const row of rows) v.push([row.seq, row.prev_hash, row.hash, hashPayload(HASHED_COLUMNS.map((c) => row[c]))]);
    results.push(v.finish());
  }
  return results;
}

/** This thread and `threads - 1` workers claim chunks from one shared counter until none are left. */
async function verifyInThreads(source: LedgerSource, ranges: LedgerRange[], threads: number): Promise<RangeResult[]> {
  const shared = new SharedArrayBuffer(4);
  const script = await workerScript(new URL("./audit.verify.worker.ts", import.meta.url), new URL("./audit.verify.worker.mjs", import.meta.url));
  const workers = Array.from(
    { length: threads - 1 },
    () =>
      new Promise<RangeResult[]>((resolve, reject) => {
        const worker = new Worker(script, {
          workerData: { source, ranges, counter: shared },
        });
        worker.once("message", resolve);
        worker.once("error", reject);
        worker.once("exit", (code) => code !== 0 && reject(new Error(`ledger verification worker exited with ${code}`)));
      }),
  );
  const all = await Promise.all([verifyRanges(source, claimer(ranges, new Int32Array(shared))), ...workers]);
  return all.flat();
}

function combine(heads: { orgId: string; head: number }[], results: RangeResult[], threads: number): VerifyReport {
  const chains: ChainReport[] = heads.map(({ orgId }) => {
    const parts = results.filter((r) => r.orgId === orgId).sort((a, b) => a.from - b.from);
    const report: ChainReport = { orgId, entries: 0, headSeq: 0, headHash: GENESIS_HASH, ok: true };
    for (const [i, part] of parts.entries()) {
      report.entries += part.entries;
      if (!report.ok) continue;
      if (part.lastSeq >= part.from) {
        report.headSeq = part.lastSeq;
        report.headHash = part.lastHash;
      }
      if (part.firstBreak) {
        report.ok = false;
        report.firstBreak = { ...part.firstBreak };
        // A gap at the end of a range: the entry after it is the first one the following ranges hold.
        const next = parts.slice(i + 1).find((p) => p.firstSeq !== undefined)?.firstSeq;
        if (report.firstBreak.found === "missing" && next !== undefined) report.firstBreak.found = String(next);
      }
    }
    return report;
  });
  return {
    ok: chains.every((c) => c.ok),
    entries: chains.reduce((n, c) => n + c.entries, 0),
    chains: chains.filter((c) => c.entries > 0 || !c.ok),
    threads,
  };
}
