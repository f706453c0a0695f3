import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../src/audit/audited.ts";
import { issueToken } from "../src/auth/tokens.service.ts";
import type { Db } from "../src/db/connect.ts";
import { effectiveRole, isWithin, permissionsOf, ROLES } from "../src/platform/authz.ts";
import { testDatabases } from "./support/databases.ts";
import { seedOrg, testApp, TEST_PASSWORD, type SeededOrg, type TestApp } from "./support/app.ts";

describe("effectiveRole", () => {
  it("never grants a permission the user's current role lacks, nor one the token lacked", () => {
    for (const granted of ROLES) {
      for (const current of ROLES) {
        const role = effectiveRole(granted, current);
        for (const p of permissionsOf(role)) {
          expect(permissionsOf(current), `${granted} token, ${current} user: ${p}`).toContain(p);
          expect(permissionsOf(granted), `${granted} token, ${current} user: ${p}`).toContain(p);
        }
      }
    }
  });

  it("is the token's role when the user may do at least that, and the user's when the user is lower", () => {
    expect(effectiveRole("viewer", "admin")).toBe("viewer");
    expect(effectiveRole("admin", "viewer")).toBe("viewer");
    expect(effectiveRole("admin", "system_owner")).toBe("system_owner");
    // Neither includes the other (a reviewer approves, an auditor reads the ledger): only what both allow.
    expect(effectiveRole("auditor", "reviewer")).toBe("viewer");
    expect(isWithin("auditor", "governance_lead")).toBe(false);
  });
});

describe.each(testDatabases())("API tokens never outlive their user's role ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "tok");
  });
  afterAll(() => ctx.cleanup());

  async function userVersion(id: string) {
    return (await api.call("GET", `/api/users/${id}`, { token: org.tokens.admin })).body.version as number;
  }

  it("a demoted admin's old admin token cannot promote them back", async () => {
    const second = await api.call("POST", "/api/users", { token: org.tokens.admin, body: { email: "second@tok.test", displayName: "Second", role: "admin", password: TEST_PASSWORD } });
    expect(second.status).toBe(201);
    const id = second.body.user?.id ?? second.body.id;
    const { secret } = await issueToken(ctx.db, { actor: SYSTEM_ACTOR, orgId: org.orgId, userId: id }, { name: "mine", role: "admin" });
    const demote = await api.call("PATCH", `/api/users/${id}`, { token: org.tokens.admin, body: { version: await userVersion(id), role: "viewer" } });
    expect(demote.status).toBe(200);

    const back = await api.call("PATCH", `/api/users/${id}`, { token: secret, body: { version: await userVersion(id), role: "admin" } });
    expect(back.status).toBe(403);
    const session = await api.call("GET", "/api/auth/session", { token: secret });
    expect(session.body.permissions).toEqual(permissionsOf("viewer"));
    const listed = await api.call("GET", `/api/tokens?q=mine`, { token: org.tokens.admin });
    expect(listed.body.items[0]).toMatchObject({ role: "admin", effectiveRole: "viewer" });

    // Promoted again by someone else, the token's own role comes back: it was never lost, only capped.
    await api.call("PATCH", `/api/users/${id}`, { token: org.tokens.admin, body: { version: await userVersion(id), role: "admin" } });
    expect((await api.call("GET", "/api/tokens", { token: secret })).status).toBe(200);
  });

  it("refuses to issue a token above its user's role, through the API and the service", async () => {
    const viaApi = await api.call("POST", "/api/tokens", { token: org.tokens.admin, body: { name: "ok", role: "admin" } });
    expect(viaApi.status).toBe(201);
    await expect(issueToken(ctx.db, { actor: SYSTEM_ACTOR, orgId: org.orgId, userId: org.users.viewer.id }, { name: "x", role: "admin" })).rejects.toMatchObject({ status: 422, code: "role_exceeds_user" });
    await expect(issueToken(ctx.db, { actor: SYSTEM_ACTOR, orgId: org.orgId, userId: org.users.governance_lead.id }, { name: "x", role: "auditor" })).rejects.toMatchObject({ code: "role_exceeds_user" });
    const rows = await ctx.db.kysely.selectFrom("api_tokens").select("id").where("name", "=", "x").execute();
    expect(rows).toHaveLength(0);
  });

  it("stops a disabled user's tokens on the next request", async () => {
    const id = org.users.reviewer.id;
    expect((await api.call("GET", "/api/systems", { token: org.tokens.reviewer })).status).toBe(200);
    const off = await api.call("PATCH", `/api/users/${id}`, { token: org.tokens.admin, body: { version: await userVersion(id), status: "disabled" } });
    expect(off.status).toBe(200);
    expect((await api.call("GET", "/api/systems", { token: org.tokens.reviewer })).status).toBe(401);
  });

  it("revokes one's own tokens with a password change when asked, each in the ledger", async () => {
    const id = org.users.system_owner.id;
    const { secret } = await issueToken(ctx.db, { actor: SYSTEM_ACTOR, orgId: org.orgId, userId: id }, { name: "laptop", role: "system_owner" });
    const keep = await api.call("POST", "/api/auth/password", { token: secret, body: { currentPassword: TEST_PASSWORD, newPassword: "another long passphrase 1" } });
    expect(keep.status).toBe(204);
    expect((await api.call("GET", "/api/systems", { token: secret })).status).toBe(200);
    const revoke = await api.call("POST", "/api/auth/password", { token: secret, body: { currentPassword: "another long passphrase 1", newPassword: "a third long passphrase", revokeTokens: true } });
    expect(revoke.status).toBe(204);
    expect((await api.call("GET", "/api/systems", { token: secret })).status).toBe(401);
    expect((await api.call("GET", "/api/systems", { token: org.tokens.system_owner })).status).toBe(401);
    const ledger = await api.call("GET", `/api/audit?action=token.revoked&limit=50`, { token: org.tokens.admin });
    expect(ledger.body.items.length).toBeGreaterThanOrEqual(2);
  });
});
