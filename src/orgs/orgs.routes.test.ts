import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../../test/support/databases.ts";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import type { Db } from "../db/connect.ts";

describe.each(testDatabases())("organisation and departments ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  const admin = () => ({ token: org.tokens.admin });

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "acme");
  });
  afterAll(() => ctx.cleanup());

  it("starts with Japanese defaults: April fiscal year, Asia/Tokyo", async () => {
    const res = await api.call("GET", "/api/org", { token: org.tokens.viewer });
    expect(res.body.settings).toEqual({ defaultLocale: "ja", fiscalYearStartMonth: 4, timezone: "Asia/Tokyo", segregationOfDuties: { assessmentSignOff: true, riskAcceptance: true } });
  });

  it("updates settings with optimistic concurrency and records the change", async () => {
    const ok = await api.call("PATCH", "/api/org", { ...admin(), body: { version: 1, nameEn: "Acme K.K.", settings: { fiscalYearStartMonth: 1 } } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ nameEn: "Acme K.K.", version: 2, settings: { fiscalYearStartMonth: 1, timezone: "Asia/Tokyo" } });
    const stale = await api.call("PATCH", "/api/org", { ...admin(), body: { version: 1, nameEn: "Other" } });
    expect(stale.status).toBe(409);
    const bad = await api.call("PATCH", "/api/org", { ...admin(), body: { version: 2, settings: { fiscalYearStartMonth: 13 } } });
    expect(bad.status).toBe(400);
    const zone = await api.call("PATCH", "/api/org", { ...admin(), body: { version: 2, settings: { timezone: "Not/AZone" } } });
    expect(zone.status).toBe(400);
    expect(zone.body.error.details[0].field).toBe("body.settings.timezone");
    const entry = await ctx.db.kysely.selectFrom("audit_log").selectAll().where("action", "=", "org.updated").executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before_json!).settings.fiscalYearStartMonth).toBe(4);
    expect(JSON.parse(entry.after_json!).settings.fiscalYearStartMonth).toBe(1);
  });

  it("creates, renames, searches and deletes departments", async () => {
    const created = await api.call("POST", "/api/departments", { token: org.tokens.governance_lead, body: { code: "LEGAL", nameJa: "法務部", nameEn: "Legal" } });
    expect(created.status).toBe(201);
    const dup = await api.call("POST", "/api/departments", { ...admin(), body: { code: "LEGAL", nameJa: "法務", nameEn: "Legal" } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("code_taken");
    const renamed = await api.call("PATCH", `/api/departments/${created.body.id}`, { ...admin(), body: { version: 1, nameJa: "法務・コンプライアンス部" } });
    expect(renamed.body).toMatchObject({ nameJa: "法務・コンプライアンス部", version: 2 });
    const found = await api.call("GET", `/api/departments?q=${encodeURIComponent("コンプライアンス")}`, admin());
    expect(found.body.items.map((d: { code: string }) => d.code)).toEqual(["LEGAL"]);

    const user = await api.call("PATCH", `/api/users/${org.users.reviewer.id}`, { ...admin(), body: { version: 1, departmentId: created.body.id } });
    expect(user.status).toBe(200);
    const refused = await api.call("DELETE", `/api/departments/${created.body.id}`, admin());
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("in_use");
    await api.call("PATCH", `/api/users/${org.users.reviewer.id}`, { ...admin(), body: { version: 2, departmentId: null } });
    const deleted = await api.call("DELETE", `/api/departments/${created.body.id}`, admin());
    expect(deleted.status).toBe(204);
    expect((await api.call("GET", `/api/departments/${created.body.id}`, admin())).status).toBe(404);
    const history = await api.call("GET", `/api/audit?entityId=${created.body.id}&sort=seq`, admin());
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(["department.created", "department.updated", "department.deleted"]);
  });
});

describe.each(testDatabases())("racing creates ($name)", (dialect) => {
  it("answers 409, never 500, when two requests create the same department code at once", async () => {
    const ctx = await dialect.open();
    try {
      const api = testApp(ctx.db, ctx.dataDir);
      const org = await seedOrg(ctx.db, "race");
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          api.call("POST", "/api/departments", { token: org.tokens.admin, body: { code: "SAME", nameJa: "同", nameEn: "Same" } }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(7);
      const created = await ctx.db.kysely.selectFrom("audit_log").select("seq").where("action", "=", "department.created").execute();
      expect(created).toHaveLength(1);
    } finally {
      await ctx.cleanup();
    }
  });
});
