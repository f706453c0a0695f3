import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDatabases } from "./support/databases.ts";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "./support/app.ts";
import { snapshotAll } from "./support/snapshot.ts";
import type { Db } from "../src/db/connect.ts";
import { verifyLedger } from "../src/audit/audit.verify.ts";

const INJECTIONS = [
  "'; DROP TABLE users; --",
  "\" OR 1=1 --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "admin'--@example.com",
];

describe.each(testDatabases())("bad input is refused and changes nothing ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let before: Record<string, unknown[]>;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir, { bodyLimitBytes: 64 * 1024 });
    org = await seedOrg(ctx.db, "acme");
  });
  afterAll(() => ctx.cleanup());
  beforeEach(async () => {
    before = await snapshotAll(ctx.db);
  });

  async function expectRefused(res: { status: number; body: any }, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|Error:|stack/i);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  }

  const admin = () => org.tokens.admin;

  it("refuses malformed JSON", async () => {
    const res = await api.call("POST", "/api/departments", { token: admin(), rawBody: '{"code": "X", ', headers: { "content-type": "application/json" } });
    await expectRefused(res, 400, "malformed_json");
  });

  it("refuses an empty body", async () => {
    const res = await api.call("POST", "/api/departments", { token: admin(), rawBody: "", headers: { "content-type": "application/json" } });
    await expectRefused(res, 400, "malformed_json");
  });

  it("refuses a body that is not JSON", async () => {
    const res = await api.call("POST", "/api/departments", { token: admin(), rawBody: "code=X", headers: { "content-type": "application/x-www-form-urlencoded" } });
    await expectRefused(res, 415, "unsupported_media_type");
  });

  it("refuses wrong types, naming each field", async () => {
    const res = await api.call("POST", "/api/users", { token: admin(), body: { email: 42, displayName: ["x"], role: "superuser" } });
    await expectRefused(res, 400, "validation_failed");
    const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(["body.displayName", "body.email", "body.role"]);
  });

  it("refuses unknown fields", async () => {
    const res = await api.call("POST", "/api/departments", { token: admin(), body: { code: "OK", nameJa: "部", nameEn: "D", isAdmin: true } });
    await expectRefused(res, 400, "validation_failed");
    expect(res.body.error.details[0].field).toBe("body.isAdmin");
  });

  it("refuses unknown query parameters and out-of-range paging", async () => {
    await expectRefused(await api.call("GET", "/api/users?rol=admin", { token: admin() }), 400, "validation_failed");
    await expectRefused(await api.call("GET", "/api/users?limit=100000", { token: admin() }), 400, "validation_failed");
    await expectRefused(await api.call("GET", "/api/users?sort=password_hash", { token: admin() }), 400, "validation_failed");
  });

  it("refuses an oversized body with 413", async () => {
    const res = await api.call("POST", "/api/departments", { token: admin(), body: { code: "BIG", nameJa: "x".repeat(70 * 1024), nameEn: "x" } });
    await expectRefused(res, 413, "payload_too_large");
  });

  it("answers validation errors in Japanese when asked", async () => {
    const res = await api.call("POST", "/api/users", { token: admin(), body: { email: "nope" }, headers: { "accept-language": "ja" } });
    await expectRefused(res, 400, "validation_failed");
    expect(res.body.error.message).toMatch(/入力内容/);
    expect(res.body.error.details.find((d: { field: string }) => d.field === "body.email").message).toMatch(/メールアドレス（例：name@example.jp）を入力/);
  });

  it.each(INJECTIONS)("treats %j as plain data in search and ids", async (text) => {
    const search = await api.call("GET", `/api/users?q=${encodeURIComponent(text)}`, { token: admin() });
    expect(search.status).toBe(200);
    expect(search.body.total).toBe(0);
    const byId = await api.call("GET", `/api/users/${encodeURIComponent(text)}`, { token: admin() });
    await expectRefused(byId, 404, "not_found");
    const asEmail = await api.call("POST", "/api/auth/login", { body: { email: text, password: text } });
    expect([400, 401]).toContain(asEmail.status);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it("stores injection strings verbatim where they are valid text, and returns them as JSON data", async () => {
    const text = INJECTIONS[2]!;
    const res = await api.call("POST", "/api/departments", { token: admin(), body: { code: "XSS", nameJa: text, nameEn: INJECTIONS[0] } });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const read = await api.call("GET", `/api/departments/${res.body.id}`, { token: admin() });
    expect(read.body.nameJa).toBe(text);
    expect(await ctx.db.kysely.selectFrom("users").select("id").execute()).toHaveLength(6);
  });

  it("refuses forged, expired and revoked sessions and tokens", async () => {
    await expectRefused(await api.call("GET", "/api/users", { headers: { cookie: "musubi_session=AAAA" } }), 401, "unauthenticated");
    await expectRefused(await api.call("GET", "/api/users", { token: "msb_" + "A".repeat(43) }), 401, "unauthenticated");
    await expectRefused(await api.call("GET", "/api/users", { headers: { authorization: "Basic YWRtaW46YWRtaW4=" } }), 401, "unauthenticated");

    const created = await api.call("POST", "/api/tokens", { token: admin(), body: { name: "short", role: "viewer", expiresInDays: 1 } });
    expect(created.status).toBe(201);
    await ctx.db.kysely.updateTable("api_tokens").set({ expires_at: "2000-01-01T00:00:00.000Z" }).where("id", "=", created.body.token.id).execute();
    before = await snapshotAll(ctx.db);
    await expectRefused(await api.call("GET", "/api/users", { token: created.body.secret }), 401, "session_expired");

    const other = await api.call("POST", "/api/tokens", { token: admin(), body: { name: "revoke-me", role: "viewer" } });
    expect((await api.call("GET", "/api/users", { token: other.body.secret })).status).toBe(200);
    expect((await api.call("DELETE", `/api/tokens/${other.body.token.id}`, { token: admin() })).status).toBe(200);
    before = await snapshotAll(ctx.db);
    await expectRefused(await api.call("GET", "/api/users", { token: other.body.secret }), 401, "unauthenticated");
  });

  it("answers unknown API paths with 404 in the error shape", async () => {
    await expectRefused(await api.call("GET", "/api/nope", { token: admin() }), 404, "route_not_found");
    await expectRefused(await api.call("PUT", "/api/users", { token: admin(), body: {} }), 404, "route_not_found");
  });

  it("leaves the ledger verifiable after all of it", async () => {
    expect((await verifyLedger(ctx.db)).ok).toBe(true);
  });
});
