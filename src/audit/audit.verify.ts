import type { Db } from "../db/connect.ts";
import type { AuditRow } from "../db/schema.ts";
import { GENESIS_HASH, hashEntry } from "./audit.hash.ts";

export type BreakReason = "hash_mismatch" | "prev_hash_mismatch" | "seq_gap";

/** The state of one organisation's chain after a walk. */
export interface ChainReport {
  orgId: string;
  entries: number;
  headSeq: number;
  /** Record this value somewhere outside Musubi: it pins the whole history up to `headSeq`. */
  headHash: string;
  ok: boolean;
  firstBreak?: { seq: number; reason: BreakReason; expected: string; found: string };
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  chains: ChainReport[];
}

const BATCH = 20_000;

/**
 * Walks every chain (or one organisation's) from genesis and reports the first broken link in each:
 * a sequence gap (an entry removed), a `prev_hash` that does not name the previous entry
 * (entries reordered or spliced), or a `hash` that does not match the entry's content (edited).
 */
export async function verifyLedger(db: Db, orgId?: string): Promise<VerifyReport> {
  const chains = new Map<string, ChainReport & { prev: string }>();
  const visit = (row: AuditRow) => {
    let chain = chains.get(row.org_id);
    if (!chain) {
      chain = { orgId: row.org_id, entries: 0, headSeq: 0, headHash: GENESIS_HASH, ok: true, prev: GENESIS_HASH };
      chains.set(row.org_id, chain);
    }
    chain.entries += 1;
    if (!chain.ok) return;
    const expectedSeq = chain.headSeq + 1;
    let broken: ChainReport["firstBreak"];
    if (row.seq !== expectedSeq) {
      broken = { seq: row.seq, reason: "seq_gap", expected: String(expectedSeq), found: String(row.seq) };
    } else if (row.prev_hash !== chain.prev) {
      broken = { seq: row.seq, reason: "prev_hash_mismatch", expected: chain.prev, found: row.prev_hash };
    } else {
      const recomputed = hashEntry(row);
      if (recomputed !== row.hash) broken = { seq: row.seq, reason: "hash_mismatch", expected: recomputed, found: row.hash };
    }
    if (broken) {
      chain.ok = false;
      chain.firstBreak = broken;
      return;
    }
    chain.headSeq = row.seq;
    chain.headHash = row.hash;
    chain.prev = row.hash;
  };

  if (db.sqlite) {
    // The raw iterator streams rows without materialising a million objects at once.
    const stmt = db.sqlite.prepare(
      `select * from audit_log ${orgId ? "where org_id = ?" : ""} order by org_id, seq`,
    );
    for (const row of (orgId ? stmt.iterate(orgId) : stmt.iterate()) as Iterable<AuditRow>) visit(row);
  } else {
    let after: { org: string; seq: number } | undefined;
    for (;;) {
      let q = db.kysely.selectFrom("audit_log").selectAll();
      if (orgId) q = q.where("org_id", "=", orgId);
      if (after) {
        const { org, seq } = after;
        q = q.where((eb) => eb.or([eb("org_id", ">", org), eb.and([eb("org_id", "=", org), eb("seq", ">", seq)])]));
      }
      const rows = await q.orderBy("org_id").orderBy("seq").limit(BATCH).execute();
      for (const row of rows) visit(row);
      const last = rows.at(-1);
      if (!last || rows.length < BATCH) break;
      after = { org: last.org_id, seq: last.seq };
    }
  }

  const reports = [...chains.values()].map(({ prev: _prev, ...report }) => report);
  return {
    ok: reports.every((r) => r.ok),
    entries: reports.reduce((n, r) => n + r.entries, 0),
    chains: reports,
  };
}
