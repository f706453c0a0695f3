import { verifyLedger } from "../src/audit/audit.verify.ts";
import { dialects, openBenchDb, pgUrl, PG_SKIPPED } from "./lib/db.ts";
import { closedLoop, keepAliveAgent, request } from "./lib/http.ts";
import { startServe } from "./lib/proc.ts";
import { figure, progress, type BenchResult, type Dialect, type Figure } from "./lib/report.ts";
import { seedDepartments } from "./lib/seed.ts";
import { percentile } from "./lib/stats.ts";

const WRITERS = 50;
const SECONDS = Number(process.env.MUSUBI_BENCH_LOAD_SECONDS ?? 10);

async function one(dialect: Dialect, figures: Figure[], notes: string[]): Promise<number> {
  const bdb = await openBenchDb(dialect);
  try {
    const { orgId, token } = await seedDepartments(bdb.db, 0);
    await bdb.db.close();
    const { url, server } = await startServe(bdb.env);
    const ids: string[] = [];
    let load;
    try {
      const agent = keepAliveAgent(WRITERS);
      progress(`write-load ${dialect}: ${WRITERS} writers for ${SECONDS} s`);
      load = await closedLoop(
        WRITERS,
        SECONDS,
        (w, i) => request(agent, `${url}/api/departments`, { method: "POST", token, json: { code: `W${w}-${i}`, nameJa: `部署 ${w}-${i}`, nameEn: `Department ${w}-${i}` } }),
        (a) => {
          if (a.status >= 200 && a.status < 300) ids.push((JSON.parse(a.body) as { id: string }).id);
        },
      );
      agent.destroy();
    } finally {
      await server.stop();
    }

    // Every 2xx must have exactly one `department.created` entry, and the chain must verify.
    const db = bdb.reopen();
    const rows = await db.kysely
      .selectFrom("audit_log")
      .select(["entity_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("org_id", "=", orgId)
      .where("action", "=", "department.created")
      .groupBy("entity_id")
      .execute();
    const entries = new Map(rows.map((r) => [r.entity_id, Number(r.n)]));
    const missing = ids.filter((id) => entries.get(id) !== 1).length;
    const answered = new Set(ids);
    const unanswered = rows.filter((r) => !answered.has(r.entity_id ?? "")).length;
    const report = await verifyLedger(db);
    const rate = ids.length / load.seconds;
    const detail = { creates: ids.length, seconds: load.seconds, p50: percentile(load.latencies, 50), max: percentile(load.latencies, 100) };
    figures.push(
      figure({ bench: "write-load", name: `POST /api/departments, ${WRITERS} writers`, db: dialect, value: rate, unit: "creates/s", target: { op: ">=", value: 500 }, detail }),
      figure({ bench: "write-load", name: "  errors (non-2xx or failed)", db: dialect, value: load.errors, unit: "", target: { op: "==", value: 0 } }),
      figure({ bench: "write-load", name: "  p99 latency", db: dialect, value: percentile(load.latencies, 99), unit: "ms" }),
      figure({ bench: "write-load", name: "  2xx without exactly one ledger entry", db: dialect, value: missing, unit: "", target: { op: "==", value: 0 }, detail: { entriesWithout2xx: unanswered } }),
      figure({ bench: "write-load", name: "  ledger verifies (1 = ok)", db: dialect, value: report.ok ? 1 : 0, unit: "", target: { op: "==", value: 1 }, detail: { entries: report.entries } }),
    );
    for (const e of load.errorSamples) notes.push(`${dialect} error sample: ${e}`);
    return rate;
  } finally {
    await bdb.cleanup();
  }
}

export async function writeLoadBench(): Promise<BenchResult> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const rates: Partial<Record<Dialect, number>> = {};
  for (const d of dialects()) rates[d] = await one(d, figures, notes);
  if (!pgUrl()) notes.push(PG_SKIPPED);
  if (rates.sqlite && rates.postgres) notes.push(`same run: PostgreSQL/SQLite create rate ${(rates.postgres / rates.sqlite).toFixed(2)}x`);
  return { bench: "write-load", figures, notes };
}
