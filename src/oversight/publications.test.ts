import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { connectMember, deliverNow, submitIncident } from "../../test/support/exchange.ts";
import type { Db } from "../db/connect.ts";

const SECRET = "委託先モデルの学習データ仕様書 第3版";

/**
 * Publication with due process: a case naming an organisation is drafted (never quoting what it
 * marked confidential), the organisation is given notice and responds, a supervisor approves
 * through a 稟議, a publisher publishes it on the public register with the response attached, and
 * withdraws it — each step in the authority's ledger, and what the organisation received in its own.
 */
describe.each(testDatabases())("publication with due process ($name)", (database) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let fsa: SeededOrg;
  let bank: SeededOrg;
  let caseId: string;
  let bankMember: string;
  let pub: { id: string; version: number };
  const as = (org: SeededOrg, role: keyof SeededOrg["tokens"]) => org.tokens[role];

  beforeAll(async () => {
    ctx = await database.open();
    api = testApp(ctx.db, ctx.dataDir);
    fsa = await seedOrg(ctx.db, "fsa", { kind: "authority" });
    bank = await seedOrg(ctx.db, "bank");
    const conn = await connectMember(api, bank, fsa, "finance");
    await submitIncident(api, bank, conn, { title: "与信AIの判定理由が説明できない", summary: "与信AIの否決理由を顧客に説明できなかった。", severity: "high", occurredAt: "2026-10-01", rights: ["consumer"], rootCause: SECRET }, [{ pointer: "/rootCause", reason: "trade-secret" }]);
    const [item] = (await api.call("GET", "/api/oversight/intake", { token: as(fsa, "analyst") })).body.items;
    caseId = (await api.call("POST", "/api/oversight/cases", { token: as(fsa, "analyst"), body: { titleJa: "与信AIの説明不能", titleEn: "Unexplainable credit AI", intakeIds: [item.id] } })).body.id;
    bankMember = (await api.call("GET", "/api/oversight/registrations", { token: as(fsa, "analyst") })).body[0].id;
  });
  afterAll(() => ctx.cleanup());

  it("refuses a draft that quotes a confidential part, and takes one that does not", async () => {
    const draft = { subjectType: "case", subjectId: caseId, connectionId: bankMember, titleJa: "与信AIの判定理由の説明に関する事案", titleEn: "Case on explaining credit AI decisions", bodyEn: "A bank could not explain credit refusals made with AI." };
    const leaking = await api.call("POST", "/api/oversight/publications", { token: as(fsa, "analyst"), body: { ...draft, bodyJa: `原因は${SECRET}にあった。` } });
    expect(leaking.status).toBe(400);
    expect(leaking.body.error.details[0].field).toBe("body.bodyJa");
    const ok = await api.call("POST", "/api/oversight/publications", { token: as(fsa, "analyst"), body: { ...draft, bodyJa: "銀行が与信AIによる否決の理由を顧客に説明できなかった事案。" } });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ code: "PUB-000001", status: "draft", names: { name: { en: "bank Inc." } } });
    pub = ok.body;
  });

  it("gives the organisation notice; it responds; approval comes only after; then publication and withdrawal", async () => {
    const early = await api.call("POST", `/api/oversight/publications/${pub.id}/submit`, { token: as(fsa, "analyst"), body: { version: pub.version, approvalPlan: [[fsa.users.supervisor.id]] } });
    expect(early.body.error.code).toBe("publication_step");
    expect((await api.call("POST", `/api/oversight/publications/${pub.id}/notice`, { token: as(fsa, "analyst"), body: { version: pub.version } })).status).toBe(403);
    const noticed = await api.call("POST", `/api/oversight/publications/${pub.id}/notice`, { token: as(fsa, "supervisor"), body: { version: pub.version, responseDays: 14 } });
    expect(noticed.body).toMatchObject({ status: "noticed" });
    expect(noticed.body.responseDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await deliverNow(api);
    // Before the organisation responded, and within its response period: no approval yet.
    expect((await api.call("POST", `/api/oversight/publications/${pub.id}/submit`, { token: as(fsa, "analyst"), body: { version: noticed.body.version, approvalPlan: [[fsa.users.supervisor.id]] } })).body.error.details.reason).toBe("response_period");

    const [notice] = (await api.call("GET", "/api/dealings?kind=publication-notice", { token: as(bank, "admin") })).body;
    expect(notice).toMatchObject({ reference: "PUB-000001", status: "open", deadline: noticed.body.responseDue });
    const responded = await api.call("POST", `/api/dealings/${notice.id}/respond`, { token: as(bank, "governance_lead"), body: { version: notice.version, text: "説明手順を改善し、全件で理由を提示するよう改めた。" } });
    expect(responded.body.status).toBe("answered");
    await deliverNow(api);
    const withResponse = (await api.call("GET", `/api/oversight/publications/${pub.id}`, { token: as(fsa, "analyst") })).body;
    expect(withResponse.response.text).toBe("説明手順を改善し、全件で理由を提示するよう改めた。");

    // The 稟議: only the authority's supervisors (not the one asking) approve.
    expect((await api.call("POST", `/api/oversight/publications/${pub.id}/submit`, { token: as(fsa, "analyst"), body: { version: withResponse.version, approvalPlan: [[fsa.users.analyst.id]] } })).status).toBe(400);
    const submitted = await api.call("POST", `/api/oversight/publications/${pub.id}/submit`, { token: as(fsa, "analyst"), body: { version: withResponse.version, approvalPlan: [[fsa.users.supervisor.id]] } });
    expect(submitted.body.status).toBe("in_review");
    expect((await api.call("POST", `/api/oversight/publications/${pub.id}/publish`, { token: as(fsa, "publisher"), body: { version: submitted.body.version } })).body.error.code).toBe("publication_step");
    const decided = await api.call("POST", `/api/approvals/${submitted.body.approvalId}/decide`, { token: as(fsa, "supervisor"), body: { decision: "approve" } });
    expect(decided.status).toBe(200);
    const approved = (await api.call("GET", `/api/oversight/publications/${pub.id}`, { token: as(fsa, "publisher") })).body;
    expect(approved.status).toBe("approved");
    expect((await api.call("POST", `/api/oversight/publications/${pub.id}/publish`, { token: as(fsa, "analyst"), body: { version: approved.version } })).status).toBe(403);
    const published = await api.call("POST", `/api/oversight/publications/${pub.id}/publish`, { token: as(fsa, "publisher"), body: { version: approved.version } });
    expect(published.body.status).toBe("published");
    await deliverNow(api);

    const index = await api.app.request("/register/fsa?lang=ja");
    const html = await index.text();
    expect(index.status).toBe(200);
    expect(html).toContain("与信AIの判定理由の説明に関する事案");
    const item = await (await api.app.request("/register/fsa/PUB-000001?lang=ja")).text();
    expect(item).toContain("bank 株式会社");
    expect(item).toContain("説明手順を改善し");
    expect(item.includes(SECRET)).toBe(false);
    const json = (await (await api.app.request("/register/fsa/PUB-000001?format=json")).json()) as { title: { en: string }; response: { text: string } };
    expect(json.title.en).toBe("Case on explaining credit AI decisions");
    expect((await api.call("GET", `/api/dealings/${notice.id}`, { token: as(bank, "admin") })).body.status).toBe("closed");

    const withdrawn = await api.call("POST", `/api/oversight/publications/${pub.id}/withdraw`, { token: as(fsa, "publisher"), body: { version: published.body.version, reason: "事業者の是正が確認されたため" } });
    expect(withdrawn.body.status).toBe("withdrawn");
    await deliverNow(api);
    expect((await api.app.request("/register/fsa/PUB-000001")).status).toBe(404);
    expect(await (await api.app.request("/register/fsa?lang=ja")).text()).toContain("事業者の是正が確認されたため");

    // Every step in both ledgers.
    const actions = async (org: SeededOrg, prefix: string) => ((await api.call("GET", "/api/audit?limit=200", { token: as(org, "auditor") })).body.items as { action: string }[]).map((e) => e.action).filter((a) => a.startsWith(prefix)).reverse();
    expect(await actions(fsa, "oversight.publication")).toEqual(["oversight.publication_drafted", "oversight.publication_noticed", "oversight.publication_response_received", "oversight.publication_submitted", "oversight.publication_approved", "oversight.publication_published", "oversight.publication_withdrawn"]);
    expect(await actions(bank, "dealing.")).toEqual(["dealing.received", "dealing.responded", "dealing.publication_updated", "dealing.publication_updated"]);
  });

  it("publishes statistics without naming anyone, with small counts suppressed, and answers every other register address with the same 404", async () => {
    const stats = await api.call("POST", "/api/oversight/publications", { token: as(fsa, "analyst"), body: { subjectType: "statistics", titleJa: "2026年の報告件数", titleEn: "Reports in 2026", bodyJa: "受け付けた報告の集計。", bodyEn: "Reports received.", from: "2026-01", to: "2026-12" } });
    const submitted = await api.call("POST", `/api/oversight/publications/${stats.body.id}/submit`, { token: as(fsa, "analyst"), body: { version: stats.body.version, approvalPlan: [[fsa.users.supervisor.id]] } });
    await api.call("POST", `/api/approvals/${submitted.body.approvalId}/decide`, { token: as(fsa, "supervisor"), body: { decision: "approve" } });
    const approved = (await api.call("GET", `/api/oversight/publications/${stats.body.id}`, { token: as(fsa, "publisher") })).body;
    await api.call("POST", `/api/oversight/publications/${stats.body.id}/publish`, { token: as(fsa, "publisher"), body: { version: approved.version } });
    const page = await (await api.app.request("/register/fsa/PUB-000002?lang=en")).text();
    expect(page).toContain("fewer than 3");
    expect(page).toContain("Kind of submission: Incident report");
    for (const path of ["/register/bank", "/register/nobody", "/register/fsa/PUB-000009", "/register/fsa/x", "/register/fsa/PUB-000001/more"]) {
      const res = await api.app.request(path);
      expect(res.status, path).toBe(404);
    }
  });
});
