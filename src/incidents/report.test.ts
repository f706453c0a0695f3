import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { defaultLibraryDir } from "../library/library.load.ts";

const schema = JSON.parse(readFileSync(join(defaultLibraryDir(), "schema", "incident-report.schema.json"), "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe.each(testDatabases())("regulator-ready incident report ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let incident: { id: string; code: string };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "report");
    const system = await registerSystem(api, org.tokens.admin, { nameJa: "顧客対応AI", nameEn: "Customer assistant", profile: JP_BUSINESS_PROFILE });
    const risk = (await api.call("POST", "/api/risks", { token: org.tokens.governance_lead, body: { titleJa: "個人情報の出力", titleEn: "Personal data in outputs", systemId: system.id, inherentLikelihood: 3, inherentImpact: 5, residualLikelihood: 2, residualImpact: 4 } })).body;
    incident = (
      await api.call("POST", "/api/incidents", {
        token: org.tokens.governance_lead,
        body: { title: "回答に他の顧客の住所 <script>alert(1)</script>", summary: "チャット回答に別顧客の住所が含まれた", severity: "high", harmLevel: "event", harmTypes: ["rights_violation"], rights: ["privacy"], personalData: "yes", dataSubjects: 3, sensitiveData: "no", categories: ["2.1"], systemIds: [system.id], riskIds: [risk.id], ownerId: org.users.governance_lead.id },
      })
    ).body;
  });
  afterAll(() => ctx.cleanup());

  it("is JSON that validates against its published schema, quoting the AI Promotion Act and, for a leak, APPI Art. 26", async () => {
    const res = await api.call("GET", `/api/incidents/${incident.id}/report`, { token: org.tokens.auditor });
    expect(res.status).toBe(200);
    expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
    expect(res.body.purposes).toEqual(["jp-ai-promotion-act", "jp-appi-leak"]);
    const urns = res.body.legalBasis.map((p: { urn: string }) => p.urn);
    expect(urns).toEqual(["urn:musubi:jp-ai-promotion-act:2025:art-16.1", "urn:musubi:jp-ai-promotion-act:2025:art-7.1", "urn:musubi:jp-appi:2026-07-17:art-26.1", "urn:musubi:jp-appi:2026-07-17:art-26.2"]);
    expect(res.body.legalBasis[2].text.ja).toContain("個人情報保護委員会に報告しなければならない");
    // The AI Promotion Act's provisions say what kind of duty they are.
    expect(res.body.legalBasis[0].obligation).toEqual([{ ja: "国の施策", en: "measure of the State" }]);
    expect(res.body.legalBasis[1].obligation).toEqual([{ ja: "努力義務", en: "best-effort duty" }, { ja: "協力", en: "duty to cooperate" }]);
    expect(res.body.harm.level).toEqual({ id: "event", cset: "AI tangible harm event", ja: expect.any(String), en: expect.any(String) });
    expect(res.body.classification.mitAiRiskRepository[0]).toMatchObject({ id: "2.1" });
    expect(res.body.linkedRisks[0]).toMatchObject({ inherent: "3×5 High", residual: "2×4 Medium" });
    expect(res.body.aiSystems[0]).toMatchObject({ nameEn: "Customer assistant" });
    // The class in words, with its date when it applies later, not the value's id alone.
    const [system] = res.body.aiSystems;
    const stored = await ctx.db.kysely.selectFrom("ai_systems").select(["eu_class", "eu_class_from"]).where("org_id", "=", org.orgId).where("code", "=", system.code).executeTakeFirstOrThrow();
    expect(system).toMatchObject({ euAiActClass: stored.eu_class, euAiActClassFrom: stored.eu_class_from });
    if (stored.eu_class) expect(system.euAiActClassLabel.ja).not.toBe(stored.eu_class);
    else expect(system.euAiActClassLabel).toBeNull();
    expect(res.body.ledger.incidentEntries.length).toBeGreaterThan(0);
    expect(res.body.personalData).toMatchObject({ leaked: "yes", dataSubjects: 3, appiArticle26Check: true });
  });

  it("renders a bilingual HTML document with every value escaped", async () => {
    const res = await api.app.request(`/api/incidents/${incident.id}/report?format=html`, { headers: { authorization: `Bearer ${org.tokens.viewer}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("AIインシデント報告書");
    expect(html).toContain("AI incident report");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("個人情報保護委員会");
  });

  it("leaves APPI out when no personal data was involved", async () => {
    const other = (await api.call("POST", "/api/incidents", { token: org.tokens.governance_lead, body: { title: "誤った在庫予測", personalData: "no" } })).body;
    const res = await api.call("GET", `/api/incidents/${other.id}/report`, { token: org.tokens.viewer });
    expect(res.body.purposes).toEqual(["jp-ai-promotion-act"]);
    expect(res.body.legalBasis.map((p: { urn: string }) => p.urn).some((u: string) => u.includes("jp-appi"))).toBe(false);
    expect(validate(res.body)).toBe(true);
  });
});
