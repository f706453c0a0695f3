import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { connectMember, deliverNow } from "../../test/support/exchange.ts";
import type { Db } from "../db/connect.ts";
import { escalateOverdue } from "../workflow/escalation.ts";
import { markOverdueRequests } from "./requests.service.ts";

/**
 * Requests for information, both ways: an authority asks a sector; each organisation finds it in
 * its register of dealings with a task for its governance lead; one answers (signed, back into
 * the authority's queue and its recipient list), the other lets the deadline pass and both sides
 * escalate.
 */
describe.each(testDatabases())("requests for information ($name)", (database) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let fsa: SeededOrg;
  let bank: SeededOrg;
  let insurer: SeededOrg;
  let clinic: SeededOrg;
  let request: { id: string; code: string };

  beforeAll(async () => {
    ctx = await database.open();
    api = testApp(ctx.db, ctx.dataDir);
    fsa = await seedOrg(ctx.db, "fsa", { kind: "authority" });
    bank = await seedOrg(ctx.db, "bank");
    insurer = await seedOrg(ctx.db, "insurer");
    clinic = await seedOrg(ctx.db, "clinic");
    await connectMember(api, bank, fsa, "finance");
    await connectMember(api, insurer, fsa, "finance");
    await connectMember(api, clinic, fsa, "healthcare");
  });
  afterAll(() => ctx.cleanup());

  it("refuses a request nobody would receive, a past deadline, and one from an analyst", async () => {
    const body = { titleJa: "x", titleEn: "x", questions: [{ ja: "質問", en: "Question" }], deadline: "2999-01-01" };
    const none = await api.call("POST", "/api/oversight/requests", { token: fsa.tokens.supervisor, body: { ...body, audience: "sector", sector: "education" } });
    expect(none.status).toBe(400);
    expect(none.body.error.details[0].field).toBe("body.sector");
    expect((await api.call("POST", "/api/oversight/requests", { token: fsa.tokens.supervisor, body: { ...body, audience: "all", deadline: "2020-01-01" } })).body.error.details[0].field).toBe("body.deadline");
    expect((await api.call("POST", "/api/oversight/requests", { token: fsa.tokens.analyst, body: { ...body, audience: "all" } })).status).toBe(403);
  });

  it("reaches every organisation of the sector as a dealing with a task for its governance lead, and no one else", async () => {
    const sent = await api.call("POST", "/api/oversight/requests", {
      token: fsa.tokens.supervisor,
      body: { titleJa: "生成AIの利用状況に関する照会", titleEn: "Survey on the use of generative AI", bodyJa: "次の事項について回答してください。", questions: [{ ja: "顧客対応に生成AIを使っていますか", en: "Do you use generative AI with customers?" }, { ja: "苦情の件数", en: "Number of complaints" }], deadline: "2999-03-31", audience: "sector", sector: "finance" },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ code: "RFI-000001", status: "sent", counts: { sent: 2, answered: 0, overdue: 0 } });
    request = sent.body;
    expect((await deliverNow(api)).delivered).toBe(2);
    for (const org of [bank, insurer]) {
      const [dealing] = (await api.call("GET", "/api/dealings", { token: org.tokens.auditor })).body;
      expect(dealing).toMatchObject({ kind: "rfi", reference: "RFI-000001", status: "open", deadline: "2999-03-31", authority: { name: { en: "fsa Inc." } } });
      const task = (await api.call("GET", `/api/tasks/${dealing.taskId}`, { token: org.tokens.governance_lead })).body;
      expect(task).toMatchObject({ status: "open", dueOn: "2999-03-31", assignee: { id: org.users.governance_lead.id } });
    }
    expect((await api.call("GET", "/api/dealings", { token: clinic.tokens.admin })).body).toEqual([]);
  });

  it("takes an answer back signed: the dealing and its task are done, the authority's recipient is answered and the answer is in its queue", async () => {
    const [dealing] = (await api.call("GET", "/api/dealings", { token: bank.tokens.admin })).body;
    const wrong = await api.call("POST", `/api/dealings/${dealing.id}/answer`, { token: bank.tokens.governance_lead, body: { version: dealing.version, answers: [{ questionId: "q9", answer: "x" }] } });
    expect(wrong.status).toBe(400);
    const answered = await api.call("POST", `/api/dealings/${dealing.id}/answer`, {
      token: bank.tokens.governance_lead,
      body: { version: dealing.version, answers: [{ questionId: "q1", answer: "はい。問い合わせ窓口で利用しています。" }, { questionId: "q2", answer: "3件" }], confidential: [{ pointer: "/answers/1/answer", reason: "trade-secret" }] },
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: "answered", answer: { status: "queued" } });
    expect((await api.call("GET", `/api/tasks/${dealing.taskId}`, { token: bank.tokens.governance_lead })).body.status).toBe("done");
    await deliverNow(api);
    const after = (await api.call("GET", `/api/dealings/${dealing.id}`, { token: bank.tokens.admin })).body;
    expect(after.answer).toMatchObject({ status: "delivered" });
    expect(after.answer.receipt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // The organisation sees what it answered, each answer with the question as the authority asked it.
    expect(after.answer.answers).toEqual([
      { questionId: "q1", question: { ja: "顧客対応に生成AIを使っていますか", en: "Do you use generative AI with customers?" }, answer: "はい。問い合わせ窓口で利用しています。" },
      { questionId: "q2", question: { ja: "苦情の件数", en: "Number of complaints" }, answer: "3件" },
    ]);

    const detail = (await api.call("GET", `/api/oversight/requests/${request.id}`, { token: fsa.tokens.analyst })).body;
    expect(detail.counts).toEqual({ sent: 1, answered: 1, overdue: 0 });
    const bankRow = detail.recipients.find((r: { name: { en: string } }) => r.name.en === "bank Inc.");
    expect(bankRow).toMatchObject({ status: "answered", delivery: "delivered" });
    const answer = (await api.call("GET", `/api/oversight/intake/${bankRow.answerIntakeId}`, { token: fsa.tokens.analyst })).body;
    expect(answer).toMatchObject({ kind: "rfi-answer", subjectRef: "rfi-RFI-000001", confidential: [{ pointer: "/answers/1/answer", reason: "trade-secret" }] });
    expect(answer.document.answers[0]).toMatchObject({ questionId: "q1", answer: "はい。問い合わせ窓口で利用しています。" });
    // The authority sees which of its requests the answer belongs to.
    const asked = { id: request.id, code: "RFI-000001", titleJa: "生成AIの利用状況に関する照会", titleEn: "Survey on the use of generative AI" };
    expect(answer.request).toEqual(asked);

    // A corrected answer: the dealing shows the new text; both versions at the authority name the request.
    const resent = await api.call("POST", `/api/dealings/${dealing.id}/answer`, { token: bank.tokens.governance_lead, body: { version: after.version, answers: [{ questionId: "q1", answer: "いいえ。" }] } });
    expect(resent.status).toBe(200);
    expect(resent.body.answer.answers.map((a: { answer: string }) => a.answer)).toEqual(["いいえ。", ""]);
    await deliverNow(api);
    const latest = (await api.call("GET", `/api/oversight/requests/${request.id}`, { token: fsa.tokens.analyst })).body.recipients.find((r: { name: { en: string } }) => r.name.en === "bank Inc.").answerIntakeId;
    expect(latest).not.toBe(bankRow.answerIntakeId);
    expect((await api.call("GET", `/api/oversight/intake/${latest}`, { token: fsa.tokens.analyst })).body.request).toEqual(asked);
    expect((await api.call("GET", `/api/oversight/intake/${bankRow.answerIntakeId}`, { token: fsa.tokens.analyst })).body).toMatchObject({ status: "superseded", request: asked });
    // Answers are not reports of harm: they do not count in the trends.
    expect((await api.call("GET", "/api/oversight/trends?dimension=kind", { token: fsa.tokens.analyst })).body.total).toBe(0);
  });

  it("escalates on both sides once the deadline passes unanswered", async () => {
    await ctx.db.kysely.updateTable("oversight_requests").set({ deadline: "2026-01-31" }).where("id", "=", request.id).execute();
    expect(await markOverdueRequests(ctx.db)).toBe(1);
    expect(await markOverdueRequests(ctx.db)).toBe(0);
    expect((await api.call("GET", `/api/oversight/requests/${request.id}`, { token: fsa.tokens.analyst })).body.counts).toEqual({ sent: 0, answered: 1, overdue: 1 });
    const notes = (await api.call("GET", "/api/notifications", { token: fsa.tokens.supervisor })).body;
    expect(JSON.stringify(notes)).toContain("RFI-000001");
    // The insurer's answer task is due on the deadline too: it escalates as any overdue task does.
    const [dealing] = (await api.call("GET", "/api/dealings", { token: insurer.tokens.admin })).body;
    await ctx.db.kysely.updateTable("tasks").set({ due_on: "2026-01-31" }).where("id", "=", dealing.taskId).execute();
    const escalated = await escalateOverdue(ctx.db, "2026-02-01");
    expect(escalated.tasks).toBeGreaterThanOrEqual(1);
    expect((await api.call("GET", `/api/tasks/${dealing.taskId}`, { token: insurer.tokens.admin })).body.escalatedAt).not.toBeNull();
  });
});
