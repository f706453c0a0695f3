import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { evaluateFacts } from "../applicability/evaluate.ts";
import { checkProfile } from "../applicability/profile.ts";
import { expectedCounters } from "../compliance/counters.recount.ts";
import { applyCounters, CounterDeltas, readAllCounters } from "../compliance/counters.ts";
import type { Db } from "../db/connect.ts";
import { HR_SCREENING } from "../demo/demo.workspace.ts";
import { getLibrary } from "../library/library.runtime.ts";
import { summarise } from "./systems.classify.ts";
import { reclassifyStale } from "./systems.reclassify.ts";
import { countSystem } from "./systems.service.ts";

const library = getLibrary();

describe("a system's EU AI Act class", () => {
  it("is the class the Regulation gives it, with the date it applies from, and what applies today beside it", () => {
    const facts = checkProfile(library, HR_SCREENING, "en").facts;
    const before = summarise(evaluateFacts(library, facts, "2026-12-06"));
    expect(before.euClass).toBe("high-risk");
    expect(before.euClassFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(before.euClassFrom! > "2026-12-06").toBe(true);
    expect(before.euClassNow).not.toBe("high-risk");
    // Once the date has come, the class is the same and has no later date.
    const after = summarise(evaluateFacts(library, facts, before.euClassFrom!));
    expect(after).toMatchObject({ euClass: "high-risk", euClassFrom: null, euClassNow: "high-risk" });
  });
});

describe.each(testDatabases())("systems classified under an earlier library ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "reclassify");
  });
  afterAll(() => ctx.cleanup());

  it("are classified again, with a ledger entry for each change and counters that match the rows", async () => {
    const created = await api.call("POST", "/api/systems", { token: org.tokens.admin, body: { nameJa: "採用", nameEn: "Hiring", profile: HR_SCREENING } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ euClass: "high-risk" });
    expect(created.body.euClassFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const unchanged = await api.call("POST", "/api/systems", { token: org.tokens.admin, body: { nameJa: "空", nameEn: "Empty" } });
    // As a system stored before the class had dates: today's class, and an older library.
    const row = await ctx.db.kysely.selectFrom("ai_systems").selectAll().where("id", "=", created.body.id).executeTakeFirstOrThrow();
    const older = { ...row, eu_class: "minimal", eu_class_from: null, library_digest: "older" };
    await ctx.db.kysely.updateTable("ai_systems").set({ eu_class: older.eu_class, eu_class_from: null, library_digest: older.library_digest }).where("id", "=", row.id).execute();
    const d = new CounterDeltas();
    countSystem(d, row, -1);
    countSystem(d, older, 1);
    await applyCounters(ctx.db.kysely, org.orgId, d);
    await ctx.db.kysely.updateTable("ai_systems").set({ library_digest: "older" }).where("id", "=", unchanged.body.id).execute();

    const run = await reclassifyStale(ctx.db, library, { asOf: "2026-12-06" });
    expect(run).toEqual({ systems: 2, changed: 1 });
    const again = await api.call("GET", `/api/systems/${created.body.id}`, { token: org.tokens.viewer });
    expect(again.body).toMatchObject({ euClass: "high-risk", euClassFrom: created.body.euClassFrom, version: created.body.version });
    const entries = await ctx.db.kysely.selectFrom("audit_log").select(["action", "actor_type", "before_json", "after_json"]).where("org_id", "=", org.orgId).where("entity_id", "=", created.body.id).where("action", "=", "system.reclassified").execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor_type).toBe("system");
    expect(JSON.parse(entries[0]!.before_json!)).toMatchObject({ euClass: "minimal" });
    expect(JSON.parse(entries[0]!.after_json!)).toMatchObject({ euClass: "high-risk", euClassFrom: created.body.euClassFrom });
    // Nothing is left to do, and the counters are those a recount gives.
    expect(await reclassifyStale(ctx.db, library, { asOf: "2026-12-06" })).toEqual({ systems: 0, changed: 0 });
    const running = await readAllCounters(ctx.db.kysely, org.orgId);
    running.delete("sequence");
    expect(running).toEqual(await expectedCounters(ctx.db.kysely, org.orgId));

    const dashboard = await api.call("GET", "/api/dashboard", { token: org.tokens.viewer });
    const high = dashboard.body.euClass.find((c: { value: string }) => c.value === "high-risk");
    expect(high).toMatchObject({ n: 1, later: [{ from: created.body.euClassFrom, n: 1 }] });
  });
});
