import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { todayInTokyo } from "../platform/time.ts";
import { readRiskMatrix } from "./matrix.service.ts";
import { listRisksQuery } from "./risks.schema.ts";
import { listRisks, registerQueries } from "./risks.service.ts";

/**
 * The risk register's page is read along an index in its default order (current rating, then
 * impact) and in the reverse order, on both databases: the plan has no sort of the organisation's
 * risks. (PostgreSQL's planner is asked with sorting switched off: a plan that still sorts has no
 * index to walk.) And the order is the rating's.
 */
describe.each(testDatabases())("the risk register's order ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "risk-order");
    const cells = [[1, 1], [5, 5], [2, 4], [4, 2], [3, 3], [5, 1], [1, 5]];
    for (const [i, [l, im]] of cells.entries()) {
      const res = await api.call("POST", "/api/risks", { token: org.tokens.admin, body: { titleJa: `リスク${i}`, titleEn: `Risk ${i}`, inherentLikelihood: l, inherentImpact: im } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });
  afterAll(() => ctx.cleanup());

  const plan = async (sort: string) => {
    const { matrix } = await readRiskMatrix(ctx.db.kysely, org.orgId);
    const { pageIds } = await registerQueries(ctx.db.kysely, org.orgId, listRisksQuery.parse({ sort }), todayInTokyo(), matrix);
    const compiled = pageIds.compile();
    if (ctx.db.dialect === "sqlite") {
      const rows = ctx.db.sqlite!.prepare(`explain query plan ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as { detail: string }[];
      return rows.map((r) => r.detail).join("\n");
    }
    return ctx.db.kysely.connection().execute(async (conn) => {
      await sql`set enable_sort = off`.execute(conn);
      try {
        const text = compiled.parameters.reduce<string>((q, p, i) => q.replace(new RegExp(`\\$${i + 1}(?!\\d)`, "g"), typeof p === "number" ? String(p) : `'${String(p).replace(/'/g, "''")}'`), compiled.sql);
        return (await sql<{ "QUERY PLAN": string }>`${sql.raw(`explain ${text}`)}`.execute(conn)).rows.map((r) => r["QUERY PLAN"]).join("\n");
      } finally {
        await sql`reset enable_sort`.execute(conn);
      }
    });
  };

  it("walks the rating index for the default order and its reverse, without sorting", async () => {
    for (const sort of ["-rating", "rating"]) {
      const p = await plan(sort);
      expect(p, sort).toContain("risks_org_rating");
      expect(p, sort).not.toMatch(/TEMP B-TREE|Sort/);
    }
  });

  it("caps the total as the inventory does, counting to the page's offset and the cap", async () => {
    const q = (s: string) => listRisksQuery.parse(Object.fromEntries(new URLSearchParams(s)));
    const lib = api.deps.library;
    expect(await listRisks(ctx.db.kysely, lib, org.orgId, q("limit=2"), todayInTokyo(), 3)).toMatchObject({ total: 3, totalCapped: true });
    expect(await listRisks(ctx.db.kysely, lib, org.orgId, q("limit=2&offset=2"), todayInTokyo(), 3)).toMatchObject({ total: 5, totalCapped: true });
    const all = await listRisks(ctx.db.kysely, lib, org.orgId, q("limit=2"), todayInTokyo(), 7);
    expect(all.total).toBe(7);
    expect(all.totalCapped).toBeUndefined();
  });

  it("orders by current rating, then impact", async () => {
    const page = await api.call("GET", "/api/risks?sort=-rating&limit=20", { token: org.tokens.admin });
    const cells = (page.body.items as { inherent: { likelihood: number; impact: number } }[]).map((r) => [r.inherent.likelihood * r.inherent.impact, r.inherent.impact]);
    expect(cells).toEqual([[25, 5], [9, 3], [8, 4], [8, 2], [5, 5], [5, 1], [1, 1]]);
  });
});
