import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { watchDatabase } from "./metrics.ts";

const TOKEN = "scrape-token-for-tests-0123456789";

/** One sample's value from Prometheus's text format, 0 when the series is absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe.each(testDatabases())("health and metrics ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  const scrape = async (token = TOKEN) => api.app.request("/metrics", { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir, { metricsToken: TOKEN });
    org = await seedOrg(ctx.db, "metrics");
    watchDatabase(ctx.db);
  });
  afterAll(() => ctx.cleanup());

  it("is alive and ready on a migrated database", async () => {
    expect((await api.call("GET", "/api/health/live")).body).toMatchObject({ status: "ok" });
    const ready = await api.call("GET", "/api/health/ready");
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: "ready", database: ctx.db.dialect === "sqlite" ? "sqlite" : "postgres" });
  });

  it("is not ready while a migration of this version has not run, and says which", async () => {
    const last = (await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(ctx.db.kysely)).rows[0]!.name;
    await sql`delete from kysely_migration where name = ${last}`.execute(ctx.db.kysely);
    try {
      const res = await api.call("GET", "/api/health/ready");
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: "not_ready", details: { pendingMigrations: [last] } });
      expect((await api.call("GET", "/api/health/live")).status).toBe(200);
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last}, ${new Date().toISOString()})`.execute(ctx.db.kysely);
    }
    expect((await api.call("GET", "/api/health/ready")).status).toBe(200);
  });

  it("answers a scrape only with the configured token, and not at all without one", async () => {
    expect((await scrape("wrong-token-for-tests-0123456789")).status).toBe(401);
    expect((await api.app.request("/metrics")).status).toBe(401);
    const closed = testApp(ctx.db, ctx.dataDir, { metricsToken: undefined });
    const res = await closed.app.request("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("route_not_found");
  });

  it("counts requests by route pattern (never an id), times ledger appends and reads the outbox and jobs", async () => {
    const system = await registerSystem(api, org.tokens.admin, { code: "MET-1", nameJa: "計測", nameEn: "Metered" });
    const series = 'musubi_http_requests_total{method="GET",route="/api/systems/:id",status="200"}';
    const before = sample(await (await scrape()).text(), series);
    const appendsBefore = sample(await (await scrape()).text(), "musubi_ledger_append_seconds_count");
    expect((await api.call("GET", `/api/systems/${system.id}`, { token: org.tokens.admin })).status).toBe(200);
    expect((await api.call("GET", `/api/systems/${system.id}`, { token: org.tokens.admin })).status).toBe(200);
    await registerSystem(api, org.tokens.admin, { code: "MET-2", nameJa: "計測2", nameEn: "Metered 2" });
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(sample(text, series)).toBe(before + 2);
    expect(text).not.toContain(system.id);
    expect(sample(text, 'musubi_http_request_duration_seconds_count{method="GET",route="/api/systems/:id"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, "musubi_ledger_append_seconds_count")).toBeGreaterThan(appendsBefore);
    expect(text).toMatch(/^musubi_outbox_backlog \d+$/m);
    expect(text).toMatch(/^musubi_jobs_in_progress\{kind="import"\} \d+$/m);
    expect(text).toMatch(/^musubi_jobs_in_progress\{kind="report"\} \d+$/m);
  });
});
