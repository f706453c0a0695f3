import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { ratedIn } from "./risks.acceptance.ts";

describe("ratedIn", () => {
  it("counts registering and any change to a rating, not other edits", () => {
    expect(ratedIn("risk.created", null, { inherent: [3, 4] })).toBe(true);
    expect(ratedIn("risk.updated", { inherent: [3, 4], residual: null }, { inherent: [3, 4], residual: null })).toBe(false);
    expect(ratedIn("risk.updated", { inherent: [3, 4], residual: null }, { inherent: [3, 4], residual: [2, 2] })).toBe(true);
    expect(ratedIn("risk.reviewed", { residual: [2, 2] }, { residual: [2, 2] })).toBe(false);
    expect(ratedIn("risk.reviewed", { residual: [2, 2] }, { residual: [1, 2] })).toBe(true);
    expect(ratedIn("risk.accepted", null, { inherent: [3, 4] })).toBe(false);
  });
});

describe.each(testDatabases())("risk acceptance under segregation of duties ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  const tokens = () => org.tokens;
  const accept = (risk: { id: string; version: number }, token: string) =>
    api.call("POST", `/api/risks/${risk.id}/accept`, { token, body: { version: risk.version, expiresOn: "2999-03-31", note: "残余リスクは許容範囲" } });
  const file = async (token: string, body: Record<string, unknown> = {}) => {
    const res = await api.call("POST", "/api/risks", { token, body: { titleJa: "リスク", titleEn: "Risk", inherentLikelihood: 3, inherentImpact: 4, ...body } });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };
  const barred = async (riskId: string) => (await api.call("GET", `/api/risks/${riskId}/acceptance-check`, { token: tokens().viewer })).body;
  const setRule = async (riskAcceptance: boolean) => {
    const current = (await api.call("GET", "/api/org", { token: tokens().admin })).body;
    const res = await api.call("PATCH", "/api/org", { token: tokens().admin, body: { version: current.version, settings: { segregationOfDuties: { riskAcceptance } } } });
    expect(res.status).toBe(200);
    expect(res.body.settings.segregationOfDuties.riskAcceptance).toBe(riskAcceptance);
  };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "sodrisk");
  });
  afterAll(() => ctx.cleanup());

  it("refuses acceptance to whoever registered the risk, names them beforehand, and lets another lead accept", async () => {
    const risk = await file(tokens().governance_lead, { ownerId: org.users.system_owner.id });
    const check = await barred(risk.id);
    expect(check.segregationOfDuties).toBe(true);
    expect(check.barred).toEqual(
      expect.arrayContaining([
        { id: org.users.governance_lead.id, displayName: "governance_lead", reasons: ["registered"] },
        { id: org.users.system_owner.id, displayName: "system_owner", reasons: ["owner"] },
      ]),
    );
    const byRegistrant = await accept(risk, tokens().governance_lead);
    expect(byRegistrant.status).toBe(403);
    expect(byRegistrant.body.error).toMatchObject({ code: "acceptance_by_assessor", details: { reasons: ["registered"] } });
    const ok = await accept(risk, tokens().admin);
    expect(ok.status).toBe(200);
    expect(ok.body.acceptance.by.id).toBe(org.users.admin.id);
  });

  it("bars whoever changed the rating, but not someone who only edited the text", async () => {
    const risk = await file(tokens().admin);
    const retitled = await api.call("PATCH", `/api/risks/${risk.id}`, { token: tokens().governance_lead, body: { version: risk.version, titleEn: "Risk, renamed" } });
    expect(retitled.status).toBe(200);
    expect((await barred(risk.id)).barred.map((b: { id: string }) => b.id)).toEqual([org.users.admin.id]);
    const reviewed = await api.call("POST", `/api/risks/${risk.id}/review`, { token: tokens().governance_lead, body: { version: retitled.body.version, note: "再評価", residualLikelihood: 2, residualImpact: 2 } });
    expect(reviewed.status).toBe(200);
    const check = await barred(risk.id);
    expect(check.barred.find((b: { id: string }) => b.id === org.users.governance_lead.id)?.reasons).toEqual(["rated"]);
    const byRater = await accept(reviewed.body, tokens().governance_lead);
    expect(byRater.status).toBe(403);
    expect(byRater.body.error.code).toBe("acceptance_by_assessor");
  });

  it("refuses the risk's owner with self_approval while the rule is on", async () => {
    const risk = await file(tokens().admin, { ownerId: org.users.governance_lead.id });
    const byOwner = await api.call("POST", `/api/risks/${risk.id}/accept`, { token: tokens().governance_lead, headers: { "accept-language": "ja" }, body: { version: risk.version, expiresOn: "2999-03-31", note: "x" } });
    expect(byOwner.status).toBe(403);
    expect(byOwner.body.error.code).toBe("self_approval");
  });

  it("lets the owner or the registrant accept once an administrator switches the rule off, and back on refuses again", async () => {
    const owned = await file(tokens().admin, { ownerId: org.users.governance_lead.id });
    const mine = await file(tokens().admin);
    await setRule(false);
    expect(await barred(owned.id)).toEqual({ segregationOfDuties: false, barred: [] });
    expect((await accept(owned, tokens().governance_lead)).status).toBe(200);
    expect((await accept(mine, tokens().admin)).status).toBe(200);
    await setRule(true);
    const again = await file(tokens().admin);
    expect((await accept(again, tokens().admin)).status).toBe(403);
  });
});
