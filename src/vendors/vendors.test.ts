import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { addMonths, todayInTokyo } from "../platform/time.ts";
import { QUESTIONS, suggestRating } from "./questionnaire.ts";

const all = (answer: "yes" | "partial" | "no" | "na", except: Record<string, "yes" | "partial" | "no" | "na"> = {}) =>
  Object.fromEntries(QUESTIONS.map((q) => [q.id, { answer: except[q.id] ?? answer, note: "" }]));

describe("vendor rating suggestion", () => {
  it("is low without gaps, medium with a few, high with many or one critical no, critical with two", () => {
    expect(suggestRating(all("yes"))).toEqual({ answered: 15, total: 15, gaps: 0, rating: "low" });
    expect(suggestRating(all("yes", { "prov.models": "no", "ctr.rights": "partial" }))).toMatchObject({ gaps: 1.5, rating: "medium" });
    expect(suggestRating(all("yes", { "prov.models": "no", "prov.evaluation": "no", "ctr.rights": "no" })).rating).toBe("high");
    expect(suggestRating(all("yes", { "data.training": "no" })).rating).toBe("high");
    expect(suggestRating(all("yes", { "data.training": "no", "ctr.liability": "no" })).rating).toBe("critical");
    expect(suggestRating(all("na")).rating).toBe("low");
  });

  it("suggests no rating until every question is answered, counting what is", () => {
    expect(suggestRating({})).toEqual({ answered: 0, total: QUESTIONS.length, gaps: 0, rating: null });
    const allButOne = Object.fromEntries(QUESTIONS.slice(1).map((q) => [q.id, { answer: "yes" as const }]));
    expect(suggestRating(allButOne)).toEqual({ answered: QUESTIONS.length - 1, total: QUESTIONS.length, gaps: 0, rating: null });
    expect(suggestRating({ "ctr.liability": { answer: "no" } })).toMatchObject({ answered: 1, gaps: 1, rating: null });
  });
});

describe.each(testDatabases())("vendors ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let system: { id: string };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "vendors");
    system = await registerSystem(api, org.tokens.admin, { nameJa: "要約AI", nameEn: "Summariser", profile: JP_BUSINESS_PROFILE });
  });
  afterAll(() => ctx.cleanup());

  it("registers a vendor with the systems that depend on it, due for review today", async () => {
    const v = await api.call("POST", "/api/vendors", { token: org.tokens.governance_lead, body: { name: "LLM Cloud K.K.", kind: "model_provider", dataCountries: ["JP", "US"], contractStart: "2026-04-01", contractEnd: addMonths(todayInTokyo(), 2), systemIds: [system.id], ownerId: org.users.governance_lead.id } });
    expect(v.status).toBe(201);
    expect(v.body).toMatchObject({ code: expect.stringMatching(/^VND-\d{6}$/), rating: "unrated", status: "under_review", nextReviewOn: todayInTokyo(), contractEndingSoon: true, systems: [{ id: system.id }] });
    const bySystem = await api.call("GET", `/api/vendors?systemId=${system.id}`, { token: org.tokens.viewer });
    expect(bySystem.body.items.map((x: { id: string }) => x.id)).toEqual([v.body.id]);
    const bad = await api.call("POST", "/api/vendors", { token: org.tokens.governance_lead, body: { name: "x", contractStart: "2026-04-01", contractEnd: "2026-03-01", systemIds: ["sys_nope"], dataCountries: ["japan"] } });
    expect(bad.status).toBe(400);
    expect((await api.call("POST", "/api/vendors", { token: org.tokens.system_owner, body: { name: "x" } })).status).toBe(403);
  });

  it("records a due-diligence review with its suggested and decided rating, in the ledger, and sets the next review by the cadence", async () => {
    const v = (await api.call("POST", "/api/vendors", { token: org.tokens.governance_lead, body: { name: "Chat SaaS", reviewMonths: 6 } })).body;
    const q = await api.call("GET", "/api/vendor-questionnaire", { token: org.tokens.viewer });
    expect(q.body.questions.map((x: { topic: string }) => x.topic)).toEqual(expect.arrayContaining(["security", "data_use", "provenance", "contract"]));
    const missing = await api.call("POST", `/api/vendors/${v.id}/reviews`, { token: org.tokens.governance_lead, body: { version: v.version, answers: { "sec.access": { answer: "yes" } } } });
    expect(missing.status).toBe(400);

    const r = await api.call("POST", `/api/vendors/${v.id}/reviews`, { token: org.tokens.governance_lead, body: { version: v.version, answers: all("yes", { "data.training": "no" }), rating: "critical", note: "学習利用のオプトアウト不可" } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ rating: "critical", status: "under_review", nextReviewOn: addMonths(todayInTokyo(), 6), lastReview: { suggestedRating: "high", rating: "critical", gaps: 1 } });
    const entry = (await api.call("GET", `/api/audit?entityId=${v.id}&action=vendor.reviewed`, { token: org.tokens.auditor })).body.items[0];
    expect(entry.after).toMatchObject({ suggestedRating: "high", rating: "critical", overridden: true });
    expect((await api.call("GET", "/api/vendors?rating=critical", { token: org.tokens.viewer })).body.items.map((x: { id: string }) => x.id)).toContain(v.id);
  });

  it("gets review tasks from a vendor schedule, done when the vendor is reviewed", async () => {
    const v = (await api.call("POST", "/api/vendors", { token: org.tokens.governance_lead, body: { name: "Translation API", ownerId: org.users.reviewer.id } })).body;
    const s = await api.call("POST", "/api/review-schedules", { token: org.tokens.governance_lead, body: { name: "ベンダー年次評価", subjectType: "vendor" } });
    await api.call("POST", `/api/review-schedules/${s.body.id}/run`, { token: org.tokens.governance_lead });
    const open = await api.call("GET", `/api/tasks?subjectId=${v.id}&active=true`, { token: org.tokens.viewer });
    expect(open.body.items).toHaveLength(1);
    expect(open.body.items[0]).toMatchObject({ kind: "review", assignee: { id: org.users.reviewer.id }, subject: { type: "vendor", code: v.code } });
    await api.call("POST", `/api/vendors/${v.id}/reviews`, { token: org.tokens.governance_lead, body: { version: v.version, answers: all("yes") } });
    expect((await api.call("GET", `/api/tasks/${open.body.items[0].id}`, { token: org.tokens.viewer })).body.status).toBe("done");
  });

  it("keeps the vendor under review after a review rated high, unless the reviewer sets a status", async () => {
    const v = (await api.call("POST", "/api/vendors", { token: org.tokens.governance_lead, body: { name: "Risky AI Inc." } })).body;
    const high = await api.call("POST", `/api/vendors/${v.id}/reviews`, { token: org.tokens.governance_lead, body: { version: v.version, answers: all("yes", { "data.training": "no" }) } });
    expect(high.status).toBe(201);
    expect(high.body).toMatchObject({ rating: "high", status: "under_review" });
    const entry = (await api.call("GET", `/api/audit?entityId=${v.id}&action=vendor.reviewed`, { token: org.tokens.auditor })).body.items[0];
    expect(entry.before).toMatchObject({ status: "under_review" });
    expect(entry.after).toMatchObject({ rating: "high", status: "under_review" });

    const low = await api.call("POST", `/api/vendors/${v.id}/reviews`, { token: org.tokens.governance_lead, body: { version: high.body.version, answers: all("yes") } });
    expect(low.body).toMatchObject({ rating: "low", status: "under_review" });
    const approved = await api.call("POST", `/api/vendors/${v.id}/reviews`, { token: org.tokens.governance_lead, body: { version: low.body.version, answers: all("yes"), status: "active" } });
    expect(approved.body).toMatchObject({ rating: "low", status: "active" });
    const latest = (await api.call("GET", `/api/audit?entityId=${v.id}&action=vendor.reviewed`, { token: org.tokens.auditor })).body.items[0];
    expect(latest.before).toMatchObject({ status: "under_review" });
    expect(latest.after).toMatchObject({ status: "active" });
    const offboarded = await api.call("POST", `/api/vendors/${v.id}/reviews`, { token: org.tokens.governance_lead, body: { version: approved.body.version, answers: all("no"), status: "offboarded" } });
    expect(offboarded.body).toMatchObject({ rating: "critical", status: "offboarded" });
    expect((await api.call("POST", `/api/vendors/${v.id}/reviews`, { token: org.tokens.governance_lead, body: { version: offboarded.body.version, answers: all("yes"), status: "approved" } })).status).toBe(400);
  });

  it("refuses a review with a question unanswered, saying so without listing question ids", async () => {
    const v = (await api.call("POST", "/api/vendors", { token: org.tokens.governance_lead, body: { name: "Half Answered Ltd." } })).body;
    const answers = Object.fromEntries(QUESTIONS.slice(1).map((q) => [q.id, { answer: "yes" }]));
    const r = await api.call("POST", `/api/vendors/${v.id}/reviews`, { token: org.tokens.governance_lead, body: { version: v.version, answers } });
    expect(r.status).toBe(400);
    const messages = JSON.stringify(r.body.error.details);
    expect(messages).not.toContain(QUESTIONS[0]!.id);
    expect((await api.call("GET", `/api/vendors/${v.id}`, { token: org.tokens.viewer })).body).toMatchObject({ rating: "unrated", lastReview: null });
  });
});
