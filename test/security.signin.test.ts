import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Db } from "../src/db/connect.ts";
import { addressBucket, parseTrustedProxies } from "../src/platform/http/client-address.ts";
import { testDatabases } from "./support/databases.ts";
import { seedOrg, testApp, TEST_PASSWORD, type SeededOrg, type TestApp } from "./support/app.ts";

describe("client addresses", () => {
  it("counts an IPv6 client by its /64 and an IPv4 client by its address", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("203.0.113.9")).toBe("203.0.113.9");
  });

  it("refuses a trusted-proxy entry that is not an address or range, naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.1, proxy.local")).toThrow(/"proxy\.local"/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/prefix/);
    expect(parseTrustedProxies("")).toBeUndefined();
  });
});

/** A real listening server (the address comes from the socket) in front of the same app. */
async function listen(api: TestApp): Promise<{ url: string; server: ServerType }> {
  const server = serve({ fetch: api.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function login(url: string, email: string, password: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ email, password }) });
  await res.arrayBuffer();
  return res;
}

describe.each(testDatabases())("sign-in limits ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let org: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    org = await seedOrg(ctx.db, "signin");
  });
  afterAll(() => ctx.cleanup());

  it("checks no more than the limit of simultaneous wrong passwords for one account", async () => {
    const api = testApp(ctx.db, ctx.dataDir, { loginMaxAttempts: 10 });
    for (const burst of [100, 400]) {
      await ctx.db.kysely.deleteFrom("login_throttle").execute();
      const answers = await Promise.all(
        Array.from({ length: burst }, (_, i) => api.call("POST", "/api/auth/login", { body: { email: org.users.viewer.email, password: `guess ${i}` } })),
      );
      const checked = answers.filter((a) => a.status === 401).length;
      expect(checked, `${burst} at once`).toBe(10);
      expect(answers.filter((a) => a.status === 429)).toHaveLength(burst - 10);
    }
  });

  it("shares the counts between servers on one database", async () => {
    await ctx.db.kysely.deleteFrom("login_throttle").execute();
    const one = testApp(ctx.db, ctx.dataDir, { loginMaxAttempts: 3 });
    const two = testApp(ctx.db, ctx.dataDir, { loginMaxAttempts: 3 });
    const email = org.users.reviewer.email;
    for (const api of [one, two, one]) expect((await api.call("POST", "/api/auth/login", { body: { email, password: "wrong guess!" } })).status).toBe(401);
    expect((await two.call("POST", "/api/auth/login", { body: { email, password: TEST_PASSWORD } })).status).toBe(429);
  });

  it("behind a trusted proxy, counts the forwarded client, so one attacker cannot lock out the office", async () => {
    await ctx.db.kysely.deleteFrom("login_throttle").execute();
    const api = testApp(ctx.db, ctx.dataDir, { loginMaxAttempts: 10, trustedProxies: "127.0.0.1" });
    const { url, server } = await listen(api);
    try {
      // A colleague signed in from this browser before the attack: it holds a device cookie.
      const before = await login(url, org.users.auditor.email, TEST_PASSWORD, { "x-forwarded-for": "198.51.100.20" });
      expect(before.status).toBe(200);
      const device = before.headers.getSetCookie().find((c) => c.startsWith("musubi_device="))!.split(";")[0]!;

      for (let i = 0; i < 50; i++) expect((await login(url, `nobody${i}@signin.test`, "wrong guess!", { "x-forwarded-for": "198.51.100.20" })).status).toBe(401);
      expect((await login(url, "nobody-more@signin.test", "wrong guess!", { "x-forwarded-for": "198.51.100.20" })).status).toBe(429);
      // The same office address: a browser that signed in before still signs in...
      expect((await login(url, org.users.auditor.email, TEST_PASSWORD, { "x-forwarded-for": "198.51.100.20", cookie: device })).status).toBe(200);
      // ...and another address behind the same proxy is not counted with the attacker.
      expect((await login(url, org.users.governance_lead.email, TEST_PASSWORD, { "x-forwarded-for": "198.51.100.21" })).status).toBe(200);
      // A device cookie is bound to its account: it does not lift the limit for another one.
      expect((await login(url, org.users.system_owner.email, TEST_PASSWORD, { "x-forwarded-for": "198.51.100.20", cookie: device })).status).toBe(429);
    } finally {
      server.close();
    }
  });

  it("ignores X-Forwarded-For from anyone not configured as a proxy", async () => {
    await ctx.db.kysely.deleteFrom("login_throttle").execute();
    const api = testApp(ctx.db, ctx.dataDir, { loginMaxAttempts: 2 });
    const { url, server } = await listen(api);
    try {
      // Each guess claims another address; all are counted as the socket's own.
      for (let i = 0; i < 2; i++) expect((await login(url, org.users.viewer.email, "wrong guess!", { "x-forwarded-for": `203.0.113.${i}` })).status).toBe(401);
      expect((await login(url, org.users.viewer.email, TEST_PASSWORD, { "x-forwarded-for": "203.0.113.99" })).status).toBe(429);
    } finally {
      server.close();
    }
  });
});

describe.each(testDatabases().slice(0, 1))("password changes ($name)", (dialect) => {
  it("counts wrong current passwords like sign-in guesses", async () => {
    const ctx = await dialect.open();
    try {
      const org = await seedOrg(ctx.db, "pwguess");
      const api = testApp(ctx.db, ctx.dataDir, { loginMaxAttempts: 3 });
      const change = (currentPassword: string) =>
        api.call("POST", "/api/auth/password", { token: org.tokens.viewer, body: { currentPassword, newPassword: "a brand new passphrase" } });
      for (let i = 0; i < 3; i++) expect((await change(`guess ${i}`)).status).toBe(400);
      expect((await change(TEST_PASSWORD)).status).toBe(429);
    } finally {
      await ctx.cleanup();
    }
  });
});
