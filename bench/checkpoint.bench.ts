import { randomUUID } from "node:crypto";
import { createCheckpoints } from "../src/audit/audit.checkpoint.service.ts";
import { signCheckpoint } from "../src/audit/audit.checkpoint.ts";
import { verifyWithCheckpoints } from "../src/audit/audit.checkpoint-verify.ts";
import { ensureSigningKey } from "../src/audit/audit.keys.ts";
import { appendAudit, type AuditEvent } from "../src/audit/audit.store.ts";
import { verifyLedger } from "../src/audit/audit.verify.ts";
import type { Db } from "../src/db/connect.ts";
import { newId } from "../src/platform/ids.ts";
import { nowIso } from "../src/platform/time.ts";
import { openBenchDb, pgUrl } from "./lib/db.ts";
import { CLI, run } from "./lib/proc.ts";
import { figure, progress, type BenchResult, type Figure } from "./lib/report.ts";
import { max, median, min } from "./lib/stats.ts";

const ORGS = Number(process.env.MUSUBI_BENCH_CHECKPOINT_ORGS ?? 1_000);
const SIGN_RUNS = Number(process.env.MUSUBI_BENCH_CHECKPOINT_RUNS ?? 5);
const ENTRIES = Number(process.env.MUSUBI_BENCH_CHECKPOINT_ENTRIES ?? 1_000_000);
/** One checkpoint of the big organisation per this many entries: 100 over a million. */
const CHECKPOINT_EVERY = Number(process.env.MUSUBI_BENCH_CHECKPOINT_EVERY ?? 10_000);
const VERIFY_RUNS = Number(process.env.MUSUBI_BENCH_VERIFY_RUNS ?? 3);
const IN_PROCESS_RUNS = Number(process.env.MUSUBI_BENCH_VERIFY_IN_PROCESS_RUNS ?? 3);
/** One organisation in this many has a witness webhook subscribed to `audit.checkpoint`. */
const WITNESS_ONE_IN = 10;
const BATCH = 1_000;

function events(orgs: readonly string[], from: number, n: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (const orgId of orgs) {
    for (let i = from; i < from + n; i++) {
      const id = `dep_bench${String(i % 5000).padStart(16, "0")}`;
      out.push({
        orgId,
        actor: { type: "token", id: "tok_bench", label: "admin@bench.test (token bench)" },
        action: "department.updated",
        entityType: "department",
        entityId: id,
        before: { id, code: `D${i % 5000}`, nameJa: `部署 ${i - 1}`, version: i },
        after: { id, code: `D${i % 5000}`, nameJa: `部署 ${i}`, version: i + 1 },
        requestId: `req-${i}`,
      });
    }
  }
  return out;
}

const append = (db: Db, evs: AuditEvent[]) => db.kysely.transaction().execute((trx) => appendAudit(trx, db.dialect, evs));

/** `n` organisations inserted directly (no admin user: password hashing would dominate the set-up). */
async function makeOrgs(db: Db, n: number, prefix: string): Promise<string[]> {
  const now = nowIso();
  const rows = Array.from({ length: n }, (_, i) => ({ id: newId("org"), slug: `${prefix}-${i}`, name_ja: `組織 ${i}`, name_en: `Org ${i}`, settings: "{}", created_at: now, updated_at: now, version: 1 }));
  for (let i = 0; i < rows.length; i += 100) await db.kysely.insertInto("organizations").values(rows.slice(i, i + 100)).execute();
  return rows.map((r) => r.id);
}

async function addWitnesses(db: Db, orgs: readonly string[]): Promise<number> {
  const now = nowIso();
  const rows = orgs
    .filter((_, i) => i % WITNESS_ONE_IN === 0)
    .map((org) => ({ id: newId("whk"), org_id: org, url: "https://witness.example/in", secret: `whsec_${randomUUID()}`, events: '["audit.checkpoint"]', active: 1, created_at: now, updated_at: now, version: 1 }));
  for (let i = 0; i < rows.length; i += 100) await db.kysely.insertInto("webhook_endpoints").values(rows.slice(i, i + 100)).execute();
  return rows.length;
}

/**
 * (1) `createCheckpoints` over 1,000 organisations whose heads all moved: read the heads, sign,
 * append to the file (fsync), record in each ledger and enqueue for witnesses, in one transaction.
 * (2) `musubi audit verify` over a ledger of a million entries held against every checkpoint.
 */
export async function checkpointBench(): Promise<BenchResult> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  if (pgUrl()) notes.push("SQLite only: the issue's checkpoint figures are for SQLite");
  const bdb = await openBenchDb("sqlite");
  try {
    const db = bdb.db;
    const orgs = await makeOrgs(db, ORGS, "cp");
    const witnesses = await addWitnesses(db, orgs);
    await append(db, events(orgs, 0, 3));

    const runs: number[] = [];
    let signed = 0;
    for (let r = 0; r < SIGN_RUNS; r++) {
      await append(db, events(orgs, 3 + r, 1)); // every head moves (not timed)
      const t0 = performance.now();
      const result = await createCheckpoints(db, bdb.dataDir);
      runs.push(performance.now() - t0);
      signed = result.signed.length;
      if (signed !== ORGS) throw new Error(`signed ${signed} checkpoints, expected ${ORGS}`);
    }
    // The signatures alone, for scale.
    const key = ensureSigningKey(bdb.dataDir);
    const t0 = performance.now();
    for (let i = 0; i < ORGS; i++) signCheckpoint(key, { org: orgs[i]!, seq: 5, hash: "ab".repeat(32) }, nowIso());
    const signOnly = performance.now() - t0;
    figures.push(
      figure({
        bench: "checkpoint",
        name: `createCheckpoints, ${ORGS} organisations' heads`,
        db: "sqlite",
        value: median(runs),
        unit: "ms",
        target: { op: "<", value: 1000 },
        detail: { runs: SIGN_RUNS, min: min(runs), max: max(runs), signaturesOnly: signOnly, witnessDeliveries: witnesses },
      }),
    );

    const [big] = await makeOrgs(db, 1, "big");
    for (let done = 0; done < ENTRIES; done += BATCH) {
      await append(db, events([big!], done, Math.min(BATCH, ENTRIES - done)));
      if ((done + BATCH) % CHECKPOINT_EVERY === 0) await createCheckpoints(db, bdb.dataDir, { orgId: big! });
      if ((done / BATCH) % 100 === 0) progress(`checkpoint bench: ${done.toLocaleString()} / ${ENTRIES.toLocaleString()} entries`);
    }

    // Walk alone and walk + checkpoints, alternately, so that other load weighs on both alike.
    const walkMs: number[] = [];
    const checkedMs: number[] = [];
    let checked: Awaited<ReturnType<typeof verifyWithCheckpoints>> | undefined;
    for (let i = 0; i < IN_PROCESS_RUNS; i++) {
      const t0 = performance.now();
      const walk = await verifyLedger(db);
      walkMs.push(performance.now() - t0);
      const t1 = performance.now();
      checked = await verifyWithCheckpoints(db, undefined, { dataDir: bdb.dataDir });
      checkedMs.push(performance.now() - t1);
      if (!walk.ok || !checked.ok) throw new Error("the benchmark ledger does not verify");
    }
    const inProcess = median(checkedMs);
    const entries = checked!.entries;
    const cps = checked!.checkpoints.checked;
    figures.push(
      figure({
        bench: "checkpoint",
        name: `verifyWithCheckpoints in-process, ${(entries / 1e6).toFixed(2)}M entries, ${cps} checkpoints`,
        db: "sqlite",
        value: inProcess,
        unit: "ms",
        target: { op: "<", value: 5000 },
        detail: { runs: IN_PROCESS_RUNS, min: min(checkedMs), max: max(checkedMs), walkOnlyMedian: median(walkMs), checkpointShare: inProcess - median(walkMs) },
      }),
    );

    await db.close();
    const cli: number[] = [];
    /** The verification itself as the CLI times it; the rest of the wall time is process start. */
    const inCli: number[] = [];
    for (let i = 0; i < VERIFY_RUNS; i++) {
      const r = await run(process.execPath, [CLI, "audit", "verify"], { MUSUBI_LOG_LEVEL: "warn", ...bdb.env });
      if (r.code !== 0 || !r.stdout.includes(`ledger verified: ${entries} entries`) || !r.stdout.includes(`${cps} checkpoint(s)`)) {
        throw new Error(`musubi audit verify failed (${r.code}): ${r.stdout.slice(-500)} ${r.stderr.slice(-500)}`);
      }
      cli.push(r.ms);
      inCli.push(Number(/, (\d+) ms$/m.exec(r.stdout)?.[1] ?? Number.NaN));
    }
    figures.push(
      figure({
        bench: "checkpoint",
        name: `musubi audit verify (CLI wall), ${(entries / 1e6).toFixed(2)}M entries, ${cps} checkpoints`,
        db: "sqlite",
        value: median(cli),
        unit: "ms",
        target: { op: "<", value: 5000 },
        detail: { runs: VERIFY_RUNS, min: min(cli), max: max(cli), verifyInCliMedian: median(inCli), startAndExit: median(cli) - median(inCli) },
      }),
    );
    return { bench: "checkpoint", figures, notes };
  } finally {
    await bdb.cleanup();
  }
}
