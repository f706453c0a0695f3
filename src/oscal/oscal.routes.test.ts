import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem, startAssessment } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";

// The catalog and mapping routes read only the process's library; the assessment route's store is
// tested on both dialects in oscal.assessment.test.ts, and the access test runs every route on both.
const sqlite = testDatabases()[0]!;

describe("oscal.routes", () => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let assessmentId: string;

  beforeAll(async () => {
    ctx = await sqlite.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "oscal-api");
    other = await seedOrg(ctx.db, "oscal-api-other");
    const system = await registerSystem(api, org.tokens.admin, { nameJa: "与信審査AI", nameEn: "Credit scoring AI", profile: JP_BUSINESS_PROFILE, lifecycle: "deployed" });
    assessmentId = (await startAssessment(api, org.tokens.admin, system.id, "jp-ai-guidelines")).id;
  });
  afterAll(() => ctx.cleanup());

  it("serves a framework's current version as a catalog to any member, and another version on request", async () => {
    const current = await api.call("GET", "/api/oscal/catalogs/jp-ai-guidelines", { token: org.tokens.viewer });
    expect(current.status).toBe(200);
    expect(current.body.catalog.metadata).toMatchObject({ version: "1.2", "oscal-version": "1.2.1" });
    const older = await api.call("GET", "/api/oscal/catalogs/jp-ai-guidelines?version=1.1", { token: org.tokens.viewer });
    expect(older.body.catalog.metadata.version).toBe("1.1");
    expect(older.body.catalog.uuid).not.toBe(current.body.catalog.uuid);
  });

  it("answers 404 for an unknown framework or version, and 400 for an unknown parameter", async () => {
    expect((await api.call("GET", "/api/oscal/catalogs/nope", { token: org.tokens.viewer })).status).toBe(404);
    expect((await api.call("GET", "/api/oscal/catalogs/jp-ai-guidelines?version=9.9", { token: org.tokens.viewer })).status).toBe(404);
    expect((await api.call("GET", "/api/oscal/catalogs/jp-ai-guidelines?lang=ja", { token: org.tokens.viewer })).status).toBe(400);
  });

  it("serves the crosswalks as a mapping collection", async () => {
    const res = await api.call("GET", "/api/oscal/mapping", { token: org.tokens.auditor });
    expect(res.status).toBe(200);
    expect(res.body["mapping-collection"].mappings.length).toBeGreaterThan(0);
  });

  it("serves an assessment as assessment-results to its organisation only", async () => {
    const res = await api.call("GET", `/api/assessments/${assessmentId}/oscal`, { token: org.tokens.viewer });
    expect(res.status).toBe(200);
    expect(res.body["assessment-results"].results[0].findings.length).toBeGreaterThan(0);
    const foreign = await api.call("GET", `/api/assessments/${assessmentId}/oscal`, { token: other.tokens.admin });
    expect(foreign.status).toBe(404);
    const anonymous = await api.call("GET", `/api/assessments/${assessmentId}/oscal`, {});
    expect(anonymous.status).toBe(401);
  });
});
