import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../../test/support/compliance.ts";
import { testDatabases } from "../../../test/support/databases.ts";
import type { Db } from "../../db/connect.ts";
import { defaultLibraryDir } from "../../library/library.load.ts";
import { POPPLER, REQUIRE_POPPLER, pdfText, squash } from "../../platform/pdf/poppler.testing.ts";
import { shippedQuestionnaire } from "./questionnaire.ts";

const schema = JSON.parse(readFileSync(join(defaultLibraryDir(), "schema", "haip-report.schema.json"), "utf8"));
const validateDoc = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const INTERNAL_ID = /[a-z]{1,6}_0[0-9a-hjkmnp-tv-z]{5,}/;
const BASE = "/api/disclosures/haip-reports";
const ALL_ROLES = ["model-developer", "application-developer", "deployer"];

describe.each(testDatabases())("HAIP transparency report ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;

  const answerOf = (report: any, qid: string) => report.sections.flatMap((s: any) => s.answers).find((a: any) => a.questionId === qid);
  const approveAll = async (report: any) => {
    const submitted = await api.call("POST", `${BASE}/${report.id}/submit`, { token: org.tokens.system_owner, body: { version: report.version, approvalPlan: [[org.users.governance_lead.id], [org.users.admin.id]] } });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status.value).toBe("in_review");
    const approvalId = submitted.body.approval.id;
    for (const token of [org.tokens.governance_lead, org.tokens.admin]) {
      const d = await api.call("POST", `/api/approvals/${approvalId}/decide`, { token, body: { decision: "approve" } });
      expect(d.status).toBe(200);
    }
    const after = await api.call("GET", `${BASE}/${report.id}`, { token: org.tokens.viewer });
    expect(after.body.status.value).toBe("approved");
    return after.body;
  };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "haip-org");
    other = await seedOrg(ctx.db, "haip-other");
    const generative = await registerSystem(api, org.tokens.admin, { nameJa: "生成AIチャット", nameEn: "Generative chat", profile: { ...JP_BUSINESS_PROFILE, generative: true, interactsWithPeople: true } });
    await registerSystem(api, org.tokens.admin, { nameJa: "需要予測", nameEn: "Demand forecast", profile: JP_BUSINESS_PROFILE });
    for (let i = 0; i < 3; i++) {
      const r = await api.call("POST", "/api/risks", { token: org.tokens.admin, body: { titleJa: `リスク${i}`, titleEn: `Risk ${i}`, systemId: generative.id, inherentLikelihood: 5, inherentImpact: 5 - i, categories: ["7.1"] } });
      expect(r.status).toBe(201);
    }
    const inc = await api.call("POST", "/api/incidents", { token: org.tokens.admin, body: { title: "誤回答による苦情", severity: "high", systemIds: [generative.id] } });
    expect(inc.status).toBe(201);
  }, 120_000);
  afterAll(() => ctx.cleanup());

  it("drafts the answers the data supports, each with the records it rests on, and leaves sections 6 and 7 to people", async () => {
    const res = await api.call("POST", BASE, { token: org.tokens.system_owner, body: { year: 2026, roles: ALL_ROLES, path: "full" } });
    expect(res.status).toBe(201);
    const report = res.body;
    expect(report.status.value).toBe("draft");
    expect(report.sections.map((s: any) => s.id)).toEqual(["section-1", "section-2", "section-3", "section-4", "section-5", "section-6", "section-7"]);
    const register = answerOf(report, "1.1");
    expect(register.answer.ja).toContain("3件のリスク");
    expect(register.answer.en).toContain("3 risks");
    expect(register.prefill.sources[0]).toMatchObject({ kind: "risks", count: 3, changed: false });
    expect(register.wording).toBe("musubi");
    const top = answerOf(report, "1.3");
    expect(top.prefill.sources[0].records.map((r: any) => r.code)).toHaveLength(top.prefill.sources[0].count);
    expect(top.prefill.sources[0].count).toBeGreaterThan(0);
    const incidents = answerOf(report, "4.2");
    expect(incidents.answer.ja).toContain("1件の AI インシデント");
    expect(incidents.prefill.sources[0].records[0].title.ja).toBe("誤回答による苦情");
    const provenance = answerOf(report, "5.1");
    expect(provenance.prefill.sources[0].records.map((r: any) => r.title.en)).toEqual(["Generative chat"]);
    for (const qid of ["6.1", "6.2", "7.1", "7.2"]) {
      const a = answerOf(report, qid);
      expect(a.writtenByPeople).toBe(true);
      expect(a.prefill).toBeNull();
      expect(a.answer).toEqual({ ja: "", en: "" });
    }
    expect(report.progress.total).toBe(shippedQuestionnaire().questions.filter((q) => q.paths.includes("full")).length);
  });

  it("flags a drafted answer when a record it rests on changes, and only those answers", async () => {
    const [report] = (await api.call("GET", BASE, { token: org.tokens.viewer })).body;
    const before = (await api.call("GET", `${BASE}/${report.id}`, { token: org.tokens.viewer })).body;
    expect(before.progress.stale).toBe(0);
    await api.call("POST", "/api/risks", { token: org.tokens.admin, body: { titleJa: "追加リスク", titleEn: "Added risk", inherentLikelihood: 1, inherentImpact: 1 } });
    const after = (await api.call("GET", `${BASE}/${report.id}`, { token: org.tokens.viewer })).body;
    expect(answerOf(after, "1.1").prefill.stale).toBe(true);
    expect(answerOf(after, "4.2").prefill.stale).toBe(false);
    const redrafted = await api.call("POST", `${BASE}/${report.id}/prefill`, { token: org.tokens.system_owner, body: { version: after.version, questionIds: ["1.1"] } });
    expect(redrafted.status).toBe(200);
    expect(answerOf(redrafted.body, "1.1").prefill.stale).toBe(false);
    expect(answerOf(redrafted.body, "1.1").answer.ja).toContain("4件のリスク");
  });

  it("lets two people edit different answers and refuses a stale edit of the same one", async () => {
    const [summary] = (await api.call("GET", BASE, { token: org.tokens.viewer })).body;
    const report = (await api.call("GET", `${BASE}/${summary.id}`, { token: org.tokens.viewer })).body;
    const a61 = answerOf(report, "6.1");
    const a71 = answerOf(report, "7.1");
    const one = await api.call("PUT", `${BASE}/${report.id}/answers/6.1`, { token: org.tokens.system_owner, body: { version: a61.version, ja: "安全性研究に年間1億円を投資しています。", en: "We invest JPY 100 million a year in safety research." } });
    const two = await api.call("PUT", `${BASE}/${report.id}/answers/7.1`, { token: org.tokens.governance_lead, body: { version: a71.version, ja: "医療アクセスの改善に取り組んでいます。", en: "We work on access to healthcare." } });
    expect([one.status, two.status]).toEqual([200, 200]);
    const stale = await api.call("PUT", `${BASE}/${report.id}/answers/6.1`, { token: org.tokens.governance_lead, body: { version: a61.version, ja: "上書き", en: "overwrite" } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.answer.ja).toBe("安全性研究に年間1億円を投資しています。");
    const now = (await api.call("GET", `${BASE}/${report.id}`, { token: org.tokens.viewer })).body;
    expect(answerOf(now, "6.1").editedBy.displayName).toBe("system_owner");
    expect(answerOf(now, "7.1").editedBy.displayName).toBe("governance_lead");
    const viewer = await api.call("PUT", `${BASE}/${report.id}/answers/7.1`, { token: org.tokens.viewer, body: { version: 2, ja: "x", en: "x" } });
    expect(viewer.status).toBe(403);
  });

  it("is approved through a two-stage 稟議, frozen when published, served signed out and withdrawn on request — all in the ledger", async () => {
    const [summary] = (await api.call("GET", BASE, { token: org.tokens.viewer })).body;
    let report = (await api.call("GET", `${BASE}/${summary.id}`, { token: org.tokens.viewer })).body;
    const early = await api.call("POST", `${BASE}/${report.id}/publish`, { token: org.tokens.admin, body: { version: report.version } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("report_not_approved");
    report = await approveAll(report);
    const locked = await api.call("PUT", `${BASE}/${report.id}/answers/7.2`, { token: org.tokens.system_owner, body: { version: answerOf(report, "7.2").version, ja: "x", en: "x" } });
    expect(locked.status).toBe(200); // editing an approved report returns it to draft
    expect(locked.body.status.value).toBe("draft");
    report = await approveAll(locked.body);
    const published = await api.call("POST", `${BASE}/${report.id}/publish`, { token: org.tokens.admin, body: { version: report.version } });
    expect(published.status).toBe(200);
    expect(published.body.status.value).toBe("published");
    // Its own approval and publication are not records its answers rest on.
    expect(answerOf(published.body, "3.1").prefill.stale).toBe(false);
    const [pub] = published.body.publications;
    expect(pub).toMatchObject({ number: 1, withdrawnAt: null, publicPath: "/public/haip-org/haip/2026" });

    const page = await api.app.request("/public/haip-org/haip/2026?lang=ja");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("安全性研究に年間1億円を投資しています。");
    expect(html).toContain("質問の文言は Musubi の作成です");
    expect(html).not.toMatch(INTERNAL_ID);
    const json = await (await api.app.request("/public/haip-org/haip/2026?format=json")).json();
    expect(validateDoc(json), JSON.stringify(validateDoc.errors)).toBe(true);
    expect(json.publication.number).toBe(1);
    expect(JSON.stringify(json)).not.toMatch(INTERNAL_ID);

    // The snapshot does not move when the report is edited afterwards.
    await api.call("PUT", `${BASE}/${report.id}/answers/6.1`, { token: org.tokens.system_owner, body: { version: answerOf(published.body, "6.1").version, ja: "変更後", en: "Changed" } });
    expect(await (await api.app.request("/public/haip-org/haip/2026?lang=ja")).text()).toContain("安全性研究に年間1億円を投資しています。");

    const actions = (await ctx.db.kysely.selectFrom("audit_log").select("action").where("org_id", "=", org.orgId).where("entity_type", "in", ["haip_report", "publication"]).orderBy("seq").execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["haip_report.created", "haip_report.prefilled", "haip_report.answer_updated", "haip_report.submitted", "haip_report.approved", "publication.published"]));
    const entry = await ctx.db.kysely.selectFrom("audit_log").select("after_json").where("org_id", "=", org.orgId).where("action", "=", "publication.published").executeTakeFirstOrThrow();
    const stored = await ctx.db.kysely.selectFrom("publications").select("sha256").where("id", "=", pub.id).executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json!).sha256).toBe(stored.sha256);

    const withdraw = await api.call("POST", `/api/disclosures/publications/${pub.id}/withdraw`, { token: org.tokens.admin, body: { reason: "誤記の訂正のため" } });
    expect(withdraw.status).toBe(204);
    expect((await api.app.request("/public/haip-org/haip/2026")).status).toBe(404);
    expect((await api.app.request("/public/haip-org")).status).toBe(404);
  });

  it("shows what changed since the previous year's published report", async () => {
    const y25 = await api.call("POST", BASE, { token: org.tokens.system_owner, body: { year: 2025, roles: ["deployer"], path: "small", prefill: false } });
    expect(y25.status).toBe(201);
    const put = await api.call("PUT", `${BASE}/${y25.body.id}/answers/7.1`, { token: org.tokens.system_owner, body: { version: answerOf(y25.body, "7.1").version, ja: "医療アクセスの改善に取り組んでいます。", en: "We work on access to healthcare." } });
    const approved = await approveAll(put.body);
    expect((await api.call("POST", `${BASE}/${y25.body.id}/publish`, { token: org.tokens.admin, body: { version: approved.version } })).status).toBe(200);
    const [y26] = (await api.call("GET", BASE, { token: org.tokens.viewer })).body;
    const diff = await api.call("GET", `${BASE}/${y26.id}/diff`, { token: org.tokens.viewer });
    expect(diff.status).toBe(200);
    expect(diff.body.previous).toMatchObject({ year: 2025, number: 1 });
    const byId = new Map(diff.body.questions.map((q: any) => [q.id, q.change]));
    expect(byId.get("7.1")).toBe("unchanged");
    expect(byId.get("6.1")).toBe("changed");
    expect(byId.get("1.2")).toBe("added"); // asked of developers only, not on 2025's deployer path
    expect(diff.body.counts.unchanged + diff.body.counts.changed + diff.body.counts.added + diff.body.counts.removed).toBe(diff.body.questions.length);
  });

  it("exports the report as JSON (valid against its schema), HTML, Word and PDF", async () => {
    const [y26] = (await api.call("GET", BASE, { token: org.tokens.viewer })).body;
    const json = await api.app.request(`${BASE}/${y26.id}/document?format=json`, { headers: { authorization: `Bearer ${org.tokens.viewer}` } });
    const doc = await json.json();
    expect(validateDoc(doc), JSON.stringify(validateDoc.errors)).toBe(true);
    expect(doc.publication).toBeNull();
    const docx = await api.app.request(`${BASE}/${y26.id}/document?format=docx&lang=ja`, { headers: { authorization: `Bearer ${org.tokens.viewer}` } });
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    const bytes = Buffer.from(await docx.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const pdf = await api.app.request(`${BASE}/${y26.id}/document?format=pdf&lang=ja`, { headers: { authorization: `Bearer ${org.tokens.viewer}` } });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    if (!POPPLER && !REQUIRE_POPPLER) return;
    const text = squash(pdfText(Buffer.from(await pdf.arrayBuffer())));
    expect(text).toContain(squash("リスク登録簿には"));
    expect(text).toContain(squash("AIシステムのライフサイクル全体を通じて"));
  });

  it("loads an official questionnaire as a file and refuses a broken one, the shipped key and an oversized one", async () => {
    const official = { ...shippedQuestionnaire(), key: "oecd-haip-official", version: "2.0", wording: "official", source: { ...shippedQuestionnaire().source, publisher: "OECD" }, questions: shippedQuestionnaire().questions.slice(0, 3).map((q) => ({ ...q, wording: "official" })) };
    const upload = (body: string | Uint8Array<ArrayBuffer>, token = org.tokens.admin) => api.app.request("/api/disclosures/questionnaires", { method: "POST", headers: { authorization: `Bearer ${token}`, "accept-language": "ja" }, body });
    const ok = await upload(JSON.stringify(official));
    expect(ok.status).toBe(201);
    const list = (await api.call("GET", "/api/disclosures/questionnaires", { token: org.tokens.viewer })).body;
    expect(list.map((q: any) => `${q.key}@${q.version}`)).toEqual(["musubi-haip@1", "oecd-haip-official@2.0"]);
    const report = await api.call("POST", BASE, { token: org.tokens.admin, body: { year: 2027, roles: ALL_ROLES, questionnaire: { key: "oecd-haip-official", version: "2.0" }, prefill: true } });
    expect(report.status).toBe(201);
    expect(report.body.progress.total).toBe(3);
    expect(answerOf(report.body, "1.1").wording).toBe("official");
    expect(answerOf(report.body, "1.1").answer.en).toContain("risks");

    const broken = await upload(JSON.stringify({ ...official, version: "3", questions: [{ ...official.questions[0], section: "section-99" }] }));
    expect(broken.status).toBe(400);
    const body = await broken.json();
    expect(body.error.code).toBe("questionnaire_invalid");
    expect(body.error.message).toContain("質問票");
    expect((await upload(JSON.stringify({ ...official, key: "musubi-haip", version: "9" }))).status).toBe(400);
    expect((await upload("not json")).status).toBe(400);
    expect((await upload(new Uint8Array(1024 * 1024 + 1).fill(32))).status).toBe(413);
    expect((await upload(JSON.stringify({ ...official, version: "4" }), org.tokens.system_owner)).status).toBe(403);
    expect((await api.call("GET", "/api/disclosures/questionnaires", { token: other.tokens.viewer })).body).toHaveLength(1);
  });

  it("refuses a second report for the same year and keeps each organisation's reports to itself", async () => {
    const again = await api.call("POST", BASE, { token: org.tokens.admin, body: { year: 2026, roles: ["deployer"] } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("report_exists");
    const [mine] = (await api.call("GET", BASE, { token: org.tokens.viewer })).body;
    expect((await api.call("GET", `${BASE}/${mine.id}`, { token: other.tokens.admin })).status).toBe(404);
    expect((await api.call("GET", BASE, { token: other.tokens.admin })).body).toEqual([]);
  });
});
