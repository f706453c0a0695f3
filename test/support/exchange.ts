import { expect } from "vitest";
import { deliveryChannels } from "../../src/jobs.ts";
import { deliverDue } from "../../src/notify/outbox.worker.ts";
import type { SeededOrg, TestApp } from "./app.ts";

/** The exchange records in one organisation's tenant, for tests that aim requests at real rows. */
export interface PlantedExchange {
  /** The other's registration with it (its `member` connection). */
  exchange_connection: string;
  /** What it sent the other. */
  exchange_submission: string;
  /** What the other sent it, in its intake queue. */
  oversight_intake: string;
  /** A case grouping that submission. */
  oversight_case: string;
  /** A request for information it sent the other. */
  oversight_request: string;
  /** The other's request for information, in its register of dealings. */
  dealing: string;
  /** A draft advisory. */
  oversight_advisory: string;
  /** A draft publication of statistics. */
  oversight_publication: string;
}

/** Runs the outbox once, exchange channel included, as the server's job does. */
export function deliverNow(api: TestApp) {
  return deliverDue(api.deps.db, { channels: deliveryChannels(api.deps.db, api.deps.config, api.deps.outbound) });
}

/**
 * Two authorities of one instance, each registered with the other (approved) and each having sent
 * the other an incident report: every exchange record kind exists on both sides.
 */
export async function plantExchange(api: TestApp, a: SeededOrg, b: SeededOrg): Promise<Record<string, PlantedExchange>> {
  const ok = (what: string, res: { status: number; body: any }) => {
    expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  for (const [from, to] of [[a, b], [b, a]] as const) ok("connect", await api.call("POST", "/api/exchange/connections", { token: from.tokens.admin, body: { authoritySlug: to.slug } }));
  await deliverNow(api);
  const member: Record<string, string> = {};
  for (const org of [a, b]) {
    const [pending] = ok("registrations", await api.call("GET", "/api/oversight/registrations", { token: org.tokens.admin }));
    member[org.slug] = pending.id;
    ok("approve", await api.call("POST", `/api/oversight/registrations/${pending.id}/decision`, { token: org.tokens.admin, body: { decision: "approved" } }));
  }
  await deliverNow(api);
  const submission: Record<string, string> = {};
  for (const org of [a, b]) {
    const [conn] = ok("connections", await api.call("GET", "/api/exchange/connections", { token: org.tokens.admin }));
    const incident = ok("incident", await api.call("POST", "/api/incidents", { token: org.tokens.admin, body: { title: `${org.slug} の誤判定`, summary: "与信AIが誤った判定をした" } }));
    submission[org.slug] = ok("submit", await api.call("POST", "/api/exchange/submissions", { token: org.tokens.admin, body: { connectionId: conn.id, kind: "incident-report", subject: incident.code } })).id;
  }
  await deliverNow(api);
  const intake: Record<string, string> = {};
  const cases: Record<string, string> = {};
  for (const org of [a, b]) {
    intake[org.slug] = ok("intake", await api.call("GET", "/api/oversight/intake", { token: org.tokens.admin })).items[0].id;
    cases[org.slug] = ok("case", await api.call("POST", "/api/oversight/cases", { token: org.tokens.admin, body: { titleJa: "与信AIの誤判定", titleEn: "Credit AI misjudgements", intakeIds: [intake[org.slug]] } })).id;
  }
  // A request for information each way: a request on the sender's side, an entry in the recipient's register of dealings.
  const requests: Record<string, string> = {};
  for (const org of [a, b]) requests[org.slug] = ok("request", await api.call("POST", "/api/oversight/requests", { token: org.tokens.admin, body: { titleJa: "AI利用状況の照会", titleEn: "AI use survey", questions: [{ ja: "利用しているAIシステムの数", en: "How many AI systems do you use?" }], deadline: "2999-12-31", audience: "all" } })).id;
  await deliverNow(api);
  const dealing: Record<string, string> = {};
  for (const org of [a, b]) dealing[org.slug] = ok("dealings", await api.call("GET", "/api/dealings", { token: org.tokens.admin }))[0].id;
  const advisory: Record<string, string> = {};
  for (const org of [a, b]) advisory[org.slug] = ok("advisory", await api.call("POST", "/api/oversight/advisories", { token: org.tokens.admin, body: { titleJa: "注意喚起", titleEn: "Advisory", bodyJa: "本文", bodyEn: "Text", audience: "all" } })).id;
  const publication: Record<string, string> = {};
  for (const org of [a, b]) publication[org.slug] = ok("publication", await api.call("POST", "/api/oversight/publications", { token: org.tokens.admin, body: { subjectType: "statistics", titleJa: "統計", titleEn: "Statistics", bodyJa: "本文", bodyEn: "Text" } })).id;
  const of = (slug: string): PlantedExchange => ({ oversight_publication: publication[slug]!, exchange_connection: member[slug]!, exchange_submission: submission[slug]!, oversight_intake: intake[slug]!, oversight_case: cases[slug]!, oversight_request: requests[slug]!, dealing: dealing[slug]!, oversight_advisory: advisory[slug]! });
  return { [a.slug]: of(a.slug), [b.slug]: of(b.slug) };
}

/** Registers an organisation with an authority of the same instance and has the authority approve: returns the organisation's connection id. */
export async function connectMember(api: TestApp, org: SeededOrg, authority: SeededOrg, sector: string | null = "finance"): Promise<string> {
  const asked = await api.call("POST", "/api/exchange/connections", { token: org.tokens.admin, body: { authoritySlug: authority.slug, sector } });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  await deliverNow(api);
  const pending = (await api.call("GET", "/api/oversight/registrations", { token: authority.tokens.admin })).body as { id: string; status: string; counterpart: { party: string } }[];
  const mine = pending.find((p) => p.status === "pending" && p.counterpart.party.endsWith(`/orgs/${org.slug}`))!;
  expect((await api.call("POST", `/api/oversight/registrations/${mine.id}/decision`, { token: authority.tokens.supervisor, body: { decision: "approved" } })).status).toBe(200);
  await deliverNow(api);
  return asked.body.id as string;
}

/** Files an incident in `org` and submits it over `connectionId`, delivered: returns the incident's code. */
export async function submitIncident(api: TestApp, org: SeededOrg, connectionId: string, incident: Record<string, unknown>, confidential: { pointer: string; reason: string }[] = []): Promise<string> {
  const filed = await api.call("POST", "/api/incidents", { token: org.tokens.admin, body: incident });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const sent = await api.call("POST", "/api/exchange/submissions", { token: org.tokens.admin, body: { connectionId, kind: "incident-report", subject: filed.body.code, confidential } });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  await deliverNow(api);
  return filed.body.code as string;
}

/** Drafts a publication without naming anyone, has a supervisor approve it and a publisher publish it: returns its code. */
export async function publishThrough(api: TestApp, authority: SeededOrg, body: Record<string, unknown>): Promise<string> {
  const drafted = await api.call("POST", "/api/oversight/publications", { token: authority.tokens.analyst, body });
  expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
  const submitted = await api.call("POST", `/api/oversight/publications/${drafted.body.id}/submit`, { token: authority.tokens.analyst, body: { version: drafted.body.version, approvalPlan: [[authority.users.supervisor.id]] } });
  expect((await api.call("POST", `/api/approvals/${submitted.body.approvalId}/decide`, { token: authority.tokens.supervisor, body: { decision: "approve" } })).status).toBe(200);
  const approved = await api.call("GET", `/api/oversight/publications/${drafted.body.id}`, { token: authority.tokens.publisher });
  expect((await api.call("POST", `/api/oversight/publications/${drafted.body.id}/publish`, { token: authority.tokens.publisher, body: { version: approved.body.version } })).body.status).toBe("published");
  return drafted.body.code as string;
}
