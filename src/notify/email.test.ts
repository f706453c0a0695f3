import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { setEmailDelivery } from "./notify.ts";
import { deliverDue } from "./outbox.worker.ts";
import { smtpSender } from "./smtp.ts";

/** A minimal SMTP server (RFC 5321 happy path) that keeps each message's envelope and data. */
class FakeSmtp {
  server: Server | undefined;
  port = 0;
  messages: { from: string; to: string[]; data: string }[] = [];

  async start() {
    this.server = createServer((socket: Socket) => {
      let buffer = "";
      let inData = false;
      let current = { from: "", to: [] as string[], data: "" };
      const say = (line: string) => socket.write(`${line}\r\n`);
      say("220 fake.smtp ESMTP");
      socket.on("data", (chunk) => {
        buffer += chunk.toString("utf8");
        let nl: number;
        while ((nl = buffer.indexOf("\r\n")) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 2);
          if (inData) {
            if (line === ".") {
              inData = false;
              this.messages.push(current);
              current = { from: "", to: [], data: "" };
              say("250 queued");
            } else current.data += `${line.startsWith("..") ? line.slice(1) : line}\n`;
            continue;
          }
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === "EHLO" || verb === "HELO") say("250 fake.smtp");
          else if (verb === "MAIL") (current.from = line), say("250 ok");
          else if (verb === "RCPT") current.to.push(line), say("250 ok");
          else if (verb === "DATA") (inData = true), say("354 go ahead");
          else if (verb === "QUIT") say("221 bye"), socket.end();
          else say("250 ok");
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  stop() {
    return new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

describe.each(testDatabases())("e-mail notifications ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  const smtp = new FakeSmtp();

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "mail");
    await smtp.start();
  });
  afterAll(async () => {
    setEmailDelivery(false);
    await smtp.stop();
    await ctx.cleanup();
  });

  const emails = () => ctx.db.kysely.selectFrom("outbox").selectAll().where("org_id", "=", org.orgId).where("channel", "=", "email").execute();

  it("sends nothing by e-mail while SMTP is not configured", async () => {
    setEmailDelivery(false);
    await api.call("POST", "/api/tasks", { token: org.tokens.governance_lead, body: { title: "メール無し", assigneeId: org.users.reviewer.id } });
    expect(await emails()).toEqual([]);
  });

  it("mails the assignee through the SMTP relay once it is configured, in their language", async () => {
    setEmailDelivery(true);
    await api.call("POST", "/api/tasks", { token: org.tokens.governance_lead, body: { title: "評価報告書の確認", assigneeId: org.users.reviewer.id } });
    const queued = await emails();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ target: org.users.reviewer.email, event: "task.assigned", status: "pending" });
    const sent = await deliverDue(ctx.db, { sendEmail: smtpSender(`smtp://127.0.0.1:${smtp.port}`, "musubi@example.jp") });
    expect(sent.delivered).toBe(1);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.to.join()).toContain(org.users.reviewer.email);
    expect(smtp.messages[0]!.from).toContain("musubi@example.jp");
    // Seeded users read English: the subject leads with it (MIME-encoded because the title is Japanese).
    expect(smtp.messages[0]!.data).toContain("Subject: =?UTF-8?Q?=5BMusubi=5D_Task_assigned=3A_TSK-");
    expect(smtp.messages[0]!.data).toContain("=E8=A9=95=E4=BE=A1=E5=A0=B1=E5=91=8A"); // 評価報告
    expect((await emails())[0]!.status).toBe("delivered");
  });

  it("keeps e-mail waiting, with a reason, when the server has no SMTP relay", async () => {
    await api.call("POST", "/api/tasks", { token: org.tokens.governance_lead, body: { title: "送信待ち", assigneeId: org.users.reviewer.id } });
    const r = await deliverDue(ctx.db, {});
    expect(r.retried).toBe(1);
    const row = (await emails()).find((e) => e.status === "pending")!;
    expect(row.last_error).toBe("SMTP is not configured");
  });
});
