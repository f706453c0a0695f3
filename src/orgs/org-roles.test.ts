import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../../test/support/databases.ts";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import type { Db } from "../db/connect.ts";
import { issueToken } from "../auth/tokens.service.ts";
import { SYSTEM_ACTOR } from "../audit/audited.ts";
import { AppError } from "../platform/errors.ts";

describe.each(testDatabases())("orgs.kind and the authority roles ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let company: SeededOrg;
  let authority: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    company = await seedOrg(ctx.db, "acme");
    authority = await seedOrg(ctx.db, "ppc", { kind: "authority" });
  });
  afterAll(() => ctx.cleanup());

  it("shows each organisation's kind in the org view and the session", async () => {
    expect((await api.call("GET", "/api/org", { token: company.tokens.viewer })).body.kind).toBe("organization");
    expect((await api.call("GET", "/api/org", { token: authority.tokens.analyst })).body.kind).toBe("authority");
    const session = await api.call("GET", "/api/auth/session", { token: authority.tokens.publisher });
    expect(session.body.organization.kind).toBe("authority");
  });

  it("reads an organisation stored without a kind (as every one before 0016) as an ordinary one", async () => {
    const now = new Date().toISOString();
    await ctx.db.kysely.insertInto("organizations").values({ id: "org_legacy", slug: "legacy", name_ja: "旧", name_en: "Old", settings: "{}", created_at: now, updated_at: now, version: 1 }).execute();
    const row = await ctx.db.kysely.selectFrom("organizations").select("kind").where("id", "=", "org_legacy").executeTakeFirstOrThrow();
    expect(row.kind).toBe("organization");
  });

  it("refuses to create an analyst in an ordinary organisation, naming the field in English", async () => {
    const res = await api.call("POST", "/api/users", {
      token: company.tokens.admin,
      headers: { "accept-language": "en" },
      body: { email: "analyst2@acme.test", displayName: "A", role: "analyst" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details).toEqual([{ field: "body.role", code: "invalid_value", message: "This role exists only in an authority's organisation; choose another role." }]);
    expect(await ctx.db.kysely.selectFrom("users").select("id").where("email", "=", "analyst2@acme.test").executeTakeFirst()).toBeUndefined();
  });

  it("refuses to make a user a supervisor in an ordinary organisation, in Japanese", async () => {
    const res = await api.call("PATCH", `/api/users/${company.users.reviewer.id}`, {
      token: company.tokens.admin,
      headers: { "accept-language": "ja" },
      body: { version: 1, role: "supervisor" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field: "body.role", message: "この役割は当局の組織でのみ使えます。別の役割を選んでください。" });
    const read = await api.call("GET", `/api/users/${company.users.reviewer.id}`, { token: company.tokens.admin });
    expect(read.body).toMatchObject({ role: "reviewer", version: 1 });
  });

  it("creates and promotes users to the authority roles in an authority", async () => {
    const created = await api.call("POST", "/api/users", { token: authority.tokens.admin, body: { email: "pub2@ppc.test", displayName: "P", role: "publisher" } });
    expect(created.status).toBe(201);
    expect(created.body.user.role).toBe("publisher");
    const promoted = await api.call("PATCH", `/api/users/${authority.users.analyst.id}`, { token: authority.tokens.admin, body: { version: 1, role: "supervisor" } });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe("supervisor");
  });

  it("refuses an API token with an authority role in an ordinary organisation", async () => {
    const res = await api.call("POST", "/api/tokens", { token: company.tokens.admin, body: { name: "triage", role: "analyst" } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field: "body.role" });
    const direct = issueToken(ctx.db, { actor: SYSTEM_ACTOR, orgId: company.orgId, userId: company.users.admin.id }, { name: "x", role: "publisher" });
    await expect(direct).rejects.toBeInstanceOf(AppError);
  });

  it("issues an authority's admin a token with an authority role", async () => {
    const res = await api.call("POST", "/api/tokens", { token: authority.tokens.admin, body: { name: "triage", role: "analyst" } });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatchObject({ role: "analyst", effectiveRole: "analyst" });
  });

  it("lets a publisher's token act as a viewer once its user is a viewer", async () => {
    const { secret } = await issueToken(ctx.db, { actor: SYSTEM_ACTOR, orgId: authority.orgId, userId: authority.users.publisher.id }, { name: "p", role: "publisher" });
    const before = await api.call("GET", "/api/auth/session", { token: secret });
    expect(before.body.permissions).toContain("oversight.publish");
    const demoted = await api.call("PATCH", `/api/users/${authority.users.publisher.id}`, { token: authority.tokens.admin, body: { version: 1, role: "viewer" } });
    expect(demoted.status).toBe(200);
    const after = await api.call("GET", "/api/auth/session", { token: secret });
    expect(after.body.permissions).not.toContain("oversight.publish");
    expect(after.body.permissions).not.toContain("oversight.read");
  });
});
