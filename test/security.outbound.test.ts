import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/db/connect.ts";
import { deliverDue } from "../src/notify/outbox.worker.ts";
import { mayCall, OutboundRefused, parseOutboundAllow, postOutbound } from "../src/platform/outbound.ts";
import { testDatabases } from "./support/databases.ts";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "./support/app.ts";

const PUBLIC_ONLY = parseOutboundAllow("");

/** A receiver on this machine that counts what reaches it. */
function receiver() {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    req.resume();
    res.end("ok");
  });
  return {
    hits: () => hits,
    start: () => new Promise<number>((r) => server.listen(0, "127.0.0.1", () => r((server.address() as AddressInfo).port))),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe("the outbound guard", () => {
  it("judges private, loopback, link-local, metadata and reserved addresses as not callable", () => {
    for (const a of ["127.0.0.1", "0.0.0.0", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "::1", "::", "fd00:ec2::254", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1"]) {
      expect(mayCall(a, PUBLIC_ONLY), a).toBe(false);
    }
    for (const a of ["8.8.8.8", "133.242.0.1", "2001:4860:4860::8888"]) expect(mayCall(a, PUBLIC_ONLY), a).toBe(true);
    expect(mayCall("10.1.2.3", parseOutboundAllow("10.1.0.0/16"))).toBe(true);
    expect(mayCall("10.2.0.1", parseOutboundAllow("10.1.0.0/16"))).toBe(false);
  });

  it("refuses a name that resolves to loopback when it connects, without reaching the receiver", async () => {
    const r = receiver();
    const port = await r.start();
    try {
      const call = postOutbound(`http://localhost:${port}/`, { headers: {}, body: "{}", timeoutMs: 2000 }, PUBLIC_ONLY);
      await expect(call).rejects.toBeInstanceOf(OutboundRefused);
      expect(r.hits()).toBe(0);
      // The operator's allow-list lets an internal receiver through.
      expect(await postOutbound(`http://localhost:${port}/`, { headers: {}, body: "{}", timeoutMs: 2000 }, parseOutboundAllow("127.0.0.1, ::1"))).toBe(200);
      expect(r.hits()).toBe(1);
    } finally {
      await r.stop();
    }
  });
});

describe.each(testDatabases())("webhooks never reach internal addresses ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "ssrf");
  });
  afterAll(() => ctx.cleanup());

  it.each([
    "http://127.0.0.1:3000/api/auth/login",
    "http://localhost:3000/",
    "http://[::1]:3000/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://127.1/",
    "http://0.0.0.0/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.8/",
    "http://192.168.10.1/",
    "http://[fd00:ec2::254]/",
  ])("refuses to register %s, naming the field", async (url) => {
    const res = await api.call("POST", "/api/webhooks", { token: org.tokens.admin, body: { url } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field: "body.url", code: "forbidden_address" });
  });

  it("refuses at delivery time an endpoint that now points inside, records it, and an admin's ping, in the ledger", async () => {
    const r = receiver();
    const port = await r.start();
    try {
      const ep = await api.call("POST", "/api/webhooks", { token: org.tokens.admin, body: { url: "https://receiver.example/hook" } });
      expect(ep.status).toBe(201);
      // What the name points to changed after registration (DNS); here the stored URL does.
      await ctx.db.kysely.updateTable("webhook_endpoints").set({ url: `http://127.0.0.1:${port}/api/auth/login` }).where("id", "=", ep.body.id).execute();
      expect((await api.call("POST", `/api/webhooks/${ep.body.id}/ping`, { token: org.tokens.admin })).status).toBe(204);
      const sent = await deliverDue(ctx.db, { outbound: PUBLIC_ONLY });
      expect(sent.delivered).toBe(0);
      expect(r.hits()).toBe(0);
      const log = await api.call("GET", `/api/webhooks/${ep.body.id}/deliveries`, { token: org.tokens.admin });
      expect(log.body[0].lastError).toMatch(/private, loopback, link-local or reserved address; refused/);
      const ledger = await ctx.db.kysely.selectFrom("audit_log").select(["action", "actor_type"]).where("org_id", "=", org.orgId).where("entity_id", "=", ep.body.id).orderBy("seq").execute();
      expect(ledger.map((e) => e.action)).toEqual(["webhook.created", "webhook.ping_requested", "webhook.delivery_refused"]);
      expect(ledger[1]!.actor_type).toBe("token");
    } finally {
      await r.stop();
    }
  });
});
