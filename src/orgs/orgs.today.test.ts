import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { escalateOverdue } from "../workflow/escalation.ts";
import { orgToday, timeZoneOfSettings } from "./orgs.store.ts";

/** Tokyo is already on 21 November (01:30); Berlin is still on the 20th (17:30), Los Angeles too (08:30). */
const TOKYO_TOMORROW = new Date("2026-11-20T16:30:00Z");
/** 00:30 on 21 November in Berlin: its day has now turned too. */
const BERLIN_MIDNIGHT_PAST = new Date("2026-11-20T23:30:00Z");
const DUE = "2026-11-20";

describe("timeZoneOfSettings", () => {
  it("reads the zone from stored settings, and falls back to Tokyo for a missing or unknown one", () => {
    expect(timeZoneOfSettings(JSON.stringify({ timezone: "Europe/Berlin", fiscalYearStartMonth: 4 }))).toBe("Europe/Berlin");
    expect(timeZoneOfSettings(JSON.stringify({ fiscalYearStartMonth: 4 }))).toBe("Asia/Tokyo");
    expect(timeZoneOfSettings(JSON.stringify({ timezone: "Mars/Olympus_Mons" }))).toBe("Asia/Tokyo");
  });
});

describe.each(testDatabases())("the organisation's day ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let berlin: SeededOrg;
  let tokyo: SeededOrg;

  async function setZone(org: SeededOrg, timezone: string) {
    const current = await api.call("GET", "/api/org", { token: org.tokens.admin });
    const res = await api.call("PATCH", "/api/org", { token: org.tokens.admin, body: { version: current.body.version, settings: { timezone } } });
    expect(res.status).toBe(200);
  }

  async function taskDue(org: SeededOrg, dueOn: string) {
    const res = await api.call("POST", "/api/tasks", { token: org.tokens.governance_lead, body: { title: "月次モニタリング", assigneeId: org.users.system_owner.id, dueOn } });
    expect(res.status).toBe(201);
    return res.body as { id: string; overdue: boolean };
  }

  const myWork = async (org: SeededOrg) => (await api.call("GET", "/api/my/tasks", { token: org.tokens.system_owner })).body;

  beforeAll(async () => {
    // Only Date: the database drivers keep their real timers.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(TOKYO_TOMORROW);
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    berlin = await seedOrg(ctx.db, "berlin");
    tokyo = await seedOrg(ctx.db, "tokyo");
    await setZone(berlin, "Europe/Berlin");
  });
  beforeEach(() => {
    vi.setSystemTime(TOKYO_TOMORROW);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await ctx.cleanup();
  });

  it("gives each organisation its own calendar day from one lookup", async () => {
    expect(await orgToday(ctx.db.kysely, berlin.orgId)).toBe("2026-11-20");
    expect(await orgToday(ctx.db.kysely, tokyo.orgId)).toBe("2026-11-21");
    expect(await orgToday(ctx.db.kysely, "org_gone")).toBe("2026-11-21");
  });

  it("does not count a task due today as overdue in Berlin while Tokyo's day has moved on (my work, task list)", async () => {
    const b = await taskDue(berlin, DUE);
    const t = await taskDue(tokyo, DUE);
    expect(b.overdue).toBe(false);
    expect(t.overdue).toBe(true);

    const mineB = await myWork(berlin);
    const mineT = await myWork(tokyo);
    expect(mineB.overdueTotal).toBe(0);
    expect(mineB.tasks.find((x: { id: string }) => x.id === b.id).overdue).toBe(false);
    expect(mineT.overdueTotal).toBe(1);
    expect(mineT.tasks.find((x: { id: string }) => x.id === t.id).overdue).toBe(true);

    expect((await api.call("GET", "/api/tasks?overdue=true", { token: berlin.tokens.viewer })).body.total).toBe(0);
    expect((await api.call("GET", "/api/tasks?overdue=true", { token: tokyo.tokens.viewer })).body.total).toBe(1);

    vi.setSystemTime(BERLIN_MIDNIGHT_PAST);
    expect((await myWork(berlin)).overdueTotal).toBe(1);
  });

  it("escalates a task once it is past due in its own organisation's day, not Tokyo's", async () => {
    const escalations = async (org: SeededOrg, taskId: string) =>
      (await api.call("GET", `/api/audit?entityId=${taskId}&action=task.escalated`, { token: org.tokens.auditor })).body.items.length;
    const tasks = async (org: SeededOrg) => (await api.call("GET", "/api/tasks?overdue=true&limit=200", { token: org.tokens.viewer })).body.items as { id: string }[];
    const b = await taskDue(berlin, DUE);
    const t = await taskDue(tokyo, DUE);

    await escalateOverdue(ctx.db);
    expect(await escalations(berlin, b.id)).toBe(0);
    expect(await escalations(tokyo, t.id)).toBe(1);
    expect((await tasks(berlin)).map((x) => x.id)).not.toContain(b.id);

    vi.setSystemTime(BERLIN_MIDNIGHT_PAST);
    await escalateOverdue(ctx.db);
    expect(await escalations(berlin, b.id)).toBe(1);
    expect(await escalations(tokyo, t.id)).toBe(1);
  });

  it("keys the cached dashboard by the organisation's day: reviews and evidence lapse at Berlin's midnight", async () => {
    for (const org of [berlin, tokyo]) {
      await registerSystem(api, org.tokens.admin, { nameJa: "審査AI", nameEn: "Review AI", profile: JP_BUSINESS_PROFILE, nextReviewAt: DUE });
      const e = await api.call("POST", "/api/evidence", { token: org.tokens.governance_lead, body: { kind: "note", title: "監査報告書", validUntil: DUE } });
      expect(e.status).toBe(201);
      expect(e.body.status).toBe(org === berlin ? "expiring" : "expired");
    }
    const dashboard = (org: SeededOrg) => api.call("GET", "/api/dashboard", { token: org.tokens.viewer });

    const before = await dashboard(berlin);
    expect(before.body.overdueReviews.count).toBe(0);
    expect(before.body.expiringEvidence.expired).toBe(0);
    expect(before.headers.get("etag")).toContain("2026-11-20");
    const t = await dashboard(tokyo);
    expect(t.body.overdueReviews.count).toBe(1);
    expect(t.body.expiringEvidence.expired).toBe(1);

    // Nothing was written since: only Berlin's day turning can change its answer.
    vi.setSystemTime(BERLIN_MIDNIGHT_PAST);
    const after = await dashboard(berlin);
    expect(after.body.overdueReviews.count).toBe(1);
    expect(after.body.expiringEvidence.expired).toBe(1);
    expect(after.headers.get("etag")).toContain("2026-11-21");
    const stale = await api.call("GET", "/api/dashboard", { token: berlin.tokens.viewer, headers: { "if-none-match": before.headers.get("etag")! } });
    expect(stale.status).toBe(200);
  });

  it("starts dates computed from today at the organisation's day: a vendor's first review, a risk's next review, an acceptance that must run past today", async () => {
    const results: Record<string, { firstReview: string; nextReview: string; acceptance: number }> = {};
    for (const [name, org] of [["berlin", berlin], ["tokyo", tokyo]] as const) {
      const vendor = await api.call("POST", "/api/vendors", { token: org.tokens.governance_lead, body: { name: "外部LLM事業者" } });
      expect(vendor.status).toBe(201);
      const risk = await api.call("POST", "/api/risks", { token: org.tokens.governance_lead, body: { titleJa: "誤判定", titleEn: "Misjudgement", inherentLikelihood: 3, inherentImpact: 3, ownerId: org.users.system_owner.id } });
      expect(risk.status).toBe(201);
      const reviewed = await api.call("POST", `/api/risks/${risk.body.id}/review`, { token: org.tokens.governance_lead, body: { version: risk.body.version, note: "四半期レビュー" } });
      expect(reviewed.status).toBe(200);
      const accepted = await api.call("POST", `/api/risks/${risk.body.id}/accept`, { token: org.tokens.admin, body: { version: reviewed.body.version, expiresOn: "2026-11-21", note: "代替策あり" } });
      results[name] = { firstReview: vendor.body.nextReviewOn, nextReview: reviewed.body.nextReviewOn, acceptance: accepted.status };
    }
    expect(results).toEqual({
      berlin: { firstReview: "2026-11-20", nextReview: "2027-11-20", acceptance: 200 },
      // In Tokyo the 21st is already today, so an acceptance until then does not run past it.
      tokyo: { firstReview: "2026-11-21", nextReview: "2027-11-21", acceptance: 400 },
    });
  });

  it("counts a new vendor cadence from the day of the last review in the organisation's zone, not UTC's", async () => {
    vi.setSystemTime(BERLIN_MIDNIGHT_PAST); // reviewed at 00:30 on the 21st in Berlin, still the 20th in UTC
    const vendor = (await api.call("POST", "/api/vendors", { token: berlin.tokens.governance_lead, body: { name: "推論基盤ベンダー" } })).body;
    const questions = (await api.call("GET", "/api/vendor-questionnaire", { token: berlin.tokens.viewer })).body.questions as { id: string }[];
    const answers = Object.fromEntries(questions.map((q) => [q.id, { answer: "yes", note: "" }]));
    const reviewed = await api.call("POST", `/api/vendors/${vendor.id}/reviews`, { token: berlin.tokens.governance_lead, body: { version: vendor.version, answers, note: "年次レビュー" } });
    expect(reviewed.status).toBe(201);
    expect(reviewed.body.nextReviewOn).toBe("2027-11-21");
    const sixMonths = await api.call("PATCH", `/api/vendors/${vendor.id}`, { token: berlin.tokens.governance_lead, body: { version: reviewed.body.version, reviewMonths: 6 } });
    expect(sixMonths.body.nextReviewOn).toBe("2027-05-21");
  });

  it("puts a review schedule in the fiscal year of the organisation's day", async () => {
    vi.setSystemTime(new Date("2027-03-31T16:30:00Z")); // Tokyo: 1 April 2027, FY2027; Berlin: 31 March, FY2026
    const periods: Record<string, string> = {};
    for (const [name, org] of [["berlin", berlin], ["tokyo", tokyo]] as const) {
      const s = await api.call("POST", "/api/review-schedules", { token: org.tokens.governance_lead, body: { name: "年次AIレビュー", subjectType: "system" } });
      expect(s.status).toBe(201);
      const run = await api.call("POST", `/api/review-schedules/${s.body.id}/run`, { token: org.tokens.governance_lead });
      periods[name] = `${s.body.currentPeriod.key} ${run.body.period}`;
    }
    expect(periods).toEqual({ berlin: "FY2026 FY2026", tokyo: "FY2027 FY2027" });
  });

  it("follows a change of zone in the settings at once", async () => {
    const la = await seedOrg(ctx.db, "los-angeles");
    await setZone(la, "America/Los_Angeles");
    const task = await taskDue(la, DUE);
    expect(task.overdue).toBe(false);
    expect((await myWork(la)).overdueTotal).toBe(0);
    await setZone(la, "Asia/Tokyo");
    expect((await myWork(la)).overdueTotal).toBe(1);
    expect((await api.call("GET", `/api/tasks/${task.id}`, { token: la.tokens.viewer })).body.overdue).toBe(true);
  });
});
