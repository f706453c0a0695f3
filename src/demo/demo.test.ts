import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { issueToken } from "../auth/tokens.service.ts";
import { SYSTEM_ACTOR } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { verifyLedger } from "../audit/audit.verify.ts";
import { seedDemo } from "./demo.seed.ts";

describe.each(testDatabases())("the demo organisation ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    const creds = await seedDemo(ctx.db, ctx.dataDir, "demo-password-123");
    expect(creds).toHaveLength(11);
    const users = await ctx.db.kysely.selectFrom("users").select(["id", "org_id", "email", "role"]).execute();
    for (const u of users) {
      const { secret } = await issueToken(ctx.db, { actor: SYSTEM_ACTOR, orgId: u.org_id, userId: u.id }, { name: "demo-test", role: u.role as never });
      tokens[u.email.split("@")[0]!] = secret;
    }
  }, 60_000);
  afterAll(() => ctx.cleanup());

  it("seeds only once", async () => {
    expect(await seedDemo(ctx.db, ctx.dataDir)).toBeUndefined();
  });

  it("shows the whole PDCA loop: risks on the heat map, a closed incident whose risk came back for review, an action waiting for a two-step approval", async () => {
    const map = await api.call("GET", "/api/risks/heatmap", { token: tokens.viewer });
    expect(map.body.total).toBe(4);
    const accepted = await api.call("GET", "/api/risks?status=accepted", { token: tokens.viewer });
    expect(accepted.body.items[0].acceptance).toMatchObject({ expired: false });

    const incidents = await api.call("GET", "/api/incidents?sort=code", { token: tokens.viewer });
    expect(incidents.body.items.map((i: { status: string }) => i.status)).toEqual(["closed", "open"]);
    const reviews = await api.call("GET", "/api/tasks?kind=review&subjectType=risk&active=true", { token: tokens.viewer });
    expect(reviews.body.total).toBe(1);

    const reviewer = await api.call("GET", "/api/my/tasks", { token: tokens.reviewer });
    expect(reviewer.body.approvals).toHaveLength(1);
    expect(reviewer.body.approvals[0]).toMatchObject({ stage: 1, stages: 2, via: "approver" });
    const owner = await api.call("GET", "/api/my/tasks", { token: tokens.owner });
    expect(owner.body.activeTotal).toBeGreaterThan(0);
  });

  it("has a demo authority with registered organisations, signed submissions, a triaged case and trends", async () => {
    const queue = await api.call("GET", "/api/oversight/intake", { token: tokens.analyst });
    expect(queue.body.total).toBe(3);
    expect(queue.body.items.filter((i: { status: string }) => i.status === "triaged")).toHaveLength(2);
    const cases = await api.call("GET", "/api/oversight/cases", { token: tokens.supervisor });
    expect(cases.body).toMatchObject([{ code: "CASE-000001", submissions: 2, organisations: 2 }]);
    const registrations = await api.call("GET", "/api/oversight/registrations", { token: tokens.analyst });
    expect(registrations.body.map((r: { status: string }) => r.status).sort()).toEqual(["approved", "approved", "approved", "pending"]);
    const sent = await api.call("GET", "/api/exchange/submissions", { token: tokens.auditor });
    expect(sent.body.map((s: { kind: string; status: string }) => [s.kind, s.status])).toEqual([["incident-report", "delivered"], ["registration", "delivered"]]);
    expect(sent.body[0].confidential).toEqual(["/rootCause"]);
    const trend = await api.call("GET", "/api/oversight/trends?dimension=sector", { token: tokens.publisher });
    expect(trend.body.total).toBe(3);
  });

  it("keeps fields of its own on systems and vendors, filled in on the demo records", async () => {
    const fields = await api.call("GET", "/api/fields", { token: tokens.viewer });
    expect(fields.body.items.map((f: { entity: string; key: string }) => `${f.entity}.${f.key}`)).toEqual(["system.impact_assessment", "system.monthly_users", "system.internal_approval", "vendor.dpa_signed_on"]);
    const done = await api.call("GET", "/api/systems?customField=impact_assessment&customValue=done", { token: tokens.viewer });
    expect(done.body.items.map((s: { code: string }) => s.code)).toEqual(["AIS-HR-01"]);
  });

  it("has vendors, a review schedule, the public AIID cases, and a ledger that verifies", async () => {
    const vendors = await api.call("GET", "/api/vendors", { token: tokens.viewer });
    expect(vendors.body.total).toBe(2);
    expect(vendors.body.items.find((v: { rating: string }) => v.rating === "medium")).toBeDefined();
    expect((await api.call("GET", "/api/review-schedules", { token: tokens.viewer })).body).toHaveLength(1);
    const reference = await api.call("GET", "/api/reference-incidents?limit=1", { token: tokens.viewer });
    expect(reference.body.total).toBeGreaterThan(900);
    const report = await verifyLedger(ctx.db);
    expect(report.ok).toBe(true);
  });
});
