import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { itemsOf, JP_BUSINESS_PROFILE, registerSystem, startAssessment } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { answererEmail } from "./assessments.segregation.ts";

describe("answererEmail", () => {
  it("reads the user's address from a row answered in the browser or through one of their API tokens", () => {
    expect(answererEmail("lead@acme.test")).toBe("lead@acme.test");
    expect(answererEmail("lead@acme.test (token nightly sync)")).toBe("lead@acme.test");
  });
});

describe.each(testDatabases())("assessment sign-off: open rows and segregation of duties ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let systemId: string;
  const tokens = () => org.tokens;

  /** Answers every row `met`, the first by `first` and the rest by `rest`. */
  async function answerAll(assessmentId: string, first: string, rest: string) {
    const rows = await itemsOf(api, rest, assessmentId);
    for (const [i, row] of rows.entries()) {
      const res = await api.call("PATCH", `/api/assessment-items/${row.id}`, { token: i === 0 ? first : rest, body: { version: row.version, status: "met" } });
      expect(res.status).toBe(200);
    }
    return rows;
  }
  const signOff = async (assessmentId: string, token: string) => {
    const a = (await api.call("GET", `/api/assessments/${assessmentId}`, { token })).body;
    return api.call("POST", `/api/assessments/${assessmentId}/sign-off`, { token, body: { version: a.version } });
  };
  const checkOf = async (assessmentId: string) => (await api.call("GET", `/api/assessments/${assessmentId}/sign-off-check`, { token: tokens().viewer })).body;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "sod");
    systemId = (await registerSystem(api, tokens().admin, { nameJa: "与信審査AI", nameEn: "Credit scoring AI", profile: JP_BUSINESS_PROFILE })).id;
  });
  afterAll(() => ctx.cleanup());

  it("refuses a sign-off while rows are open, and the check says how many beforehand", async () => {
    const a = await startAssessment(api, tokens().admin, systemId, "jp-appi");
    const check = await checkOf(a.id);
    expect(check).toMatchObject({ open: a.total, segregationOfDuties: true, barred: [] });
    const refused = await signOff(a.id, tokens().reviewer);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "assessment_incomplete", details: { open: a.total } });
  });

  it("refuses the sign-off to whoever last answered a row, and lets someone who answered none sign", async () => {
    const [a] = (await api.call("GET", `/api/systems/${systemId}/assessments`, { token: tokens().admin })).body.items;
    await answerAll(a.id, tokens().governance_lead, tokens().admin);
    const check = await checkOf(a.id);
    expect(check.open).toBe(0);
    expect(check.barred.map((u: { id: string }) => u.id).sort()).toEqual([org.users.admin.id, org.users.governance_lead.id].sort());

    const byLead = await signOff(a.id, tokens().governance_lead);
    expect(byLead.status).toBe(403);
    expect(byLead.body.error.code).toBe("sign_off_by_answerer");
    const ja = await api.call("POST", `/api/assessments/${a.id}/sign-off`, { token: tokens().admin, headers: { "accept-language": "ja" }, body: { version: a.version } });
    expect(ja.status).toBe(403);
    expect(ja.body.error.message).toContain("職務分掌");
    expect((await api.call("GET", `/api/assessments/${a.id}`, { token: tokens().admin })).body.signedOff).toBeNull();

    const byReviewer = await signOff(a.id, tokens().reviewer);
    expect(byReviewer.status).toBe(200);
    expect(byReviewer.body.signedOff.by.id).toBe(org.users.reviewer.id);
  });

  it("bars only the last answerer of a row: once someone else re-answers it, the first may sign", async () => {
    const [a] = (await api.call("GET", `/api/systems/${systemId}/assessments`, { token: tokens().admin })).body.items;
    const [first] = await itemsOf(api, tokens().admin, a.id);
    const again = await api.call("PATCH", `/api/assessment-items/${first!.id}`, { token: tokens().admin, body: { version: first!.version, status: "partially_met", justification: "記録の保存期間が未定" } });
    expect(again.status).toBe(200);
    expect((await api.call("GET", `/api/assessments/${a.id}`, { token: tokens().admin })).body.signedOff).toBeNull();
    expect((await checkOf(a.id)).barred.map((u: { id: string }) => u.id)).toEqual([org.users.admin.id]);
    expect((await signOff(a.id, tokens().governance_lead)).status).toBe(200);
  });

  it("lets the answerer sign off once an administrator switches the rule off, and records the switch in the ledger", async () => {
    const b = await startAssessment(api, tokens().admin, systemId, "jp-ai-guidelines");
    await answerAll(b.id, tokens().admin, tokens().admin);
    expect((await signOff(b.id, tokens().admin)).status).toBe(403);

    const org0 = (await api.call("GET", "/api/org", { token: tokens().admin })).body;
    const byLead = await api.call("PATCH", "/api/org", { token: tokens().governance_lead, body: { version: org0.version, settings: { segregationOfDuties: { assessmentSignOff: false } } } });
    expect(byLead.status).toBe(403);
    const off = await api.call("PATCH", "/api/org", { token: tokens().admin, body: { version: org0.version, settings: { segregationOfDuties: { assessmentSignOff: false } } } });
    expect(off.status).toBe(200);
    expect(off.body.settings.segregationOfDuties).toEqual({ assessmentSignOff: false, riskAcceptance: true });
    const entry = (await api.call("GET", "/api/audit?action=org.updated", { token: tokens().auditor })).body.items[0];
    expect(entry.before.settings.segregationOfDuties.assessmentSignOff).toBe(true);
    expect(entry.after.settings.segregationOfDuties.assessmentSignOff).toBe(false);

    expect(await checkOf(b.id)).toMatchObject({ open: 0, segregationOfDuties: false, barred: [] });
    const signed = await signOff(b.id, tokens().admin);
    expect(signed.status).toBe(200);
    expect(signed.body.signedOff.by.id).toBe(org.users.admin.id);
  });
});
