import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../../test/support/databases.ts";
import { seedOrg, testApp, TEST_PASSWORD, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import type { Db } from "../db/connect.ts";
import { verifyLedger } from "../audit/audit.verify.ts";

function cookieFrom(headers: Headers): string {
  const set = headers.get("set-cookie") ?? "";
  return set.split(";")[0]!;
}

describe.each(testDatabases())("sign-in, sessions and passwords ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir, { loginMaxAttempts: 3, sessionTtlMs: 60_000 });
    org = await seedOrg(ctx.db, "acme");
  });
  afterAll(() => ctx.cleanup());

  async function signIn(email: string, password = TEST_PASSWORD) {
    const res = await api.call("POST", "/api/auth/login", { body: { email, password } });
    return { res, cookie: cookieFrom(res.headers), csrf: res.body?.csrfToken as string };
  }

  it("sets an HttpOnly, SameSite=Strict session cookie with an expiry and records the sign-in", async () => {
    const { res, cookie } = await signIn(org.users.reviewer.email.toUpperCase());
    expect(res.status).toBe(200);
    const set = res.headers.get("set-cookie")!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Max-Age=60/);
    expect(res.body.user.email).toBe(org.users.reviewer.email);
    // Beside it, a readable hint without a secret, so an anonymous page need not ask for a session.
    const hint = res.headers.getSetCookie().find((c) => c.startsWith("musubi_signed_in="));
    expect(hint).toMatch(/^musubi_signed_in=1;/);
    expect(hint).not.toMatch(/HttpOnly/);
    expect(res.body.organization.timeZone).toBe("Asia/Tokyo");
    expect(res.body.permissions).toContain("users.read");
    expect(res.body.permissions).not.toContain("users.manage");
    const session = await api.call("GET", "/api/auth/session", { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(session.body.via).toBe("session");
    const entry = await ctx.db.kysely.selectFrom("audit_log").selectAll().where("action", "=", "auth.signed_in").where("actor_id", "=", org.users.reviewer.id).executeTakeFirst();
    expect(entry).toBeDefined();
    expect(entry!.after_json).not.toContain(cookie.split("=")[1]);
  });

  it("refuses a wrong password and an unknown account alike", async () => {
    const wrong = await signIn(org.users.viewer.email, "wrong password!!");
    const unknown = await signIn("nobody@nowhere.test", "wrong password!!");
    for (const r of [wrong.res, unknown.res]) {
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe("invalid_credentials");
      expect(r.headers.get("set-cookie")).toBeNull();
    }
  });

  it("requires the CSRF token for cookie-authenticated writes, but not for token writes", async () => {
    const { cookie, csrf } = await signIn(org.users.admin.email);
    const body = { code: "CSRF1", nameJa: "部", nameEn: "D" };
    const without = await api.call("POST", "/api/departments", { headers: { cookie }, body });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe("csrf_failed");
    const wrong = await api.call("POST", "/api/departments", { headers: { cookie, "x-csrf-token": "nope" }, body });
    expect(wrong.status).toBe(403);
    const ok = await api.call("POST", "/api/departments", { headers: { cookie, "x-csrf-token": csrf }, body });
    expect(ok.status).toBe(201);
    const viaToken = await api.call("POST", "/api/departments", { token: org.tokens.admin, body: { ...body, code: "CSRF2" } });
    expect(viaToken.status).toBe(201);
  });

  it("ends the session on sign-out", async () => {
    const { cookie, csrf } = await signIn(org.users.auditor.email);
    const out = await api.call("POST", "/api/auth/logout", { headers: { cookie, "x-csrf-token": csrf } });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const after = await api.call("GET", "/api/auth/session", { headers: { cookie } });
    expect(after.status).toBe(401);
  });

  it("refuses an expired session", async () => {
    const { cookie } = await signIn(org.users.system_owner.email);
    await ctx.db.kysely.updateTable("sessions").set({ expires_at: "2001-01-01T00:00:00.000Z" }).where("user_id", "=", org.users.system_owner.id).execute();
    const res = await api.call("GET", "/api/auth/session", { headers: { cookie } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("session_expired");
  });

  it("changes a password only with the current one, and signs out the other sessions", async () => {
    const email = org.users.governance_lead.email;
    const first = await signIn(email);
    const second = await signIn(email);
    const bad = await api.call("POST", "/api/auth/password", {
      headers: { cookie: first.cookie, "x-csrf-token": first.csrf },
      body: { currentPassword: "not it at all", newPassword: "a much better passphrase" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("wrong_password");
    const short = await api.call("POST", "/api/auth/password", {
      headers: { cookie: first.cookie, "x-csrf-token": first.csrf },
      body: { currentPassword: TEST_PASSWORD, newPassword: "short" },
    });
    expect(short.status).toBe(400);
    const ok = await api.call("POST", "/api/auth/password", {
      headers: { cookie: first.cookie, "x-csrf-token": first.csrf },
      body: { currentPassword: TEST_PASSWORD, newPassword: "a much better passphrase" },
    });
    expect(ok.status).toBe(204);
    expect((await api.call("GET", "/api/auth/session", { headers: { cookie: first.cookie } })).status).toBe(200);
    expect((await api.call("GET", "/api/auth/session", { headers: { cookie: second.cookie } })).status).toBe(401);
    expect((await signIn(email)).res.status).toBe(401);
    expect((await signIn(email, "a much better passphrase")).res.status).toBe(200);
  });

  it("rate-limits repeated failures for an account, even with the right password afterwards", async () => {
    const email = org.users.reviewer.email; // signed in successfully above, so its count starts at zero
    for (let i = 0; i < 3; i++) expect((await signIn(email, `guess number ${i}`)).res.status).toBe(401);
    const blocked = await signIn(email);
    expect(blocked.res.status).toBe(429);
    expect(blocked.res.body.error.code).toBe("rate_limited");
  });

  it("keeps the ledger verifiable", async () => {
    expect((await verifyLedger(ctx.db)).ok).toBe(true);
  });
});
