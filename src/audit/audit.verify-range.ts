import BetterSqlite3 from "better-sqlite3";
import { loadPg } from "../db/connect.ts";
import { GENESIS_HASH, HASHED_COLUMNS, hashValues } from "./audit.hash.ts";

export type BreakReason = "hash_mismatch" | "prev_hash_mismatch" | "seq_gap";

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

/** Columns as selected for verification: the hashed ones in payload order, then `hash`. */
export const VERIFY_COLUMNS = [...HASHED_COLUMNS, "hash"].join(", ");
const SEQ = HASHED_COLUMNS.indexOf("seq");
const PREV = HASHED_COLUMNS.indexOf("prev_hash");
const HASH = HASHED_COLUMNS.length;

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
      const recomputed = hashValues(row);
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

/** Verifies ranges reading from `source` with a connection of this thread's own. */
export async function verifyRanges(source: LedgerSource, ranges: LedgerRange[]): Promise<RangeResult[]> {
  const results: RangeResult[] = [];
  if (source.kind === "sqlite") {
    const db = new BetterSqlite3(source.file, { readonly: true, fileMustExist: true });
    try {
      const stmt = db
        .prepare(`select ${VERIFY_COLUMNS} from audit_log where org_id = ? and seq >= ? and seq <= ? order by seq`)
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
          text: `select ${VERIFY_COLUMNS} from audit_log where org_id = $1 and seq >= $2 and seq <= $3 order by seq limit ${PG_BATCH}`,
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
