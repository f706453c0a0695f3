import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { connectMember, deliverNow, submitIncident } from "../../test/support/exchange.ts";
import type { Db } from "../db/connect.ts";

/**
 * An authority's analysis of what arrives: triage (which the trends follow), duplicates taken out
 * of the counts, cases grouping several organisations' reports with a timeline, and a trend bar's
 * drill-down to its submissions.
 */
describe.each(testDatabases())("intake triage, cases and trends ($name)", (database) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let fsa: SeededOrg;
  let bank: SeededOrg;
  let insurer: SeededOrg;
  let bankConn: string;
  let bankCode: string;
  const get = (path: string) => api.call("GET", path, { token: fsa.tokens.analyst }).then((r) => r.body);
  const trendOf = async (dimension: string) => Object.fromEntries(((await get(`/api/oversight/trends?dimension=${dimension}&from=2026-01&to=2026-12`)).buckets as { value: string; count: number }[]).map((b) => [b.value, b.count]));

  beforeAll(async () => {
    ctx = await database.open();
    api = testApp(ctx.db, ctx.dataDir);
    fsa = await seedOrg(ctx.db, "fsa", { kind: "authority" });
    bank = await seedOrg(ctx.db, "bank");
    insurer = await seedOrg(ctx.db, "insurer");
    bankConn = await connectMember(api, bank, fsa, "finance");
    const insurerConn = await connectMember(api, insurer, fsa, null);
    bankCode = await submitIncident(api, bank, bankConn, { title: "与信スコアが特定地域の申込者に一律に低い", summary: "与信AIが居住地域を理由に低いスコアを付けていた", severity: "medium", occurredAt: "2026-09-14", rights: ["non_discrimination"] });
    await submitIncident(api, insurer, insurerConn, { title: "保険審査AIが特定地域の申込者に一律に低い評価", summary: "審査AIが居住地域を理由に低い評価を付けていた", severity: "low", occurredAt: "2026-10-02", rights: ["non_discrimination"] });
  });
  afterAll(() => ctx.cleanup());

  it("follows triage in the trends: severity and rights changed, the submission counted under its new values", async () => {
    const [insurerItem, bankItem] = (await get("/api/oversight/intake")).items as { id: string; version: number; sender: { party: string } }[];
    expect(bankItem!.sender.party).toMatch(/\/orgs\/bank$/);
    expect(await trendOf("severity")).toEqual({ low: 1, medium: 1 });
    const triaged = await api.call("PATCH", `/api/oversight/intake/${bankItem!.id}`, { token: fsa.tokens.analyst, body: { version: bankItem!.version, status: "triaged", severity: "high", rights: ["non_discrimination", "consumer"], assigneeId: fsa.users.analyst.id } });
    expect(triaged.status).toBe(200);
    expect(triaged.body).toMatchObject({ status: "triaged", severity: "high", rights: ["non_discrimination", "consumer"], assigneeId: fsa.users.analyst.id, version: bankItem!.version + 1 });
    expect(await trendOf("severity")).toEqual({ high: 1, low: 1 });
    expect(await trendOf("right")).toEqual({ non_discrimination: 2, consumer: 1 });
    expect(await trendOf("sector")).toEqual({ finance: 1, unspecified: 1 });
    // A stale version is a conflict; a publisher may read but not triage; an assignee must be one of the authority's analysts.
    expect((await api.call("PATCH", `/api/oversight/intake/${bankItem!.id}`, { token: fsa.tokens.analyst, body: { version: bankItem!.version, severity: "low" } })).status).toBe(409);
    expect((await api.call("PATCH", `/api/oversight/intake/${bankItem!.id}`, { token: fsa.tokens.publisher, body: { version: bankItem!.version + 1, severity: "low" } })).status).toBe(403);
    const stranger = await api.call("PATCH", `/api/oversight/intake/${bankItem!.id}`, { token: fsa.tokens.analyst, body: { version: bankItem!.version + 1, assigneeId: bank.users.admin.id } });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details[0].field).toBe("body.assigneeId");
    // The drill-down from a trend bar lists exactly the submissions it counts.
    const drilled = await get("/api/oversight/intake?dimension=right&value=consumer");
    expect(drilled.items.map((i: { id: string }) => i.id)).toEqual([bankItem!.id]);
    expect((await get("/api/oversight/intake?month=2026-10")).items.map((i: { id: string }) => i.id)).toEqual([insurerItem!.id]);
  });

  it("groups two organisations' reports into a case with a timeline, notes and countermeasures; a resubmission stays in its case", async () => {
    const items = (await get("/api/oversight/intake")).items as { id: string }[];
    const created = await api.call("POST", "/api/oversight/cases", { token: fsa.tokens.analyst, body: { titleJa: "居住地域による与信・保険審査の差別", titleEn: "Discrimination by area of residence in credit and insurance scoring", rights: ["non_discrimination"], intakeIds: items.map((i) => i.id) } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: "CASE-000001", status: "open", submissions: 2, organisations: 2 });
    expect(created.body.involved.map((o: { name: { en: string } }) => o.name.en).sort()).toEqual(["bank Inc.", "insurer Inc."]);
    await api.call("POST", `/api/oversight/cases/${created.body.id}/entries`, { token: fsa.tokens.analyst, body: { kind: "note", body: "両社とも同じ外部スコアリングモデルを利用している可能性" } });
    const withMeasure = await api.call("POST", `/api/oversight/cases/${created.body.id}/entries`, { token: fsa.tokens.supervisor, body: { kind: "countermeasure", body: "業界団体を通じた注意喚起" } });
    expect(withMeasure.status).toBe(201);
    expect(withMeasure.body.timeline.map((t: { kind: string }) => t.kind)).toEqual(["occurred", "occurred", "received", "received", "note", "countermeasure"]);
    const moved = await api.call("PATCH", `/api/oversight/cases/${created.body.id}`, { token: fsa.tokens.analyst, body: { version: withMeasure.body.version, status: "analysing" } });
    expect(moved.body.status).toBe("analysing");

    // The bank sends its report again (updated): the new version takes the old one's place in the case.
    await api.call("POST", "/api/exchange/submissions", { token: bank.tokens.admin, body: { connectionId: bankConn, kind: "incident-report", subject: bankCode } });
    await deliverNow(api);
    const detail = await get(`/api/oversight/cases/${created.body.id}`);
    expect(detail.submissions).toBe(2);
    const latest = detail.items.find((i: { sender: { party: string } }) => i.sender.party.endsWith("/orgs/bank"));
    expect(latest).toMatchObject({ status: "triaged", severity: "high" });
    expect(latest.supersedes).not.toBeNull();
    expect((await get("/api/oversight/cases")).map((c: { code: string; submissions: number }) => [c.code, c.submissions])).toEqual([["CASE-000001", 2]]);
    expect(await trendOf("severity")).toEqual({ high: 1, low: 1 });
  });

  it("takes a duplicate out of the counts", async () => {
    const items = (await get("/api/oversight/intake?status=new")).items as { id: string; version: number }[];
    const other = (await get("/api/oversight/intake?status=triaged")).items[0];
    const dup = await api.call("PATCH", `/api/oversight/intake/${items[0]!.id}`, { token: fsa.tokens.analyst, body: { version: items[0]!.version, duplicateOf: other.id } });
    expect(dup.body).toMatchObject({ status: "duplicate", duplicateOf: other.id });
    expect(await trendOf("severity")).toEqual({ high: 1 });
    expect((await get("/api/oversight/trends?dimension=kind&from=2026-01&to=2026-12")).total).toBe(1);
  });
});
