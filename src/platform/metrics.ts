import { timingSafeEqual } from "node:crypto";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";

/**
 * The process's metrics in Prometheus's format (`GET /metrics`, issue 18): requests and their
 * latency per route, how long ledger appends and imports take, and — read from the database when
 * scraped — the outbox's backlog, the jobs in progress and the text index's queue. One registry
 * per process: one process is one server, whatever number of apps the tests make in it.
 */
export const registry = new Registry();

/** Latency buckets (seconds) for requests and ledger appends: from 1 ms to 10 s. */
const FAST = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

export const httpRequests = new Counter({ name: "musubi_http_requests_total", help: "API requests answered, by route (its pattern, never the ids in the path) and status", labelNames: ["method", "route", "status"] as const, registers: [registry] });
export const httpDuration = new Histogram({ name: "musubi_http_request_duration_seconds", help: "Time to answer an API request, by route", labelNames: ["method", "route"] as const, buckets: FAST, registers: [registry] });
export const ledgerAppend = new Histogram({ name: "musubi_ledger_append_seconds", help: "Time to append a change's ledger entries (on PostgreSQL with the commit they go in)", buckets: FAST, registers: [registry] });
export const importDuration = new Histogram({ name: "musubi_import_duration_seconds", help: "Time to write an import, from commit request to committed, by what it fills", labelNames: ["target"] as const, buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300], registers: [registry] });

/** The database the gauges read: the server's (the last one watched, for tests that open several). */
let watched: Db | undefined;

/**
 * Gauges read from the database when Prometheus scrapes (a few counts over small indexes): the
 * outbox's undelivered messages, import and report jobs in progress, and (PostgreSQL) records
 * waiting to be filed into the text index. Registered once per process, for the server's database;
 * `defaults` adds Node's own (CPU, memory, event loop delay, garbage collection).
 */
export function watchDatabase(db: Db, opts: { defaults?: boolean } = {}): void {
  const first = watched === undefined;
  watched = db;
  if (!first) return;
  if (opts.defaults) collectDefaultMetrics({ register: registry, prefix: "musubi_" });
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(watched!.kysely)).rows[0]?.n ?? 0);
  new Gauge({
    name: "musubi_outbox_backlog",
    help: "Notifications and signed messages waiting to be delivered (neither delivered nor given up)",
    registers: [registry],
    async collect() {
      this.set(await count(sql<{ n: number }>`select count(*) as n from outbox where status in ('pending', 'sending')`));
    },
  });
  new Gauge({
    name: "musubi_jobs_in_progress",
    help: "Background work in progress: imports being checked or written, report files being made",
    labelNames: ["kind"] as const,
    registers: [registry],
    async collect() {
      this.set({ kind: "import" }, await count(sql<{ n: number }>`select count(*) as n from import_jobs where status in ('validating', 'committing')`));
      this.set({ kind: "report" }, await count(sql<{ n: number }>`select count(*) as n from report_jobs where status in ('queued', 'running')`));
    },
  });
  new Gauge({
    name: "musubi_search_index_queue",
    help: "Records written and not yet filed into PostgreSQL's text index (found by search meanwhile, more slowly); 0 on SQLite, whose index is kept in the write",
    registers: [registry],
    async collect() {
      this.set(watched!.dialect === "postgres" ? await count(sql<{ n: number }>`select count(*) as n from search_pending`) : 0);
    },
  });
}

/** Whether a scrape carries the configured token (compared in constant time). */
export function scrapeAllowed(authorization: string | undefined, token: string): boolean {
  const given = Buffer.from(authorization?.startsWith("Bearer ") ? authorization.slice(7) : "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
