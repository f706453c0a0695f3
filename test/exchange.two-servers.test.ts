import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "../src/db/connect.ts";
import { runCli, spawnServer } from "./support/process.ts";
import { tempDir } from "./support/databases.ts";
import { JP_BUSINESS_PROFILE } from "./support/compliance.ts";
import { fillTemplate } from "./support/org-framework.ts";

/**
 * Two Musubi servers on loopback, each its own process and database — a company's and an
 * authority's — talking over HTTP as two instances would across the internet. Between them sits
 * a proxy the test controls, to lose the authority's answer after it stored a submission, and to
 * stand in for the authority while its process is killed. Driven through the command line and
 * the API, as an operator and a user would.
 */
describe("two Musubi instances exchanging over HTTP", () => {
  const company = { dir: tempDir("musubi-company-"), port: 0, url: "", child: undefined as ChildProcess | undefined };
  const authority = { dir: tempDir("musubi-authority-"), port: 0, url: "", child: undefined as ChildProcess | undefined };
  let proxy: http.Server;
  let proxyUrl = "";
  /** `drop`: forward the next message, let the authority answer, and cut the connection before the answer reaches the sender. */
  const fault = { drop: false, dropped: 0 };
  let token = "";
  let acmeToken = "";
  let authorityToken = "";
  /** Calls a server's API with a token, JSON in and out. */
  async function api(base: string, bearer: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined && { "content-type": "application/json" }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  const envOf = (side: typeof company, publicUrl: string) => ({ MUSUBI_DATA_DIR: side.dir, MUSUBI_PUBLIC_URL: publicUrl, MUSUBI_OUTBOUND_ALLOW: "127.0.0.1", MUSUBI_BACKGROUND_JOBS: "0", MUSUBI_LOG_LEVEL: "error" });
  const companyEnv = () => envOf(company, company.url);
  const authorityEnv = () => envOf(authority, proxyUrl);
  async function cli(env: Record<string, string>, ...args: string[]) {
    const r = await runCli(args, env);
    expect(r.code, `musubi ${args.join(" ")}\n${r.stdout}\n${r.stderr}`).toBe(0);
    return r.stdout;
  }
  const json = async (env: Record<string, string>, ...args: string[]) => JSON.parse(await cli(env, ...args, "--json"));
  const startAuthority = async () => (authority.child = (await spawnServer(authorityEnv(), ["--port", String(authority.port)])).child);

  /** An outbox row's next attempt is due now: the retry delay has passed. */
  function timePasses() {
    const db = openSqlite(`${company.dir}/musubi.sqlite`);
    return db.kysely
      .updateTable("outbox")
      .set({ next_attempt_at: new Date(Date.now() - 1000).toISOString() })
      .where("status", "=", "pending")
      .execute()
      .finally(() => db.close());
  }

  async function fileIncident(title: string, summary: string) {
    const res = await fetch(`${company.url}/api/incidents`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ title, summary, severity: "high", occurredAt: "2026-11-03", rights: ["privacy"], rootCause: "委託先の学習データに顧客情報が含まれていた" }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { code: string }).code;
  }

  beforeAll(async () => {
    [company.port, authority.port] = await Promise.all([freePort(), freePort()]);
    company.url = `http://127.0.0.1:${company.port}`;
    authority.url = `http://127.0.0.1:${authority.port}`;
    proxy = http.createServer((req, res) => {
      const upstream = http.request({ host: "127.0.0.1", port: authority.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        if (fault.drop && req.method === "POST" && req.url?.endsWith("/messages")) {
          fault.drop = false;
          fault.dropped++;
          // The authority has answered (and so committed); the sender never hears it.
          answer.resume();
          answer.on("end", () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on("error", () => req.socket.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;

    await cli(authorityEnv(), "org", "create", "--kind", "authority", "--slug", "ppc", "--name-ja", "個人情報保護委員会（試験）", "--name-en", "PPC (test)", "--admin-email", "admin@ppc.test", "--admin-password", "authority-password-1");
    for (const slug of ["acme", "beta"]) await cli(companyEnv(), "org", "create", "--slug", slug, "--name-ja", `${slug} 株式会社`, "--name-en", `${slug} Inc.`, "--admin-email", `admin@${slug}.test`, "--admin-password", "company-password-1");
    token = acmeToken = (await cli(companyEnv(), "token", "create", "--email", "admin@acme.test")).trim().split("\n").at(-1)!;
    authorityToken = (await cli(authorityEnv(), "token", "create", "--email", "admin@ppc.test")).trim().split("\n").at(-1)!;
    company.child = (await spawnServer(companyEnv(), ["--port", String(company.port)])).child;
    await startAuthority();
  }, 120_000);

  afterAll(async () => {
    company.child?.kill("SIGKILL");
    authority.child?.kill("SIGKILL");
    await new Promise((resolve) => proxy?.close(resolve));
    for (const d of [company.dir, authority.dir]) fs.rmSync(d, { recursive: true, force: true });
  });

  it("registers, is approved, submits through a lost answer and a killed authority, and ends with one submission and its receipt", async () => {
    const connected = await cli(companyEnv(), "exchange", "connect", "--org", "acme", "--authority", proxyUrl, "--authority-org", "ppc", "--sector", "finance");
    expect(connected).toMatch(/registration pending/);
    expect(connected).toMatch(/deliveries: 1 delivered/);
    const registrations = await json(authorityEnv(), "oversight", "registrations", "--org", "ppc");
    expect(registrations).toMatchObject([{ status: "pending", sector: "finance", counterpart: { party: `${company.url}/orgs/acme`, sameInstance: false } }]);
    expect(await cli(authorityEnv(), "exchange", "approve", "--org", "ppc", "--organisation", "acme")).toMatch(/approved[\s\S]*1 delivered/);
    expect((await json(companyEnv(), "exchange", "status", "--org", "acme")).connections).toMatchObject([{ status: "approved", counterpart: { party: `${proxyUrl}/orgs/ppc` } }]);

    const code = await fileIncident("チャットボットが他の顧客の住所を表示した", "生成AIチャットボットが問い合わせに対し、別の顧客の氏名と住所を回答した。約120件。");
    // The authority stores it and answers; the answer is lost on the way back.
    fault.drop = true;
    expect(await cli(companyEnv(), "exchange", "submit", "incident", code, "--org", "acme", "--confidential", "/rootCause:trade-secret")).toMatch(/0 delivered, 1 to retry/);
    expect(fault.dropped).toBe(1);
    // Then the authority's process dies; the retry finds nobody.
    authority.child!.kill("SIGKILL");
    await new Promise((r) => authority.child!.once("exit", r));
    await timePasses();
    expect(await cli(companyEnv(), "jobs", "run")).toMatch(/deliveries: 0 delivered, 1 to retry/);
    let status = (await json(companyEnv(), "exchange", "status", "--org", "acme")).submissions.find((s: { kind: string }) => s.kind === "incident-report");
    expect(status).toMatchObject({ status: "queued", attempts: 2, receipt: null });
    // The authority comes back; the next retry gets the receipt it signed the first time.
    await startAuthority();
    await timePasses();
    expect(await cli(companyEnv(), "jobs", "run")).toMatch(/deliveries: 1 delivered/);
    status = (await json(companyEnv(), "exchange", "status", "--org", "acme")).submissions.find((s: { kind: string }) => s.kind === "incident-report");
    expect(status).toMatchObject({ status: "delivered", subject: { label: code }, confidential: ["/rootCause"] });
    expect(status.receipt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]{86}$/);

    // Nothing lost, nothing twice: one queue entry at the authority, with the receipt the company kept.
    const queue = await json(authorityEnv(), "oversight", "queue", "--org", "ppc");
    expect(queue.items.filter((i: { subjectRef: string }) => i.subjectRef === code)).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ headline: "チャットボットが他の顧客の住所を表示した", confidentialParts: 1, sector: "finance", sender: { party: `${company.url}/orgs/acme` } });
    const db = openSqlite(`${authority.dir}/musubi.sqlite`);
    try {
      const kept = await db.kysely.selectFrom("exchange_idempotency").select("receipt").where("kind", "=", "incident-report").execute();
      expect(kept.map((k) => k.receipt)).toEqual([status.receipt]);
    } finally {
      await db.close();
    }
    // The receipt sits in the company's ledger.
    const ledger = await fetch(`${company.url}/api/audit?action=exchange.receipt_received`, { headers: { authorization: `Bearer ${token}` } });
    const entries = ((await ledger.json()) as { items: { after: { receipt: string; subject: string } }[] }).items;
    expect(entries.find((e) => e.after.subject === code)?.after.receipt).toBe(status.receipt);
  }, 180_000);

  it("flags a second organisation's similar incident, and refuses an unregistered sender at the authority's door", async () => {
    await cli(companyEnv(), "exchange", "connect", "--org", "beta", "--authority", proxyUrl, "--authority-org", "ppc");
    await cli(authorityEnv(), "exchange", "approve", "--org", "ppc", "--organisation", "beta");
    token = (await cli(companyEnv(), "token", "create", "--email", "admin@beta.test")).trim().split("\n").at(-1)!;
    const code = await fileIncident("チャットボットが他の顧客の住所を表示した", "生成AIチャットボットが問い合わせに対し、別の顧客の氏名と住所を回答した。約300件。");
    expect(await cli(companyEnv(), "exchange", "submit", "incident", code, "--org", "beta")).toMatch(/1 delivered/);
    const queue = await json(authorityEnv(), "oversight", "queue", "--org", "ppc");
    const [beta, acme] = queue.items as { id: string; sender: { party: string }; similarTo: { id: string; similarity: number } | null }[];
    expect(beta!.sender.party).toBe(`${company.url}/orgs/beta`);
    expect(beta!.similarTo?.id).toBe(acme!.id);

    // The authority groups the two organisations' reports into a case.
    const opened = await api(authority.url, authorityToken, "POST", "/api/oversight/cases", { titleJa: "チャットボットによる他の顧客情報の表示", titleEn: "Chatbots showing other customers' data", intakeIds: [beta!.id, acme!.id] });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ submissions: 2, organisations: 2 });
    expect((await json(authorityEnv(), "oversight", "cases", "--org", "ppc"))[0]).toMatchObject({ code: "CASE-000001", organisations: 2 });

    const stranger = await fetch(`${proxyUrl}/api/exchange/parties/ppc/messages`, { method: "POST", headers: { "content-type": "application/jose" }, body: "eyJhbGciOiJFZERTQSJ9.e30.AAAA" });
    expect(stranger.status).toBe(400);
    expect(((await stranger.json()) as { error: { code: string } }).error.code).toBe("exchange_malformed");
  }, 120_000);

  it("sends a request for information that lands as a task and is answered, and an advisory whose library update shows the company the systems it changes", async () => {
    expect(await cli(authorityEnv(), "oversight", "request", "--org", "ppc", "--title", "チャットボットの参照範囲に関する照会|Survey on chatbot data access", "--question", "顧客情報の参照範囲を制限していますか|Do you restrict which customer data the chatbot reads?", "--deadline", "2999-06-30")).toMatch(/RFI-000001 sent to 2 organisations/);
    expect(await cli(authorityEnv(), "jobs", "run")).toMatch(/deliveries: 2 delivered/);
    const [rfi] = await json(companyEnv(), "dealings", "list", "--org", "acme");
    expect(rfi).toMatchObject({ kind: "rfi", reference: "RFI-000001", status: "open", deadline: "2999-06-30" });
    expect((await api(company.url, acmeToken, "GET", `/api/tasks/${rfi.taskId}`)).body).toMatchObject({ status: "open", dueOn: "2999-06-30" });
    const answered = await api(company.url, acmeToken, "POST", `/api/dealings/${rfi.id}/answer`, { version: rfi.version, answers: [{ questionId: "q1", answer: "はい。会話の相手の情報のみ参照します。" }] });
    expect(answered.body.status).toBe("answered");
    expect(await cli(companyEnv(), "jobs", "run")).toMatch(/deliveries: 1 delivered/);
    const request = (await api(authority.url, authorityToken, "GET", "/api/oversight/requests")).body[0];
    expect(request.counts).toEqual({ sent: 1, answered: 1, overdue: 0 });

    // An advisory carrying a library update (the authority's own guideline, as a framework with a rule for generative AI).
    const chat = await api(company.url, acmeToken, "POST", "/api/systems", { nameJa: "顧客対応チャットボット", nameEn: "Customer chatbot", profile: { ...JP_BUSINESS_PROFILE, generative: true } });
    expect(chat.status).toBe(201);
    const drafted = await api(authority.url, authorityToken, "POST", "/api/oversight/advisories", { titleJa: "生成AIチャットボットの参照範囲について", titleEn: "On what generative chatbots may read", bodyJa: "添付の指針に従ってください。", bodyEn: "Follow the attached guideline.", audience: "all" });
    const template = await fetch(`${authority.url}/api/library/own/template.xlsx`, { headers: { authorization: `Bearer ${authorityToken}` } });
    const attached = await fetch(`${authority.url}/api/oversight/advisories/${drafted.body.id}/library-update`, { method: "PUT", headers: { authorization: `Bearer ${authorityToken}`, "x-file-name": "guideline.xlsx" }, body: await fillTemplate(await template.arrayBuffer(), { id: "org-ppc-chatbots" }) });
    expect(attached.status).toBe(200);
    const sent = await api(authority.url, authorityToken, "POST", `/api/oversight/advisories/${drafted.body.id}/send`, { version: ((await attached.json()) as { version: number }).version });
    expect(sent.body).toMatchObject({ status: "sent", recipients: 2 });
    expect(await cli(authorityEnv(), "jobs", "run")).toMatch(/deliveries: 2 delivered/);
    const advisory = (await json(companyEnv(), "dealings", "list", "--org", "acme")).find((d: { kind: string }) => d.kind === "advisory");
    const preview = (await api(company.url, acmeToken, "GET", `/api/dealings/${advisory.id}/library-update`)).body;
    expect(preview).toMatchObject({ framework: "org-ppc-chatbots", problems: [] });
    expect(preview.systems.map((s: { code: string; before: number; after: number }) => [s.code, s.before, s.after])).toEqual([[chat.body.code, 0, 1]]);
  }, 120_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
