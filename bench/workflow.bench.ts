// Issue 5's figures: similar-incident suggestion over 100,000 incidents (Japanese and English),
// the AIID snapshot import, and the risk heat map and "my tasks" with 1,000,000 tasks stored.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../src/app.ts";
import { SYSTEM_ACTOR } from "../src/audit/audited.ts";
import { issueToken } from "../src/auth/tokens.service.ts";
import { refreshPlannerStatistics } from "../src/db/maintenance.ts";
import { importAiid } from "../src/incidents/aiid.ts";
import { loadConfig } from "../src/platform/config.ts";
import { createDeps } from "../src/server.ts";
import { dataDir } from "../tools/library/common.ts";
import { dialects, openBenchDb } from "./lib/db.ts";
import { figure, progress, type BenchResult, type Figure } from "./lib/report.ts";
import { median, percentile } from "./lib/stats.ts";
import { seedWorkflow, similarQueries } from "./lib/workflow.seed.ts";

const TASKS = Number(process.env.MUSUBI_BENCH_TASKS ?? 1_000_000);
const INCIDENTS = Number(process.env.MUSUBI_BENCH_INCIDENTS ?? 100_000);
const RISKS = Number(process.env.MUSUBI_BENCH_RISKS ?? 20_000);
const USERS = Number(process.env.MUSUBI_BENCH_USERS ?? 2_000);
const AIID = join(dataDir(), "test-corpora", "aiid-snapshot-2025-03");

async function timed(n: number, run: () => Promise<void>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  return ms;
}

export async function workflowBench(): Promise<BenchResult> {
  const figures: Figure[] = [];
  const notes: string[] = [`seeded: ${TASKS.toLocaleString("en")} tasks, ${RISKS.toLocaleString("en")} risks, ${INCIDENTS.toLocaleString("en")} incidents, ${USERS.toLocaleString("en")} users in one organisation; requests go through the whole app in-process (routing, authentication, validation, JSON), page cache off`];
  for (const dialect of dialects()) {
    const b = await openBenchDb(dialect);
    try {
      const t0 = performance.now();
      const seed = await seedWorkflow(b.db, { users: USERS, tasks: TASKS, risks: RISKS, incidents: INCIDENTS }, (what) => progress(`${dialect}: seeded ${what}`));
      notes.push(`${dialect}: seeding took ${Math.round((performance.now() - t0) / 1000)} s`);
      // What the server's hourly job (SQLite) or autovacuum (PostgreSQL) does after a bulk load.
      await refreshPlannerStatistics(b.db, { full: true });
      const config = loadConfig({}, { dataDir: b.dataDir, pageCacheBytes: 0, backgroundJobs: false, logLevel: "silent" });
      const app = createApp(createDeps(config, b.db));
      const { secret: typicalToken } = await issueToken(b.db, { actor: SYSTEM_ACTOR, orgId: seed.org.orgId, userId: seed.typicalUser }, { name: "bench", role: "system_owner" });
      const get = async (token: string, path: string) => {
        const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
        return res.json();
      };
      const lead = seed.org.tokens.governance_lead;

      if (existsSync(join(AIID, "incidents.csv"))) {
        const runs = await timed(3, async () => void (await importAiid(b.db, AIID)));
        figures.push(figure({ bench: "workflow", name: "AIID snapshot import (989 incidents + MIT and CSETv1 classifications), median of 3", db: dialect, value: median(runs), unit: "ms", target: { op: "<", value: 3000 }, detail: { max: Math.max(...runs) } }));
      } else notes.push(`AIID import skipped: ${AIID} is missing`);

      for (const basis of ["current", "inherent"]) {
        await get(lead, `/api/risks/heatmap?basis=${basis}`);
        const ms = await timed(31, async () => void (await get(lead, `/api/risks/heatmap?basis=${basis}`)));
        figures.push(figure({ bench: "workflow", name: `risk heat map (${basis}), median of 31`, db: dialect, value: median(ms), unit: "ms", target: { op: "<", value: 100 }, detail: { p95: percentile(ms, 95), risks: RISKS } }));
      }

      // The risk register as it opens (its default order, the current rating) and a page deep into
      // it, page cache off (issue 20: one request took 47–67 ms at 50,000 risks before the index).
      for (const [what, path] of [["first page", "/api/risks?sort=-rating&limit=50"], ["page 20", "/api/risks?sort=-rating&limit=50&offset=950"], ["open risks, lowest first", "/api/risks?sort=rating&status=open&limit=50"]] as const) {
        const first = (await get(lead, path)) as { total: number; items: unknown[] };
        const ms = await timed(31, async () => void (await get(lead, path)));
        figures.push(figure({ bench: "workflow", name: `risk register, ${what} (rating order), median of 31`, db: dialect, value: median(ms), unit: "ms", detail: { p95: percentile(ms, 95), risks: RISKS, total: first.total, rows: first.items.length } }));
      }

      const heavy = (await get(lead, "/api/my/tasks")) as { activeTotal: number };
      const typical = (await get(typicalToken, "/api/my/tasks")) as { activeTotal: number };
      for (const [who, token, active] of [["the heaviest user", lead, heavy.activeTotal], ["a typical user", typicalToken, typical.activeTotal]] as const) {
        const ms = await timed(31, async () => void (await get(token, "/api/my/tasks")));
        figures.push(figure({ bench: "workflow", name: `"my tasks" for ${who}, median of 31`, db: dialect, value: median(ms), unit: "ms", target: { op: "<", value: 100 }, detail: { p95: percentile(ms, 95), activeTasks: active } }));
      }

      const queries = similarQueries(300);
      const b0 = performance.now();
      await get(lead, `/api/incidents/similar?text=${encodeURIComponent(queries[0]!)}`);
      const buildMs = performance.now() - b0;
      const ms: number[] = [];
      for (const q of queries) {
        const s0 = performance.now();
        await get(lead, `/api/incidents/similar?text=${encodeURIComponent(q)}&limit=5`);
        ms.push(performance.now() - s0);
      }
      figures.push(figure({ bench: "workflow", name: `similar-incident suggestion over ${INCIDENTS.toLocaleString("en")} incidents (JA + EN), p95 of ${ms.length}`, db: dialect, value: percentile(ms, 95), unit: "ms", target: { op: "<", value: 20 }, detail: { median: median(ms), firstQueryBuildingIndex: Math.round(buildMs) } }));
    } finally {
      await b.cleanup();
    }
  }
  return { bench: "workflow", figures, notes };
}
