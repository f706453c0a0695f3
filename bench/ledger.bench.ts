import { appendAudit, type AuditEvent } from "../src/audit/audit.store.ts";
import { verifyLedger } from "../src/audit/audit.verify.ts";
import { SYSTEM_ACTOR } from "../src/audit/audited.ts";
import type { Db } from "../src/db/connect.ts";
import { createOrganization } from "../src/orgs/orgs.service.ts";
import { dialects, openBenchDb, pgUrl, PG_SKIPPED } from "./lib/db.ts";
import { CLI, run } from "./lib/proc.ts";
import { figure, progress, type BenchResult, type Dialect, type Figure } from "./lib/report.ts";
import { max, median, min } from "./lib/stats.ts";

const ENTRIES = Number(process.env.MUSUBI_BENCH_LEDGER_ENTRIES ?? 1_000_000);
const BATCH = 1_000;
/**
 * CLI runs are the figure of record (they include process start); in-process runs show the walk
 * alone. PostgreSQL's walk takes ~25 s here, so it gets one CLI run by default to keep the total short.
 */
const VERIFY_RUNS = Number(process.env.MUSUBI_BENCH_VERIFY_RUNS ?? 3);
const PG_VERIFY_RUNS = Number(process.env.MUSUBI_BENCH_PG_VERIFY_RUNS ?? 1);
const IN_PROCESS_RUNS = Number(process.env.MUSUBI_BENCH_VERIFY_IN_PROCESS_RUNS ?? 1);

/** A realistic entry: a department rename by an API token, with the record before and after. */
function events(orgId: string, from: number, n: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (let i = from; i < from + n; i++) {
    const id = `dep_bench${String(i % 5000).padStart(16, "0")}`;
    const base = { id, code: `D${i % 5000}`, nameEn: `Department ${i % 5000}`, createdAt: "2026-11-22T00:00:00.000Z" };
    out.push({
      orgId,
      actor: { type: "token", id: "tok_bench", label: "admin@bench.test (token bench)" },
      action: "department.updated",
      entityType: "department",
      entityId: id,
      before: { ...base, nameJa: `部署 ${i - 1}`, version: i },
      after: { ...base, nameJa: `部署 ${i}`, version: i + 1 },
      requestId: `req-${i}`,
    });
  }
  return out;
}

/** Appends `total` entries in transactions of `batch`; returns per-batch rates and the overall rate. */
async function append(db: Db, orgId: string, total: number, batch: number) {
  const rates: number[] = [];
  let busyMs = 0;
  const started = performance.now();
  for (let done = 0; done < total; done += batch) {
    const evs = events(orgId, done, Math.min(batch, total - done));
    const t0 = performance.now();
    await db.kysely.transaction().execute((trx) => appendAudit(trx, db.dialect, evs));
    const ms = performance.now() - t0;
    busyMs += ms;
    rates.push(evs.length / (ms / 1000));
    if ((done / batch) % 100 === 0) progress(`${db.dialect}: ${done.toLocaleString()} / ${total.toLocaleString()} entries`);
  }
  // The rate over the first and the last tenth of the batches: does appending slow as the ledger grows?
  const tenth = Math.max(1, Math.floor(rates.length / 10));
  const rateOf = (rs: number[]) => rs.length / rs.reduce((s, r) => s + 1 / r, 0);
  return {
    rates,
    overall: total / (busyMs / 1000),
    firstTenth: rateOf(rates.slice(0, tenth)),
    lastTenth: rateOf(rates.slice(-tenth)),
    wallS: (performance.now() - started) / 1000,
  };
}

async function one(dialect: Dialect, figures: Figure[]): Promise<{ appendRate: number; cliMs: number }> {
  const bdb = await openBenchDb(dialect);
  try {
    const { org } = await createOrganization(bdb.db, SYSTEM_ACTOR, {
      slug: "bench",
      nameJa: "ベンチ株式会社",
      nameEn: "Bench Inc.",
      admin: { email: "admin@bench.test", displayName: "Admin", password: "bench password 1234" },
    });
    const a = await append(bdb.db, org.id, ENTRIES, BATCH);
    figures.push(
      figure({
        bench: "ledger",
        name: `append (transactions of ${BATCH})`,
        db: dialect,
        value: a.overall,
        unit: "entries/s",
        target: { op: ">=", value: 10_000 },
        detail: { entries: ENTRIES, batchMedian: median(a.rates), firstTenth: a.firstTenth, lastTenth: a.lastTenth, wallS: a.wallS },
      }),
    );

    const inProc: number[] = [];
    let entries = 0;
    for (let i = 0; i < IN_PROCESS_RUNS; i++) {
      const t0 = performance.now();
      const report = await verifyLedger(bdb.db);
      inProc.push(performance.now() - t0);
      if (!report.ok) throw new Error(`ledger does not verify on ${dialect}`);
      entries = report.entries;
    }
    figures.push(
      figure({
        bench: "ledger",
        name: `verifyLedger in-process, ${(entries / 1e6).toFixed(2)}M entries`,
        db: dialect,
        value: median(inProc),
        unit: "ms",
        target: { op: "<", value: 5000 },
        detail: { runs: IN_PROCESS_RUNS, min: min(inProc), max: max(inProc), entriesPerS: entries / (median(inProc) / 1000) },
      }),
    );

    await bdb.db.close(); // the CLI opens its own handle, as it would in production
    const cli: number[] = [];
    const cliRuns = dialect === "postgres" ? PG_VERIFY_RUNS : VERIFY_RUNS;
    for (let i = 0; i < cliRuns; i++) {
      const r = await run(process.execPath, [CLI, "audit", "verify"], { MUSUBI_LOG_LEVEL: "warn", ...bdb.env });
      if (r.code !== 0 || !r.stdout.includes(`ledger verified: ${entries} entries`)) {
        throw new Error(`musubi audit verify failed (${r.code}): ${r.stdout.slice(-500)} ${r.stderr.slice(-500)}`);
      }
      cli.push(r.ms);
    }
    figures.push(
      figure({
        bench: "ledger",
        name: `musubi audit verify (CLI wall), ${(entries / 1e6).toFixed(2)}M entries`,
        db: dialect,
        value: median(cli),
        unit: "ms",
        target: { op: "<", value: 5000 },
        detail: { runs: cliRuns, min: min(cli), max: max(cli), overInProcess: median(cli) / median(inProc) },
      }),
    );
    return { appendRate: a.overall, cliMs: median(cli) };
  } finally {
    await bdb.cleanup();
  }
}

export async function ledgerBench(): Promise<BenchResult> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const out: Partial<Record<Dialect, { appendRate: number; cliMs: number }>> = {};
  for (const d of dialects()) out[d] = await one(d, figures);
  if (!pgUrl()) notes.push(PG_SKIPPED);
  if (out.sqlite && out.postgres) {
    notes.push(
      `same run: PostgreSQL/SQLite append rate ${(out.postgres.appendRate / out.sqlite.appendRate).toFixed(2)}x, ` +
        `CLI verify time ${(out.postgres.cliMs / out.sqlite.cliMs).toFixed(2)}x`,
    );
  }
  return { bench: "ledger", figures, notes };
}
