import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { connectMember, deliverNow } from "../../test/support/exchange.ts";
import { filledTemplate } from "../../test/support/org-framework.ts";
import type { Db } from "../db/connect.ts";

/**
 * Guidance back out, end to end: an analyst drafts an advisory carrying a library update (a
 * framework with a rule), a supervisor sends it, the organisation finds it in its register of
 * dealings with a review task, sees the update's diff and the systems whose applicability changes,
 * installs it, and each affected system's owner gets a review task.
 */
describe.each(testDatabases())("advisories with a library update ($name)", (database) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let fsa: SeededOrg;
  let bank: SeededOrg;
  let chat: { id: string; code: string };
  let advisory: { id: string; version: number };

  beforeAll(async () => {
    ctx = await database.open();
    api = testApp(ctx.db, ctx.dataDir);
    fsa = await seedOrg(ctx.db, "fsa", { kind: "authority" });
    bank = await seedOrg(ctx.db, "bank");
    await connectMember(api, bank, fsa, "finance");
    chat = await registerSystem(api, bank.tokens.admin, { nameJa: "顧客対応チャット", nameEn: "Customer chat", profile: { ...JP_BUSINESS_PROFILE, generative: true }, businessOwnerId: bank.users.system_owner.id });
    await registerSystem(api, bank.tokens.admin, { nameJa: "与信スコア", nameEn: "Credit scoring", profile: { ...JP_BUSINESS_PROFILE, generative: false } });
  });
  afterAll(() => ctx.cleanup());

  it("is drafted by an analyst with a checked library update, and sent only by a supervisor", async () => {
    const drafted = await api.call("POST", "/api/oversight/advisories", { token: fsa.tokens.analyst, body: { titleJa: "生成AIの顧客対応に関する注意喚起", titleEn: "Advisory on generative AI in customer service", bodyJa: "添付の指針を参照してください。", bodyEn: "See the attached guideline.", audience: "sector", sector: "finance" } });
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({ code: "ADV-000001", status: "draft", libraryUpdate: null });
    const broken = await api.app.request(`/api/oversight/advisories/${drafted.body.id}/library-update`, { method: "PUT", headers: { authorization: `Bearer ${fsa.tokens.analyst}`, "x-file-name": "x.json" }, body: '{"format":"musubi-framework/1"}' });
    expect(broken.status).toBe(400);
    const file = await filledTemplate(api, fsa.tokens.admin, { id: "org-fsa-genai" });
    const attached = await api.app.request(`/api/oversight/advisories/${drafted.body.id}/library-update`, { method: "PUT", headers: { authorization: `Bearer ${fsa.tokens.analyst}`, "x-file-name": "genai.xlsx" }, body: file });
    expect(attached.status).toBe(200);
    advisory = await attached.json();
    expect(advisory).toMatchObject({ libraryUpdate: { framework: "org-fsa-genai", version: "1", requirements: 1 } });
    expect((await api.call("POST", `/api/oversight/advisories/${advisory.id}/send`, { token: fsa.tokens.analyst, body: { version: advisory.version } })).status).toBe(403);
    const sent = await api.call("POST", `/api/oversight/advisories/${advisory.id}/send`, { token: fsa.tokens.supervisor, body: { version: advisory.version } });
    expect(sent.body).toMatchObject({ status: "sent", recipients: 1 });
    expect((await api.call("POST", `/api/oversight/advisories/${advisory.id}/send`, { token: fsa.tokens.supervisor, body: { version: sent.body.version } })).body.error.code).toBe("advisory_sent");
    expect((await deliverNow(api)).delivered).toBe(1);
  });

  it("lands in the organisation's register with a review task, its diff and the systems it changes; installing it gives their owners review tasks", async () => {
    const [dealing] = (await api.call("GET", "/api/dealings", { token: bank.tokens.admin })).body;
    expect(dealing).toMatchObject({ kind: "advisory", reference: "ADV-000001", status: "open", title: { en: "Advisory on generative AI in customer service" } });
    expect((await api.call("GET", `/api/tasks/${dealing.taskId}`, { token: bank.tokens.governance_lead })).body).toMatchObject({ kind: "review", status: "open" });

    const preview = (await api.call("GET", `/api/dealings/${dealing.id}/library-update`, { token: bank.tokens.auditor })).body;
    expect(preview).toMatchObject({ framework: "org-fsa-genai", version: "1", installedVersions: [], problems: [], diff: { against: null, removed: [], changed: [] } });
    expect(preview.diff.added.map((n: { requirement: boolean }) => n.requirement)).toContain(true);
    expect(preview.systems).toEqual([{ id: chat.id, code: chat.code, name: { ja: "顧客対応チャット", en: "Customer chat" }, ownerId: bank.users.system_owner.id, before: 0, after: 1 }]);

    expect((await api.call("POST", `/api/dealings/${dealing.id}/accept`, { token: bank.tokens.auditor, body: { version: dealing.version } })).status).toBe(403);
    const accepted = await api.call("POST", `/api/dealings/${dealing.id}/accept`, { token: bank.tokens.governance_lead, body: { version: dealing.version } });
    expect(accepted.status).toBe(200);
    const own = (await api.call("GET", "/api/library/own", { token: bank.tokens.viewer })).body;
    expect(JSON.stringify(own)).toContain("org-fsa-genai");
    const reviews = (await api.call("GET", `/api/tasks?kind=review&subjectType=system&active=true`, { token: bank.tokens.system_owner })).body.items as { subject: { id: string }; assignee: { id: string } }[];
    expect(reviews.map((r) => [r.subject.id, r.assignee.id])).toEqual([[chat.id, bank.users.system_owner.id]]);
    const after = (await api.call("GET", `/api/dealings/${dealing.id}`, { token: bank.tokens.admin })).body;
    expect(after.status).toBe("accepted");
    expect((await api.call("GET", `/api/tasks/${dealing.taskId}`, { token: bank.tokens.governance_lead })).body.status).toBe("done");
    // Installed once: a second preview says so, and a second acceptance is refused.
    expect((await api.call("GET", `/api/dealings/${dealing.id}/library-update`, { token: bank.tokens.admin })).body.problems[0]).toMatch(/already installed/);
    expect((await api.call("POST", `/api/dealings/${dealing.id}/accept`, { token: bank.tokens.admin, body: { version: after.version } })).status).toBe(409);
  });
});
