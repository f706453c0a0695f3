import BetterSqlite3 from "better-sqlite3";
import { loadPg } from "../db/pg.ts";
import { GENESIS_HASH, payloadSql, sha256Hex } from "./audit.hash.ts";

/**
 * Why a chain fails: the first three are found by walking it; the others by holding it against
 * signed checkpoints (audit.checkpoint-verify.ts).
 */
export type BreakReason =
  | "hash_mismatch"
  | "prev_hash_mismatch"
  | "seq_gap"
  | "truncated_below_checkpoint"
  | "checkpoint_mismatch"
  | "checkpoint_bad_signature";

export interface ChainBreak {
  seq: number;
  reason: BreakReason;
  expected: string;
  found: string;
}

/** A stretch of one organisation's chain, `from`..`to` inclusive. */
export interface LedgerRange {
  orgId: string;
  from: number;
  to: number;
}

export interface RangeResult extends LedgerRange {
  entries: number;
  /** The first sequence number present in the range, if any (lets a gap at a boundary name it). */
  firstSeq?: number;
  lastSeq: number;
  lastHash: string;
  firstBreak?: ChainBreak;
}

/** Where a thread reads the ledger from. */
export type LedgerSource = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

/** A row as the verifier reads it: `[seq, prev_hash, hash, payload]`. */
export type VerifyRow = [number | string, string, string, string];

/** The select list producing {@link VerifyRow}s. */
export function verifyColumns(dialect: "sqlite" | "postgres"): string {
  return `seq, prev_hash, hash, ${payloadSql(dialect)}`;
}
const SEQ = 0;
const PREV = 1;
const HASH = 2;
const PAYLOAD = 3;

/**
 * Checks one range row by row. It is fed the row before the range too (when there is one), whose
 * hash the first entry must name; that row itself belongs to, and is checked by, the range before.
 * Ranges are independent, which is what lets several threads walk one chain at once.
 */
export class RangeVerifier {
  readonly result: RangeResult;
  #expected: number;
  #prev: string | undefined;

  constructor(range: LedgerRange) {
    this.result = { ...range, entries: 0, lastSeq: range.from - 1, lastHash: "" };
    this.#expected = range.from;
    this.#prev = range.from === 1 ? GENESIS_HASH : undefined;
  }

  push(row: unknown[]): void {
    const seq = Number(row[SEQ]);
    const hash = row[HASH] as string;
    if (seq === this.result.from - 1) {
      this.#prev = hash;
      return;
    }
    this.result.entries += 1;
    this.result.firstSeq ??= seq;
    if (this.result.firstBreak) return;
    let broken: ChainBreak | undefined;
    if (seq !== this.#expected) {
      broken = { seq: this.#expected, reason: "seq_gap", expected: String(this.#expected), found: String(seq) };
    } else if (this.#prev !== undefined && row[PREV] !== this.#prev) {
      broken = { seq, reason: "prev_hash_mismatch", expected: this.#prev, found: String(row[PREV]) };
    } else {
      const recomputed = sha256Hex(row[PAYLOAD] as string);
      if (recomputed !== hash) broken = { seq, reason: "hash_mismatch", expected: recomputed, found: hash };
    }
    if (broken) {
      this.result.firstBreak = broken;
      return;
    }
    this.#prev = hash;
    this.#expected = seq + 1;
    this.result.lastSeq = seq;
    this.result.lastHash = hash;
  }

  finish(): RangeResult {
    if (!this.result.firstBreak && this.#expected <= this.result.to) {
      const missing = this.#expected;
      this.result.firstBreak = { seq: missing, reason: "seq_gap", expected: String(missing), found: "missing" };
    }
    return this.result;
  }
}

const PG_BATCH = 20_000;

/**
 * Hands out ranges to whichever thread asks next, through a counter in shared memory: a thread
 * that starts late (workers load the TypeScript first) or runs slower simply takes fewer.
 */
export function claimer(ranges: LedgerRange[], counter: Int32Array): Iterable<LedgerRange> {
  return {
    *[Symbol.iterator]() {
      for (;;) {
        const i = Atomics.add(counter, 0, 1);
        if (i >= ranges.length) return;
        yield ranges[i]!;
      }
    },
  };
}

/** Verifies ranges reading from `source` with a connection of this thread's own. */
export async function verifyRanges(source: LedgerSource, ranges: Iterable<LedgerRange>): Promise<RangeResult[]> {
  const results: RangeResult[] = [];
  if (source.kind === "sqlite") {
    const db = new BetterSqlite3(source.file, { readonly: true, fileMustExist: true });
    // Memory-mapped reads: a walk touches every page once, and copying each through read() cost
    // a measurable share of the time on a million-entry ledger.
    db.pragma("mmap_size = 4294967296");
    try {
      const stmt = db
        .prepare(`select ${verifyColumns("sqlite")} from audit_log where org_id = ? and seq >= ? and seq <= ? order by seq`)
        .raw(true);
      for (const r of ranges) {
        const v = new RangeVerifier(r);
        for (const row of stmt.iterate(r.orgId, Math.max(1, r.from - 1), r.to) as Iterable<unknown[]>) v.push(row);
        results.push(v.finish());
      }
    } finally {
      db.close();
    }
    return results;
  }
  const client = new (loadPg().Client)({ connectionString: source.url });
  await client.connect();
  try {
    for (const r of ranges) {
      const v = new RangeVerifier(r);
      let next = Math.max(1, r.from - 1);
      for (;;) {
        const res = await client.query<unknown[]>({
          text: `select ${verifyColumns("postgres")} from audit_log where org_id = $1 and seq >= $2 and seq <= $3 order by seq limit ${PG_BATCH}`,
          values: [r.orgId, next, r.to],
          rowMode: "array",
        });
        for (const row of res.rows) v.push(row);
        if (res.rows.length < PG_BATCH) break;
        next = Number(res.rows.at(-1)![SEQ]) + 1;
      }
      results.push(v.finish());
    }
  } finally {
    await client.end();
  }
  return results;
}
