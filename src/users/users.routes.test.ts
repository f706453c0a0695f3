import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../../test/support/databases.ts";
import { seedOrg, testApp, TEST_PASSWORD, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import type { Db } from "../db/connect.ts";

describe.each(testDatabases())("users ($name)", (dialect) => {
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

  it("creates a user with a one-time initial password that works for sign-in", async () => {
    const res = await api.call("POST", "/api/users", { ...admin(), body: { email: "New.Person@Acme.test", displayName: "新 人", role: "reviewer" } });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: "new.person@acme.test", role: "reviewer", status: "active", version: 1 });
    expect(res.body.initialPassword).toMatch(/^.{16}$/);
    expect(res.body.user).not.toHaveProperty("passwordHash");
    const login = await api.call("POST", "/api/auth/login", { body: { email: "new.person@acme.test", password: res.body.initialPassword } });
    expect(login.status).toBe(200);
    const read = await api.call("GET", `/api/users/${res.body.user.id}`, admin());
    expect(read.body).toEqual(res.body.user);
  });

  it("refuses a duplicate e-mail with 409", async () => {
    const res = await api.call("POST", "/api/users", { ...admin(), body: { email: org.users.viewer.email, displayName: "dup", role: "viewer" } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("email_taken");
  });

  it("records a role change with before and after, attributed to the token's user", async () => {
    const target = org.users.viewer.id;
    const res = await api.call("PATCH", `/api/users/${target}`, { ...admin(), body: { version: 1, role: "system_owner" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: "system_owner", version: 2 });
    const entry = await ctx.db.kysely.selectFrom("audit_log").selectAll().where("entity_id", "=", target).where("action", "=", "user.role_changed").executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before_json!).role).toBe("viewer");
    expect(JSON.parse(entry.after_json!).role).toBe("system_owner");
    expect(entry.actor_type).toBe("token");
    expect(entry.actor_label).toContain(org.users.admin.email);
    expect(entry.before_json).not.toMatch(/argon2/);
  });

  it("refuses a stale version with 409 and shows the current record", async () => {
    const target = org.users.reviewer.id;
    const first = await api.call("PATCH", `/api/users/${target}`, { ...admin(), body: { version: 1, displayName: "First editor" } });
    expect(first.status).toBe(200);
    const second = await api.call("PATCH", `/api/users/${target}`, { ...admin(), body: { version: 1, displayName: "Second editor" } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("conflict");
    expect(second.body.error.details.current).toMatchObject({ displayName: "First editor", version: 2 });
    const read = await api.call("GET", `/api/users/${target}`, admin());
    expect(read.body.displayName).toBe("First editor");
  });

  it("never leaves the organisation without an active administrator", async () => {
    const res = await api.call("PATCH", `/api/users/${org.users.admin.id}`, { ...admin(), body: { version: 1, role: "viewer" } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("last_admin");
  });

  it("ends a disabled user's sessions at once", async () => {
    const login = await api.call("POST", "/api/auth/login", { body: { email: org.users.auditor.email, password: TEST_PASSWORD } });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    expect((await api.call("GET", "/api/auth/session", { headers: { cookie } })).status).toBe(200);
    const res = await api.call("PATCH", `/api/users/${org.users.auditor.id}`, { ...admin(), body: { version: 1, status: "disabled" } });
    expect(res.status).toBe(200);
    expect((await api.call("GET", "/api/auth/session", { headers: { cookie } })).status).toBe(401);
    expect((await api.call("GET", "/api/users", { token: org.tokens.auditor })).status).toBe(401);
  });

  it("refuses a department from elsewhere", async () => {
    const res = await api.call("PATCH", `/api/users/${org.users.system_owner.id}`, { ...admin(), body: { version: 1, departmentId: "dep_nope" } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe("body.departmentId");
  });

  it("pages, sorts, filters and searches", async () => {
    const page = await api.call("GET", "/api/users?limit=2&offset=0&sort=-email", admin());
    expect(page.body.total).toBe(7);
    expect(page.body.items).toHaveLength(2);
    const emails = page.body.items.map((u: { email: string }) => u.email);
    expect(emails).toEqual([...emails].sort().reverse());
    const all = await api.call("GET", "/api/users?limit=200&sort=email", admin());
    expect(all.body.items[0].email <= all.body.items[1].email).toBe(true);
    const owners = await api.call("GET", "/api/users?role=system_owner", admin());
    expect(owners.body.items.every((u: { role: string }) => u.role === "system_owner")).toBe(true);
    const search = await api.call("GET", `/api/users?q=${encodeURIComponent("新")}`, admin());
    expect(search.body.items.map((u: { email: string }) => u.email)).toEqual(["new.person@acme.test"]);
    const upper = await api.call("GET", "/api/users?q=NEW.PERSON", admin());
    expect(upper.body.total).toBe(1);
    const pct = await api.call("GET", "/api/users?q=%25", admin());
    expect(pct.body.total).toBe(0);
  });
});
