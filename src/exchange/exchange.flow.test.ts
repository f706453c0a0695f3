import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { deliveryChannels } from "../jobs.ts";
import { deliverDue } from "../notify/outbox.worker.ts";
import { keyFromSet } from "./connections.store.ts";
import { committerFor } from "./exchange.commit.ts";
import { ensureExchangeKey } from "./exchange.keys.ts";
import { signMessage } from "./exchange.message.ts";
import { partyIdOf, wrapKeyOf } from "./exchange.party.ts";
import { verifyReceipt } from "./exchange.receipt.ts";
import { keyPair } from "./exchange.test-support.ts";

/**
 * The exchange end to end inside one instance: a company registers with an authority, the
 * authority approves, the company submits an incident report and keeps the signed receipt in its
 * ledger; the authority's queue holds it with its confidential part, a resubmission supersedes
 * it, another company's similar incident is flagged as possibly the same; forged, altered,
 * replayed and unregistered messages are refused with their codes and logged.
 */
describe.each(testDatabases())("the exchange inside one instance ($name)", (database) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let acme: SeededOrg;
  let beta: SeededOrg;
  let ppc: SeededOrg;
  let connectionId: string;
  let incidentCode: string;

  const deliver = () => deliverDue(ctx.db, { channels: deliveryChannels(ctx.db, api.deps.config, api.deps.outbound) });
  const base = () => `http://localhost:${api.deps.config.port}`;
  const post = (slug: string, jws: string, type = "application/jose") => api.call("POST", `/api/exchange/parties/${slug}/messages`, { rawBody: jws, headers: { "content-type": type } });

  async function connect(org: SeededOrg): Promise<string> {
    const res = await api.call("POST", "/api/exchange/connections", { token: org.tokens.governance_lead, body: { authoritySlug: "ppc", sector: "finance", note: "よろしくお願いします" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ direction: "authority", status: "pending", counterpart: { party: partyIdOf(base(), "ppc"), sameInstance: true } });
    expect((await deliver()).delivered).toBe(1);
    const pending = (await api.call("GET", "/api/oversight/registrations", { token: ppc.tokens.analyst })).body as { id: string; status: string; counterpart: { party: string } }[];
    const mine = pending.find((p) => p.counterpart.party === partyIdOf(base(), org.slug))!;
    expect(mine.status).toBe("pending");
    // An analyst reads registrations; only a supervisor (or admin) approves them.
    expect((await api.call("POST", `/api/oversight/registrations/${mine.id}/decision`, { token: ppc.tokens.analyst, body: { decision: "approved" } })).status).toBe(403);
    const approved = await api.call("POST", `/api/oversight/registrations/${mine.id}/decision`, { token: ppc.tokens.supervisor, body: { decision: "approved", note: null } });
    expect(approved.body.status).toBe("approved");
    expect((await deliver()).delivered).toBe(1);
    const mineNow = (await api.call("GET", "/api/exchange/connections", { token: org.tokens.admin })).body as { id: string; status: string }[];
    expect(mineNow).toHaveLength(1);
    expect(mineNow[0]!.status).toBe("approved");
    return mineNow[0]!.id;
  }

  async function fileIncident(org: SeededOrg, title: string, summary: string): Promise<string> {
    const res = await api.call("POST", "/api/incidents", { token: org.tokens.governance_lead, body: { title, summary, severity: "high", occurredAt: "2026-11-03", rights: ["privacy"], rootCause: "ベンダーの学習データに顧客情報が含まれていた" } });
    expect(res.status).toBe(201);
    return res.body.code as string;
  }

  beforeAll(async () => {
    ctx = await database.open();
    api = testApp(ctx.db, ctx.dataDir);
    acme = await seedOrg(ctx.db, "acme");
    beta = await seedOrg(ctx.db, "beta");
    ppc = await seedOrg(ctx.db, "ppc", { kind: "authority" });
    connectionId = await connect(acme);
    incidentCode = await fileIncident(acme, "チャットボットが他の顧客の住所を表示した", "生成AIチャットボットが問い合わせに対し、別の顧客の氏名と住所を回答した。約120件。");
  });
  afterAll(() => ctx.cleanup());

  it("publishes only authorities' descriptors, and an organisation cannot register twice or with itself", async () => {
    const d = await api.call("GET", "/api/exchange/parties/ppc");
    expect(d.body).toMatchObject({ format: "musubi-exchange-party/1", kind: "authority", party: partyIdOf(base(), "ppc"), messages: `${base()}/api/exchange/parties/ppc/messages` });
    expect(d.body.keys.keys[0].kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await api.call("GET", "/api/exchange/parties/acme")).status).toBe(404);
    expect((await api.call("GET", "/api/exchange/parties/nobody")).status).toBe(404);
    const twice = await api.call("POST", "/api/exchange/connections", { token: acme.tokens.admin, body: { authoritySlug: "ppc" } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("exchange_already_connected");
    expect((await api.call("POST", "/api/exchange/connections", { token: acme.tokens.admin, body: { authoritySlug: "acme" } })).body.error.code).toBe("exchange_party_not_found");
    expect((await api.call("POST", "/api/exchange/connections", { token: acme.tokens.admin, body: { authoritySlug: "ppc", sector: "astrology" } })).status).toBe(400);
    // A system owner may read nothing of the exchange and send nothing.
    expect((await api.call("POST", "/api/exchange/submissions", { token: acme.tokens.system_owner, body: { connectionId, kind: "incident-report", subject: incidentCode } })).status).toBe(403);
  });

  it("delivers an incident report, keeps the authority's verified receipt in the sender's ledger, and queues it at the authority with its confidential part marked", async () => {
    const sent = await api.call("POST", "/api/exchange/submissions", {
      token: acme.tokens.governance_lead,
      body: { connectionId, kind: "incident-report", subject: incidentCode, confidential: [{ pointer: "/rootCause", reason: "trade-secret" }] },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: "queued", kind: "incident-report", subject: { type: "incident", label: incidentCode }, confidential: ["/rootCause"], receipt: null });
    expect((await deliver()).delivered).toBe(1);

    const mine = (await api.call("GET", "/api/exchange/submissions", { token: acme.tokens.auditor })).body as { id: string; status: string; receipt: string; receivedAt: string; idempotencyKey: string; payloadSha256: string }[];
    const delivered = mine.find((s) => s.id === sent.body.id)!;
    expect(delivered.status).toBe("delivered");
    // The receipt verifies with the key the authority publishes, and names this very submission.
    const descriptor = (await api.call("GET", "/api/exchange/parties/ppc")).body;
    const { receipt } = await verifyReceipt(delivered.receipt, (kid) => keyFromSet(JSON.stringify(descriptor.keys), kid), {
      audience: partyIdOf(base(), "acme"),
      expected: { recipient: descriptor.party, idempotencyKey: delivered.idempotencyKey, payloadSha256: delivered.payloadSha256 },
    });
    expect(receipt.receivedAt).toBe(delivered.receivedAt);
    const ledger = (await api.call("GET", "/api/audit?action=exchange.receipt_received", { token: acme.tokens.auditor })).body.items as { entityId: string; after: { receipt: string } }[];
    expect(ledger.find((e) => e.entityId === sent.body.id)?.after.receipt).toBe(delivered.receipt);

    const queue = await api.call("GET", "/api/oversight/intake", { token: ppc.tokens.analyst });
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i: { subjectRef: string }) => i.subjectRef === incidentCode);
    expect(item).toMatchObject({ kind: "incident-report", headline: "チャットボットが他の顧客の住所を表示した", status: "new", severity: "high", sector: "finance", rights: ["privacy"], occurredMonth: "2026-11", confidentialParts: 1, sender: { name: { en: "acme Inc." } } });
    const detail = await api.call("GET", `/api/oversight/intake/${item.id}`, { token: ppc.tokens.auditor });
    expect(detail.body.confidential).toEqual([{ pointer: "/rootCause", reason: "trade-secret" }]);
    expect(detail.body.document.incident.code).toBe(incidentCode);
    expect(detail.body.payloadSha256).toBe(delivered.payloadSha256);
    // The organisation's own people cannot read the authority's queue, nor the authority's someone else's.
    expect((await api.call("GET", "/api/oversight/intake", { token: acme.tokens.admin })).status).toBe(403);
  });

  it("takes a resubmission of the same incident as its new version, and flags another organisation's similar incident", async () => {
    await api.call("POST", "/api/exchange/submissions", { token: acme.tokens.admin, body: { connectionId, kind: "incident-report", subject: incidentCode } });
    await deliver();
    await connect(beta);
    const betaConn = (await api.call("GET", "/api/exchange/connections", { token: beta.tokens.admin })).body[0].id;
    const betaCode = await fileIncident(beta, "チャットボットが他の顧客の住所を表示した", "生成AIチャットボットが問い合わせに対し、別の顧客の氏名と住所を回答した。約300件。");
    await api.call("POST", "/api/exchange/submissions", { token: beta.tokens.admin, body: { connectionId: betaConn, kind: "incident-report", subject: betaCode } });
    await deliver();

    const items = (await api.call("GET", "/api/oversight/intake?limit=10", { token: ppc.tokens.analyst })).body.items as { id: string; status: string; subjectRef: string; supersedes: string | null; similarTo: { id: string; similarity: number } | null; sender: { party: string } }[];
    const acmes = items.filter((i) => i.sender.party === partyIdOf(base(), "acme"));
    expect(acmes.map((i) => i.status)).toEqual(["new", "superseded"]);
    expect(acmes[0]!.supersedes).toBe(acmes[1]!.id);
    const betas = items.filter((i) => i.sender.party === partyIdOf(base(), "beta"));
    expect(betas).toHaveLength(1);
    expect(acmes.map((i) => i.id)).toContain(betas[0]!.similarTo?.id);
    expect(betas[0]!.similarTo!.similarity).toBeGreaterThanOrEqual(0.5);
    expect((await api.call("GET", "/api/oversight/intake?status=superseded", { token: ppc.tokens.analyst })).body.total).toBe(1);
  });

  it("refuses forged, altered, replayed and unregistered messages with their codes, logs them, and answers a retried submission with its first receipt", async () => {
    const acmeKey = await ensureExchangeKey(ctx.db.kysely, wrapKeyOf({ dataDir: ctx.dataDir }), acme.orgId);
    const claims = { iss: partyIdOf(base(), "acme"), aud: partyIdOf(base(), "ppc"), kind: "incident-report" as const, schema: "musubi-submission/1", idempotencyKey: "manual-1" };
    const report = (await api.call("GET", "/api/exchange/submissions", { token: acme.tokens.admin })).body[0];
    const payload = JSON.parse((await ctx.db.kysely.selectFrom("exchange_outgoing").select("payload").where("id", "=", report.id).executeTakeFirstOrThrow()).payload);
    const { jws } = await signMessage(acmeKey.privateKey, acmeKey.kid, claims, payload);
    const first = await post("ppc", jws);
    expect(first.status).toBe(201);
    expect(first.body.duplicate).toBe(false);
    // The same envelope again is a replay.
    expect((await post("ppc", jws)).body.error.code).toBe("exchange_replayed");
    // Signed again with the same idempotency key: the first receipt, nothing stored twice.
    const retry = await post("ppc", (await signMessage(acmeKey.privateKey, acmeKey.kid, claims, payload)).jws);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ receipt: first.body.receipt, duplicate: true });
    // Another payload under that key is a conflict.
    expect((await post("ppc", (await signMessage(acmeKey.privateKey, acmeKey.kid, claims, { ...payload, confidential: [{ pointer: "/rootCause", reason: "personal-data" }] })).jws)).body.error.code).toBe("exchange_idempotency_conflict");
    // One byte of the body changed: the signature no longer holds.
    const [h, b, s] = jws.split(".") as [string, string, string];
    const body = JSON.parse(Buffer.from(b, "base64url").toString("utf8"));
    body.payload.document.incident.severity = "low";
    expect((await post("ppc", `${h}.${Buffer.from(JSON.stringify(body)).toString("base64url")}.${s}`)).body.error.code).toBe("exchange_bad_signature");
    // Someone else's key, claiming to be acme.
    const forger = keyPair();
    expect((await post("ppc", (await signMessage(forger.privateKey, forger.kid, { ...claims, idempotencyKey: "forged" }, payload)).jws)).body.error.code).toBe("exchange_unknown_key");
    // An organisation that never registered.
    const stranger = keyPair();
    const unregistered = await post("ppc", (await signMessage(stranger.privateKey, stranger.kid, { ...claims, iss: "https://elsewhere.example/orgs/x", idempotencyKey: "x-1" }, payload)).jws);
    expect(unregistered.status).toBe(403);
    expect(unregistered.body.error.code).toBe("exchange_unregistered_sender");
    // An unknown recipient answers exactly as an unregistered sender does.
    expect((await post("nobody", jws)).body.error.code).toBe("exchange_unregistered_sender");
    expect((await post("ppc", jws, "application/json")).status).toBe(415);

    const logged = await ctx.db.kysely.selectFrom("exchange_refusals").select(["code", "claimed_sender"]).where("org_id", "=", ppc.orgId).execute();
    expect(logged.map((r) => r.code).sort()).toEqual(["exchange_bad_signature", "exchange_idempotency_conflict", "exchange_replayed", "exchange_unknown_key", "exchange_unregistered_sender"]);
    expect(logged.find((r) => r.code === "exchange_unregistered_sender")?.claimed_sender).toBe("https://elsewhere.example/orgs/x");
  });

  it("refuses a submission before the authority approved, and one that names nothing confidential that exists", async () => {
    const gamma = await seedOrg(ctx.db, "gamma");
    const pending = await api.call("POST", "/api/exchange/connections", { token: gamma.tokens.admin, body: { authoritySlug: "ppc" } });
    const code = await fileIncident(gamma, "誤判定", "与信AIの誤判定");
    const early = await api.call("POST", "/api/exchange/submissions", { token: gamma.tokens.admin, body: { connectionId: pending.body.id, kind: "incident-report", subject: code } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("exchange_not_connected");
    const bad = await api.call("POST", "/api/exchange/submissions", { token: acme.tokens.admin, body: { connectionId, kind: "incident-report", subject: incidentCode, confidential: [{ pointer: "/nothing/here", reason: "personal-data" }] } });
    expect(bad.status).toBe(400);
    expect((await api.call("POST", "/api/exchange/submissions", { token: acme.tokens.admin, body: { connectionId, kind: "haip-report", subject: "2026" } })).status).toBe(404);
  });

  it("stores messages that arrive together in one go, each with its own answer: a replay, a retry, a resubmission and a new report", async () => {
    const acmeKey = await ensureExchangeKey(ctx.db.kysely, wrapKeyOf({ dataDir: ctx.dataDir }), acme.orgId);
    const report = (await api.call("GET", "/api/exchange/submissions", { token: acme.tokens.admin })).body[0];
    const payload = JSON.parse((await ctx.db.kysely.selectFrom("exchange_outgoing").select("payload").where("id", "=", report.id).executeTakeFirstOrThrow()).payload);
    const claims = (idempotencyKey: string) => ({ iss: partyIdOf(base(), "acme"), aud: partyIdOf(base(), "ppc"), kind: "incident-report" as const, schema: "musubi-submission/1", idempotencyKey });
    const withDoc = (change: (doc: { incident: { code: string; summary: string } }) => void) => {
      const copy = structuredClone(payload);
      change(copy.document);
      return copy;
    };
    const ledger = () => ctx.db.kysely.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).where("org_id", "=", ppc.orgId).where("action", "=", "exchange.message_received").executeTakeFirstOrThrow();
    const counted = async () => (await ctx.db.kysely.selectFrom("counters").select(["key", "n"]).where("org_id", "=", ppc.orgId).where("name", "=", "trend").where("key", "like", "kind|%|incident-report").execute()).reduce((sum, r) => sum + Number(r.n), 0);
    const ledgerBefore = Number((await ledger()).n);
    const countedBefore = await counted();

    const code = "BATCH-1";
    const first = await signMessage(acmeKey.privateKey, acmeKey.kid, claims("batch-1"), withDoc((d) => (d.incident.code = code)));
    const retry = await signMessage(acmeKey.privateKey, acmeKey.kid, claims("batch-1"), withDoc((d) => (d.incident.code = code)));
    const resubmitted = await signMessage(acmeKey.privateKey, acmeKey.kid, claims("batch-2"), withDoc((d) => ((d.incident.code = code), (d.incident.summary = "調査の結果、影響は約150件だった。"))));
    const other = await signMessage(acmeKey.privateKey, acmeKey.kid, claims("batch-3"), withDoc((d) => (d.incident.code = "BATCH-2")));
    // All in flight while the authority's previous messages are being stored: they wait, then are stored together.
    const release = committerFor(ctx.db).pause(ppc.orgId);
    const sending = Promise.all([first.jws, first.jws, retry.jws, resubmitted.jws, other.jws].map((jws) => post("ppc", jws)));
    while (committerFor(ctx.db).waiting(ppc.orgId) < 5) await new Promise((r) => setTimeout(r, 5));
    release();
    const answers = await sending;

    const [a, b, c, d, e] = answers;
    const sameGroup = [a!, b!, c!];
    expect(sameGroup.map((r) => r.status).sort()).toEqual([200, 201, 409]);
    const stored = sameGroup.find((r) => r.status === 201)!;
    expect(sameGroup.find((r) => r.status === 200)!.body).toEqual({ receipt: stored.body.receipt, duplicate: true });
    expect(sameGroup.find((r) => r.status === 409)!.body.error.code).toBe("exchange_replayed");
    expect([d!.status, e!.status]).toEqual([201, 201]);
    const receipts = [stored, d!, e!].map((r) => r.body.receipt as string);
    expect(new Set(receipts).size).toBe(3);

    // Two versions of BATCH-1: one supersedes the other; BATCH-2 once.
    const rows = await ctx.db.kysely.selectFrom("oversight_intake").select(["id", "subject_ref", "status", "supersedes", "idempotency_key"]).where("org_id", "=", ppc.orgId).where("subject_ref", "in", [code, "BATCH-2"]).execute();
    const versions = rows.filter((r) => r.subject_ref === code);
    expect(versions).toHaveLength(2);
    const [old, current] = versions[0]!.status === "superseded" ? [versions[0]!, versions[1]!] : [versions[1]!, versions[0]!];
    expect(old.status).toBe("superseded");
    expect(current.status).toBe("new");
    expect(current.supersedes).toBe(old.id);
    expect(rows.filter((r) => r.subject_ref === "BATCH-2").map((r) => r.status)).toEqual(["new"]);
    // One ledger entry per stored message; the trends count the two current reports, not the superseded one.
    expect(Number((await ledger()).n) - ledgerBefore).toBe(3);
    // Stored in one transaction: one ledger append, one timestamp.
    const entries = await ctx.db.kysely.selectFrom("audit_log").select("ts").where("org_id", "=", ppc.orgId).where("action", "=", "exchange.message_received").orderBy("seq", "desc").limit(3).execute();
    expect(new Set(entries.map((r) => r.ts)).size).toBe(1);
    expect((await counted()) - countedBefore).toBe(2);
    for (const receipt of receipts) {
      const ppcKey = await ensureExchangeKey(ctx.db.kysely, wrapKeyOf({ dataDir: ctx.dataDir }), ppc.orgId);
      expect((await verifyReceipt(receipt, () => ppcKey.publicKey.jwk && keyFromSet(JSON.stringify({ keys: [ppcKey.publicKey.jwk] }), ppcKey.kid), { audience: partyIdOf(base(), "acme") })).receipt.kind).toBe("incident-report");
    }
  });
});
