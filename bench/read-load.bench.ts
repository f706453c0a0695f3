import { dialects, openBenchDb, pgUrl, PG_SKIPPED } from "./lib/db.ts";
import { keepAliveAgent, request } from "./lib/http.ts";
import { nodeLoad } from "./lib/node-load.ts";
import { startServe } from "./lib/proc.ts";
import { figure, progress, type BenchResult, type Dialect, type Figure } from "./lib/report.ts";
import { seedDepartments } from "./lib/seed.ts";
import { hasWrk, wrk, type WrkResult } from "./lib/wrk.ts";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.MUSUBI_BENCH_LOAD_SECONDS ?? 10);
const DEPARTMENTS = 250;

async function load(url: string, token: string, seconds: number): Promise<WrkResult> {
  return hasWrk() ? wrk(url, token, { connections: CONNECTIONS, seconds }) : nodeLoad(url, token, CONNECTIONS, seconds);
}

async function one(dialect: Dialect, figures: Figure[]): Promise<void> {
  const bdb = await openBenchDb(dialect);
  try {
    const { token } = await seedDepartments(bdb.db, DEPARTMENTS);
    await bdb.db.close();
    const { url, server } = await startServe(bdb.env);
    try {
      const target = `${url}/api/departments?limit=50`;
      const agent = keepAliveAgent(1);
      const check = await request(agent, target, { token });
      agent.destroy();
      const page = JSON.parse(check.body) as { items?: unknown[]; total?: number };
      if (check.status !== 200 || page.items?.length !== 50 || (page.total ?? 0) < DEPARTMENTS) {
        throw new Error(`GET ${target} answered ${check.status}: ${check.body.slice(0, 300)}`);
      }
      await load(target, token, 2); // warm-up: JIT, statement cache, connection pool
      progress(`read-load ${dialect}: ${SECONDS} s at ${CONNECTIONS} connections`);
      const r = await load(target, token, SECONDS);
      const detail = { p50: r.p50, p75: r.p75, p90: r.p90, max: r.maxMs, requests: r.requests, tool: hasWrk() ? "wrk" : "node" };
      figures.push(
        figure({ bench: "read-load", name: "GET /api/departments?limit=50, 50 conns", db: dialect, value: r.rps, unit: "req/s", target: { op: ">=", value: 3000 }, detail }),
        figure({ bench: "read-load", name: "  p99 latency", db: dialect, value: r.p99, unit: "ms", target: { op: "<", value: 30 } }),
        figure({ bench: "read-load", name: "  non-2xx + socket errors", db: dialect, value: r.non2xx + r.socketErrors, unit: "", target: { op: "==", value: 0 } }),
      );
    } finally {
      await server.stop();
    }
  } finally {
    await bdb.cleanup();
  }
}

export async function readLoadBench(): Promise<BenchResult> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  if (!hasWrk()) notes.push("wrk not found at /usr/bin/wrk: used the Node keep-alive load generator instead");
  for (const d of dialects()) await one(d, figures);
  if (!pgUrl()) notes.push(PG_SKIPPED);
  const [s, p] = [figures.find((f) => f.db === "sqlite" && f.unit === "req/s"), figures.find((f) => f.db === "postgres" && f.unit === "req/s")];
  if (s && p) notes.push(`same run: PostgreSQL/SQLite throughput ${(p.value / s.value).toFixed(2)}x`);
  return { bench: "read-load", figures, notes };
}
