import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { expectedCounters } from "../compliance/counters.recount.ts";
import { readAllCounters } from "../compliance/counters.ts";
import type { Db } from "../db/connect.ts";

const PERSPECTIVE = "urn:musubi:jaisi-evaluation:aisev-e0604d1e:perspective-1";

describe.each(testDatabases())("risk register ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let mine: { id: string };
  let theirs: { id: string };
  const admin = () => org.tokens.admin;
  const lead = () => org.tokens.governance_lead;
  const owner = () => org.tokens.system_owner;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "risks");
    mine = await registerSystem(api, admin(), { nameJa: "採用AI", nameEn: "Hiring AI", profile: JP_BUSINESS_PROFILE, businessOwnerId: org.users.system_owner.id });
    theirs = await registerSystem(api, admin(), { nameJa: "与信AI", nameEn: "Credit AI", profile: JP_BUSINESS_PROFILE });
  });
  afterAll(() => ctx.cleanup());

  const file = (token: string, body: Record<string, unknown>) => api.call("POST", "/api/risks", { token, body: { titleJa: "差別的な選考", titleEn: "Discriminatory screening", inherentLikelihood: 4, inherentImpact: 5, ...body } });

  it("files a risk under MIT domains and J-AISI perspectives, numbers it and rates it on the matrix", async () => {
    const res = await file(lead(), { systemId: mine.id, categories: ["1.1", "entity.ai"], perspectives: [PERSPECTIVE], residualLikelihood: 2, residualImpact: 4, treatment: "mitigate" });
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(/^RSK-\d{6}$/);
    expect(res.body.categories).toEqual(["1", "1.1", "entity.ai"]);
    expect(res.body.perspectives).toEqual([{ urn: PERSPECTIVE, ja: "有害情報の出力制御", en: "Output control of harmful information" }]);
    expect(res.body.inherent).toMatchObject({ likelihood: 4, impact: 5, band: { id: "critical" } });
    expect(res.body.residual).toMatchObject({ likelihood: 2, impact: 4, band: { id: "medium" } });
    expect(res.body.system).toMatchObject({ id: mine.id, nameEn: "Hiring AI" });
  });

  it("reports every bad reference at once and writes nothing", async () => {
    const before = await api.call("GET", "/api/risks", { token: admin() });
    const res = await file(lead(), { systemId: "sys_nope", categories: ["8.1"], perspectives: ["urn:musubi:x:y:z"], ownerId: "usr_nope", controlIds: ["ctl_nope"], inherentLikelihood: 6 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(
      ["body.categories.0", "body.controlIds.0", "body.inherentLikelihood", "body.ownerId", "body.perspectives.0", "body.systemId"].sort(),
    );
    expect((await file(lead(), { residualLikelihood: 2 })).status).toBe(400);
    expect((await api.call("GET", "/api/risks", { token: admin() })).body.total).toBe(before.body.total);
  });

  it("lets a system owner file risks on their own systems only", async () => {
    expect((await file(owner(), { systemId: mine.id })).status).toBe(201);
    const other = await file(owner(), { systemId: theirs.id });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe("forbidden");
    expect((await file(owner(), { systemId: null })).status).toBe(403);
    expect((await file(org.tokens.reviewer, { systemId: mine.id })).status).toBe(403);
  });

  it("keeps the heat map's running totals equal to a recount, through edits, reviews and deletes", async () => {
    const a = (await file(lead(), { systemId: theirs.id, inherentLikelihood: 1, inherentImpact: 1 })).body;
    const b = (await file(lead(), { inherentLikelihood: 5, inherentImpact: 5 })).body;
    await api.call("PATCH", `/api/risks/${a.id}`, { token: lead(), body: { version: a.version, inherentLikelihood: 3, residualLikelihood: 2, residualImpact: 2 } });
    await api.call("POST", `/api/risks/${b.id}/review`, { token: lead(), body: { version: b.version, note: "対策後に再評価", residualLikelihood: 3, residualImpact: 3 } });
    const doomed = (await file(lead(), { inherentLikelihood: 2, inherentImpact: 3 })).body;
    expect((await api.call("DELETE", `/api/risks/${doomed.id}`, { token: lead() })).status).toBe(204);

    const running = await readAllCounters(ctx.db.kysely, org.orgId);
    const expected = await expectedCounters(ctx.db.kysely, org.orgId);
    for (const family of ["risks.inherent", "risks.current"]) expect(running.get(family), family).toEqual(expected.get(family));

    const map = await api.call("GET", "/api/risks/heatmap?basis=current", { token: org.tokens.viewer });
    const list = await api.call("GET", "/api/risks?limit=200", { token: admin() });
    expect(map.body.total).toBe(list.body.total);
    const current = (r: { residual: { likelihood: number; impact: number } | null; inherent: { likelihood: number; impact: number } }) => r.residual ?? r.inherent;
    expect(map.body.counts[2][2]).toBe(list.body.items.filter((r: any) => current(r).likelihood === 3 && current(r).impact === 3).length);
    expect(map.body.byBand.reduce((n: number, b: { n: number }) => n + b.n, 0)).toBe(map.body.total);
    const cell = await api.call("GET", "/api/risks?likelihood=3&impact=3", { token: admin() });
    expect(cell.body.total).toBe(map.body.counts[2][2]);

    const sys = await api.call("GET", `/api/risks/heatmap?basis=inherent&systemId=${theirs.id}`, { token: admin() });
    expect(sys.body.total).toBe(1);
    expect(sys.body.counts[2][0]).toBe(1);
  });

  it("filters by domain, band and organisation-wide, and sorts by rating", async () => {
    const byDomain = await api.call("GET", "/api/risks?category=1", { token: admin() });
    expect(byDomain.body.items.length).toBeGreaterThan(0);
    for (const r of byDomain.body.items) expect(r.categories).toContain("1");
    const critical = await api.call("GET", "/api/risks?band=critical", { token: admin() });
    for (const r of critical.body.items) expect((r.residual ?? r.inherent).band.id).toBe("critical");
    const orgWide = await api.call("GET", "/api/risks?systemId=none", { token: admin() });
    for (const r of orgWide.body.items) expect(r.system).toBeNull();
    const sorted = (await api.call("GET", "/api/risks?sort=-rating", { token: admin() })).body.items.map((r: any) => (r.residual ?? r.inherent).likelihood * (r.residual ?? r.inherent).impact);
    expect(sorted).toEqual([...sorted].sort((x: number, y: number) => y - x));
  });

  it("refuses acceptance by the risk's owner, records a lead's acceptance in the ledger, and withdraws it when the treatment changes", async () => {
    const risk = (await file(lead(), { systemId: mine.id, ownerId: org.users.governance_lead.id })).body;
    const self = await api.call("POST", `/api/risks/${risk.id}/accept`, { token: lead(), body: { version: risk.version, expiresOn: "2999-03-31", note: "許容" } });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe("self_approval");
    expect((await api.call("POST", `/api/risks/${risk.id}/accept`, { token: owner(), body: { version: risk.version, expiresOn: "2999-03-31", note: "x" } })).status).toBe(403);
    const past = await api.call("POST", `/api/risks/${risk.id}/accept`, { token: admin(), body: { version: risk.version, expiresOn: "2001-01-01", note: "x" } });
    expect(past.status).toBe(400);

    const ok = await api.call("POST", `/api/risks/${risk.id}/accept`, { token: admin(), body: { version: risk.version, expiresOn: "2999-03-31", note: "残余リスクは許容範囲" } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "accepted", treatment: "accept", acceptance: { by: { id: org.users.admin.id }, expiresOn: "2999-03-31", expired: false } });

    const ledger = await api.call("GET", `/api/audit?entityId=${risk.id}&action=risk.accepted`, { token: org.tokens.auditor });
    expect(ledger.body.items).toHaveLength(1);
    expect(ledger.body.items[0].after).toMatchObject({ acceptedBy: org.users.admin.id, expiresOn: "2999-03-31", note: "残余リスクは許容範囲" });
    expect((await api.call("GET", "/api/audit/verify", { token: org.tokens.auditor })).body.ok).toBe(true);

    const changed = await api.call("PATCH", `/api/risks/${risk.id}`, { token: lead(), body: { version: ok.body.version, treatment: "mitigate" } });
    expect(changed.body).toMatchObject({ status: "open", treatment: "mitigate", acceptance: null });
    const withdrawn = await api.call("GET", `/api/audit?entityId=${risk.id}&action=risk.acceptance_withdrawn`, { token: org.tokens.auditor });
    expect(withdrawn.body.items).toHaveLength(1);
  });

  it("records a review, moving the next review a year on by default", async () => {
    const risk = (await file(lead(), { nextReviewOn: "2001-01-01" })).body;
    expect(risk.reviewOverdue).toBe(true);
    expect((await api.call("GET", "/api/risks?reviewOverdue=true", { token: admin() })).body.items.map((r: { id: string }) => r.id)).toContain(risk.id);
    const reviewed = await api.call("POST", `/api/risks/${risk.id}/review`, { token: lead(), body: { version: risk.version, note: "定期見直し" } });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.reviewOverdue).toBe(false);
    expect(reviewed.body.lastReviewedAt).toBeTruthy();
    expect(reviewed.body.nextReviewOn > risk.nextReviewOn).toBe(true);
    const stale = await api.call("POST", `/api/risks/${risk.id}/review`, { token: lead(), body: { version: risk.version, note: "x" } });
    expect(stale.status).toBe(409);
  });

  it("lets a lead relabel the matrix, and refuses to shrink it below a level in use", async () => {
    const m = (await api.call("GET", "/api/risk-matrix", { token: org.tokens.viewer })).body;
    expect(m).toMatchObject({ isDefault: true, version: 0 });
    const relabelled = { ...m.matrix, impact: m.matrix.impact.map((l: { ja: string; en: string }, i: number) => ({ ...l, en: `I${i + 1}` })) };
    const put = await api.call("PUT", "/api/risk-matrix", { token: lead(), body: { version: 0, matrix: relabelled } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ isDefault: false, version: 1 });
    expect(put.body.matrix.impact[4].en).toBe("I5");

    const three = { likelihood: m.matrix.likelihood.slice(0, 3), impact: m.matrix.impact.slice(0, 3), bands: m.matrix.bands.slice(0, 2), cells: [[0, 0, 1], [0, 1, 1], [1, 1, 1]] };
    const shrink = await api.call("PUT", "/api/risk-matrix", { token: lead(), body: { version: 1, matrix: three } });
    expect(shrink.status).toBe(409);
    expect(shrink.body.error).toMatchObject({ code: "matrix_in_use", details: { likelihoodInUse: 5, impactInUse: 5 } });
    const bad = await api.call("PUT", "/api/risk-matrix", { token: lead(), body: { version: 1, matrix: { ...three, cells: [[0, 0], [0, 9, 1]] } } });
    expect(bad.status).toBe(400);
    expect((await api.call("PUT", "/api/risk-matrix", { token: owner(), body: { version: 1, matrix: three } })).status).toBe(403);
    expect((await api.call("PUT", "/api/risk-matrix", { token: lead(), body: { version: 0, matrix: relabelled } })).status).toBe(409);
  });

  it("lists the J-AISI perspectives to file risks under", async () => {
    const res = await api.call("GET", "/api/risk-perspectives", { token: org.tokens.viewer });
    expect(res.body.length).toBe(10);
    expect(res.body[0]).toEqual({ urn: PERSPECTIVE, ja: "有害情報の出力制御", en: "Output control of harmful information" });
  });
});
