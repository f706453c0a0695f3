import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { parseOutboundAllow } from "../platform/outbound.ts";
import { deliverDue, MAX_ATTEMPTS, RETRY_DELAYS_MS, signWebhook } from "./outbox.worker.ts";
import { subscribed } from "./notify.ts";

/** An idempotent receiver: it verifies the signature and keeps each delivery id once. */
class Receiver {
  server: Server | undefined;
  port = 0;
  kept = new Map<string, { event: string; title: { ja: string } }>();
  receipts = 0;
  badSignatures = 0;
  /** Answer 500 after keeping the delivery this many times: the "acknowledgement lost" case. */
  failAfterKeeping = 0;

  constructor(private secret: () => string) {}

  async start(port = 0) {
    this.server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        this.receipts++;
        const sig = String(req.headers["musubi-signature"]);
        const t = Number(/t=(\d+)/.exec(sig)?.[1]);
        if (sig !== signWebhook(this.secret(), body, t) || createHmac("sha256", this.secret()).update(`${t}.${body}`).digest("hex") !== sig.split("v1=")[1]) {
          this.badSignatures++;
          res.writeHead(401).end();
          return;
        }
        const payload = JSON.parse(body);
        expect(req.headers["musubi-delivery"]).toBe(payload.deliveryId);
        if (!this.kept.has(payload.deliveryId)) this.kept.set(payload.deliveryId, payload);
        if (this.failAfterKeeping > 0) {
          this.failAfterKeeping--;
          res.writeHead(500).end();
          return;
        }
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server = undefined;
  }
}

describe("webhook subscriptions", () => {
  it("match all events, one exact event, or a family", () => {
    expect(subscribed(["*"], "task.assigned")).toBe(true);
    expect(subscribed(["task.*"], "task.assigned")).toBe(true);
    expect(subscribed(["task.*"], "approval.requested")).toBe(false);
    expect(subscribed(["approval.escalated"], "approval.escalated")).toBe(true);
    expect(subscribed(["approval.escalated"], "approval.requested")).toBe(false);
  });
});

const outbound = parseOutboundAllow("127.0.0.1");

describe.each(testDatabases())("webhook delivery ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let secret = "";
  const receiver = new Receiver(() => secret);

  beforeAll(async () => {
    ctx = await dialect.open();
    // The receiver runs on this machine: an internal receiver the operator allows.
    api = testApp(ctx.db, ctx.dataDir, { outboundAllow: "127.0.0.1" });
    org = await seedOrg(ctx.db, "hooks");
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
    await ctx.cleanup();
  });

  const outbox = () => ctx.db.kysely.selectFrom("outbox").selectAll().where("org_id", "=", org.orgId).where("channel", "=", "webhook").orderBy("created_at").execute();

  it("survives the receiver being down: retries with backoff, loses nothing and hands an idempotent receiver each event once", async () => {
    const ep = await api.call("POST", "/api/webhooks", { token: org.tokens.admin, body: { url: `http://127.0.0.1:${receiver.port}/musubi`, events: ["task.*"] } });
    expect(ep.status).toBe(201);
    secret = ep.body.secret;
    expect((await api.call("GET", "/api/webhooks", { token: org.tokens.admin })).body[0]).not.toHaveProperty("secret");
    const port = receiver.port;
    await receiver.stop();

    for (let i = 0; i < 5; i++) await api.call("POST", "/api/tasks", { token: org.tokens.governance_lead, body: { title: `是正措置 ${i}`, assigneeId: org.users.system_owner.id } });
    await api.call("POST", "/api/risks", { token: org.tokens.governance_lead, body: { titleJa: "対象外", titleEn: "Not subscribed", inherentLikelihood: 1, inherentImpact: 1 } });
    expect((await outbox()).map((r) => r.event)).toEqual(Array(5).fill("task.assigned"));

    // Down: every attempt fails and is rescheduled 30 s on, then 2 min on.
    let now = new Date();
    expect(await deliverDue(ctx.db, { now, outbound })).toEqual({ delivered: 0, retried: 5, failed: 0 });
    for (const r of await outbox()) {
      expect(r).toMatchObject({ status: "pending", attempts: 1 });
      expect(Date.parse(r.next_attempt_at) - now.getTime()).toBe(RETRY_DELAYS_MS[0]);
      expect(r.last_error).toBeTruthy();
    }
    expect(await deliverDue(ctx.db, { now, outbound })).toEqual({ delivered: 0, retried: 0, failed: 0 });
    now = new Date(now.getTime() + RETRY_DELAYS_MS[0]!);
    expect((await deliverDue(ctx.db, { now, outbound })).retried).toBe(5);
    for (const r of await outbox()) expect(Date.parse(r.next_attempt_at) - now.getTime()).toBe(RETRY_DELAYS_MS[1]);

    // Back up, but the first two acknowledgements are lost (500 after the receiver kept them).
    await receiver.start(port);
    receiver.failAfterKeeping = 2;
    now = new Date(now.getTime() + RETRY_DELAYS_MS[1]!);
    expect(await deliverDue(ctx.db, { now, outbound })).toEqual({ delivered: 3, retried: 2, failed: 0 });
    now = new Date(now.getTime() + RETRY_DELAYS_MS[2]!);
    expect(await deliverDue(ctx.db, { now, outbound })).toEqual({ delivered: 2, retried: 0, failed: 0 });

    const rows = await outbox();
    expect(rows.every((r) => r.status === "delivered")).toBe(true);
    expect(receiver.badSignatures).toBe(0);
    expect(receiver.receipts).toBe(7); // 5 + 2 re-sent after lost acknowledgements
    expect([...receiver.kept.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
    expect([...receiver.kept.values()].map((p) => p.title.ja).sort()).toEqual([0, 1, 2, 3, 4].map((i) => expect.stringContaining(`是正措置 ${i}`)));
    expect(await deliverDue(ctx.db, { now: new Date(now.getTime() + 86_400_000), outbound })).toEqual({ delivered: 0, retried: 0, failed: 0 });

    const shown = await api.call("GET", `/api/webhooks/${ep.body.id}/deliveries`, { token: org.tokens.admin });
    expect(shown.body.map((d: { status: string }) => d.status)).toEqual(Array(5).fill("delivered"));
  });

  it("never sends one row twice when two workers run at once", async () => {
    const before = receiver.receipts;
    await api.call("POST", "/api/tasks", { token: org.tokens.governance_lead, body: { title: "同時配信", assigneeId: org.users.reviewer.id } });
    const results = await Promise.all([deliverDue(ctx.db, { outbound }), deliverDue(ctx.db, { outbound }), deliverDue(ctx.db, { outbound })]);
    expect(results.reduce((n, r) => n + r.delivered, 0)).toBe(1);
    expect(receiver.receipts - before).toBe(1);
  });

  it("gives up after the last retry and says why", async () => {
    const dead = await api.call("POST", "/api/webhooks", { token: org.tokens.admin, body: { url: "http://127.0.0.1:9/closed", events: ["task.assigned"] } });
    await api.call("POST", "/api/tasks", { token: org.tokens.governance_lead, body: { title: "届かない", assigneeId: org.users.reviewer.id } });
    let now = new Date();
    await deliverDue(ctx.db, { now, outbound }); // the live endpoint's copy goes out; the dead one starts retrying
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) {
      now = new Date(now.getTime() + RETRY_DELAYS_MS[i]!);
      await deliverDue(ctx.db, { now, outbound });
    }
    const rows = await ctx.db.kysely.selectFrom("outbox").selectAll().where("target", "=", dead.body.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(rows[0]!.last_error).toBeTruthy();
  });
});
