import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../../../test/support/databases.ts";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../../test/support/app.ts";
import type { Db } from "../../db/connect.ts";
import { PageCache } from "./page-cache.ts";

describe("PageCache", () => {
  it("answers only for the head it was filled at", () => {
    const cache = new PageCache();
    const body = Buffer.from("body");
    cache.set("k", 5, body);
    expect(cache.get("k", 5)).toBe(body);
    expect(cache.get("k", 6)).toBeUndefined();
  });

  it("evicts the least recently used answers beyond its size", () => {
    const cache = new PageCache(160); // sixteen 10-byte answers
    const keys = "abcdefghijklmnop".split("");
    for (const k of keys) cache.set(k, 1, Buffer.from(k.repeat(10)));
    expect(keys.every((k) => cache.get(k, 1) !== undefined)).toBe(true);
    cache.get("a", 1); // now the most recently used; "b" is the least
    cache.set("q", 1, Buffer.from("q".repeat(10)));
    expect(cache.get("q", 1)).toBeDefined();
    expect(cache.get("a", 1)).toBeDefined();
    expect(cache.get("b", 1)).toBeUndefined();
    expect(cache.get("c", 1)).toBeDefined();
  });
});

describe.each(testDatabases())("cached lists ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let a: SeededOrg;
  let b: SeededOrg;
  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    a = await seedOrg(ctx.db, "alpha");
    b = await seedOrg(ctx.db, "beta");
  });
  afterAll(() => ctx.cleanup());

  const names = (res: { body: { items: { code: string }[] } }) => res.body.items.map((d) => d.code);

  it("shows a change made through the API at once, because the change moved the ledger head", async () => {
    const first = await api.call("GET", "/api/departments", { token: a.tokens.viewer });
    expect(names(first)).toEqual([]);
    await api.call("POST", "/api/departments", { token: a.tokens.admin, body: { code: "NEW", nameJa: "新", nameEn: "New" } });
    const second = await api.call("GET", "/api/departments", { token: a.tokens.viewer });
    expect(names(second)).toEqual(["NEW"]);
  });

  it("serves a repeated read from the cache while nothing has changed", async () => {
    await api.call("GET", "/api/departments?sort=-code", { token: a.tokens.viewer });
    // A write that bypasses the application (and so the ledger) is not seen until the next change:
    // proof that the answer came from the cache.
    await ctx.db.kysely.updateTable("departments").set({ name_en: "Changed behind Musubi's back" }).where("org_id", "=", a.orgId).execute();
    const cached = await api.call("GET", "/api/departments?sort=-code", { token: a.tokens.admin });
    expect(cached.body.items[0].nameEn).toBe("New");
    await api.call("PATCH", "/api/org", { token: a.tokens.admin, body: { version: 1, nameEn: "Alpha K.K." } });
    const fresh = await api.call("GET", "/api/departments?sort=-code", { token: a.tokens.admin });
    expect(fresh.body.items[0].nameEn).toBe("Changed behind Musubi's back");
  });

  it("never serves one organisation's answer to another", async () => {
    const ofA = await api.call("GET", "/api/users?limit=200", { token: a.tokens.admin });
    const ofB = await api.call("GET", "/api/users?limit=200", { token: b.tokens.admin });
    expect(ofA.body.items.every((u: { email: string }) => u.email.endsWith("@alpha.test"))).toBe(true);
    expect(ofB.body.items.every((u: { email: string }) => u.email.endsWith("@beta.test"))).toBe(true);
  });

  it("answers 304 to a matching ETag, and the tag names the organisation", async () => {
    const first = await api.call("GET", "/api/users", { token: a.tokens.viewer });
    const etag = first.headers.get("etag")!;
    expect(etag).toContain(a.orgId);
    const again = await api.call("GET", "/api/users", { token: a.tokens.viewer, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    const otherOrg = await api.call("GET", "/api/users", { token: b.tokens.viewer, headers: { "if-none-match": etag } });
    expect(otherOrg.status).toBe(200);
  });

  it("does not cache errors or authorisation: a refused caller stays refused", async () => {
    await api.call("GET", "/api/tokens", { token: a.tokens.admin });
    const viewer = await api.call("GET", "/api/tokens", { token: a.tokens.viewer });
    expect(viewer.status).toBe(403);
    const anonymous = await api.call("GET", "/api/tokens");
    expect(anonymous.status).toBe(401);
  });
});
