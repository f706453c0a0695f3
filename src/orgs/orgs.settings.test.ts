import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { DEFAULT_SEGREGATION } from "./orgs.schema.ts";
import { mergeSettings } from "./orgs.service.ts";

describe("mergeSettings", () => {
  it("merges a change to one segregation rule without touching the other", () => {
    const current = { defaultLocale: "ja" as const, fiscalYearStartMonth: 4, timezone: "Asia/Tokyo", segregationOfDuties: { assessmentSignOff: false, riskAcceptance: true } };
    expect(mergeSettings(current, { segregationOfDuties: { riskAcceptance: false } }).segregationOfDuties).toEqual({ assessmentSignOff: false, riskAcceptance: false });
    expect(mergeSettings(current, { timezone: "Europe/Berlin" })).toEqual({ ...current, timezone: "Europe/Berlin" });
  });
});

describe.each(testDatabases())("organisation settings: segregation of duties ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  const admin = () => org.tokens.admin;

  beforeAll(async () => {
    ctx = await dialect.open();
    // The page cache off: one case rewrites the stored settings behind the ledger's back.
    api = testApp(ctx.db, ctx.dataDir, { pageCacheBytes: 0 });
    org = await seedOrg(ctx.db, "settings");
  });
  afterAll(() => ctx.cleanup());

  it("starts a new organisation with both rules on", async () => {
    const res = await api.call("GET", "/api/org", { token: org.tokens.viewer });
    expect(res.body.settings.segregationOfDuties).toEqual(DEFAULT_SEGREGATION);
  });

  it("reads settings stored before the rules existed with both rules on, instead of failing", async () => {
    const legacy = JSON.stringify({ defaultLocale: "en", fiscalYearStartMonth: 1, timezone: "Europe/Berlin" });
    await ctx.db.kysely.updateTable("organizations").set({ settings: legacy }).where("id", "=", org.orgId).execute();
    const res = await api.call("GET", "/api/org", { token: admin() });
    expect(res.status).toBe(200);
    expect(res.body.settings).toEqual({ defaultLocale: "en", fiscalYearStartMonth: 1, timezone: "Europe/Berlin", segregationOfDuties: { assessmentSignOff: true, riskAcceptance: true } });
  });

  it("keeps a switched-off rule off when another setting changes", async () => {
    const v1 = (await api.call("GET", "/api/org", { token: admin() })).body.version;
    const off = await api.call("PATCH", "/api/org", { token: admin(), body: { version: v1, settings: { segregationOfDuties: { riskAcceptance: false } } } });
    expect(off.body.settings.segregationOfDuties).toEqual({ assessmentSignOff: true, riskAcceptance: false });
    const zone = await api.call("PATCH", "/api/org", { token: admin(), body: { version: off.body.version, settings: { timezone: "Asia/Tokyo" } } });
    expect(zone.status).toBe(200);
    expect(zone.body.settings.segregationOfDuties).toEqual({ assessmentSignOff: true, riskAcceptance: false });
  });

  it("refuses an unknown rule and a non-admin's change", async () => {
    const v = (await api.call("GET", "/api/org", { token: admin() })).body.version;
    const unknown = await api.call("PATCH", "/api/org", { token: admin(), body: { version: v, settings: { segregationOfDuties: { incidentClosure: true } } } });
    expect(unknown.status).toBe(400);
    const byLead = await api.call("PATCH", "/api/org", { token: org.tokens.governance_lead, body: { version: v, settings: { segregationOfDuties: { riskAcceptance: true } } } });
    expect(byLead.status).toBe(403);
  });
});
