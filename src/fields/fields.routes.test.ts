import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";

const LEGAL_BASIS = { entity: "system", key: "legal_basis", labelJa: "法的根拠", labelEn: "Legal basis", type: "text" };
const IMPACT = {
  entity: "system",
  key: "impact_level",
  labelJa: "影響度",
  labelEn: "Impact level",
  type: "choice",
  options: [
    { value: "low", labelJa: "低", labelEn: "Low" },
    { value: "high", labelJa: "高", labelEn: "High" },
  ],
  inList: true,
};

/** Fields an organisation defines itself: kept per organisation, checked on every record they are filled on, filtered and searched. */
describe.each(testDatabases())("custom fields ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "cf");
    other = await seedOrg(ctx.db, "cfo");
  });
  afterAll(() => ctx.cleanup());

  const post = (token: string, path: string, body: unknown) => api.call("POST", path, { token, body });

  it("lets governance define fields, everyone read them, and nobody else's organisation see them", async () => {
    expect((await post(org.tokens.system_owner, "/api/fields", LEGAL_BASIS)).status).toBe(403);
    const made = await post(org.tokens.governance_lead, "/api/fields", LEGAL_BASIS);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ key: "legal_basis", type: "text", archived: false, used: 0, version: 1, position: 0 });
    expect((await post(org.tokens.admin, "/api/fields", IMPACT)).body).toMatchObject({ position: 1, inList: true });
    expect((await post(org.tokens.admin, "/api/fields", LEGAL_BASIS)).status).toBe(409);
    const viewer = await api.call("GET", "/api/fields?entity=system", { token: org.tokens.viewer });
    expect(viewer.body.items.map((f: { key: string }) => f.key)).toEqual(["legal_basis", "impact_level"]);
    expect((await api.call("GET", "/api/fields", { token: other.tokens.admin })).body.items).toEqual([]);
    expect((await api.call("GET", `/api/fields/${made.body.id}`, { token: other.tokens.admin })).status).toBe(404);
  });

  it("refuses a malformed definition with the field to fix", async () => {
    const bad = await post(org.tokens.admin, "/api/fields", { ...IMPACT, key: "Impact Level", options: [] });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toContain("body.key");
    expect((await post(org.tokens.admin, "/api/fields", { ...LEGAL_BASIS, key: "other", options: IMPACT.options })).status).toBe(400);
  });

  it("stores values on a system, checks each against its field, and shows them in the record and the list", async () => {
    const created = await post(org.tokens.admin, "/api/systems", { nameJa: "採用支援", nameEn: "Hiring aid", custom: { legal_basis: "Art. 6(1)(b) GDPR", impact_level: "high" } });
    expect(created.status).toBe(201);
    expect(created.body.custom).toEqual({ legal_basis: "Art. 6(1)(b) GDPR", impact_level: "high" });
    const wrong = await post(org.tokens.admin, "/api/systems", { nameJa: "x", nameEn: "x", custom: { impact_level: "extreme", nope: "1" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["body.custom.impact_level", "body.custom.nope"]);
    const list = await api.call("GET", "/api/systems?customField=impact_level&customValue=high", { token: org.tokens.viewer });
    expect(list.body.items.map((s: { nameEn: string; custom: object }) => [s.nameEn, s.custom])).toEqual([["Hiring aid", { legal_basis: "Art. 6(1)(b) GDPR", impact_level: "high" }]]);
    expect((await api.call("GET", "/api/systems?customField=impact_level&customValue=low", { token: org.tokens.viewer })).body.items).toEqual([]);
    // Search reads custom values folded like built-in fields, and a choice by its labels.
    expect((await api.call("GET", "/api/systems?q=gdpr", { token: org.tokens.viewer })).body.total).toBe(1);
    expect((await api.call("GET", `/api/systems?q=${encodeURIComponent("高")}`, { token: org.tokens.viewer })).body.items.map((s: { nameEn: string }) => s.nameEn)).toEqual(["Hiring aid"]);
    const cleared = await api.call("PATCH", `/api/systems/${created.body.id}`, { token: org.tokens.admin, body: { version: created.body.version, custom: { legal_basis: null } } });
    expect(cleared.body.custom).toEqual({ impact_level: "high" });
    expect((await api.call("GET", "/api/systems?q=gdpr", { token: org.tokens.viewer })).body.total).toBe(0);
    const fields = (await api.call("GET", "/api/fields?entity=system", { token: org.tokens.viewer })).body.items;
    expect(fields.find((f: { key: string }) => f.key === "impact_level").used).toBe(1);
    // The ledger keeps what was decided, custom values included.
    const history = await api.call("GET", `/api/systems/${created.body.id}/history`, { token: org.tokens.admin });
    expect(history.body.items[0].after.custom).toEqual({ impact_level: "high" });
  });

  it("refuses an unknown filter field by name and keeps options records still hold", async () => {
    const bad = await api.call("GET", "/api/systems?customField=nope&customValue=x", { token: org.tokens.viewer });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe("query.customField");
    const field = (await api.call("GET", "/api/fields?entity=system", { token: org.tokens.admin })).body.items.find((f: { key: string }) => f.key === "impact_level");
    const drop = await api.call("PATCH", `/api/fields/${field.id}`, { token: org.tokens.admin, body: { version: field.version, options: [IMPACT.options[0]] } });
    expect(drop.status).toBe(400);
    expect(drop.body.error.details[0].field).toBe("body.options");
    const relabel = await api.call("PATCH", `/api/fields/${field.id}`, { token: org.tokens.admin, body: { version: field.version, options: [IMPACT.options[0], { value: "high", labelJa: "大", labelEn: "Major" }, { value: "mid", labelJa: "中", labelEn: "Medium" }] } });
    expect(relabel.status).toBe(200);
    expect(relabel.body.options.map((o: { labelEn: string }) => o.labelEn)).toEqual(["Low", "Major", "Medium"]);
    // The system holding "high" is found by the new labels at once, no longer by the old ones.
    const search = async (q: string) => (await api.call("GET", `/api/systems?q=${encodeURIComponent(q)}`, { token: org.tokens.viewer })).body.items.map((s: { nameEn: string }) => s.nameEn);
    expect(await search("major")).toEqual(["Hiring aid"]);
    expect(await search("大")).toEqual(["Hiring aid"]);
    expect(await search("高")).toEqual([]);
    expect((await api.call("PATCH", `/api/fields/${field.id}`, { token: org.tokens.admin, body: { version: field.version, labelEn: "x" } })).status).toBe(409);
  });

  it("keeps the values of a retired field but no longer takes new ones", async () => {
    const made = (await post(org.tokens.admin, "/api/fields", { entity: "vendor", key: "dpa_signed", labelJa: "DPA締結日", labelEn: "DPA signed", type: "date" })).body;
    const vendor = await post(org.tokens.admin, "/api/vendors", { name: "Acme AI", custom: { dpa_signed: "2026-02-30" } });
    expect(vendor.status).toBe(400);
    expect(vendor.body.error.details[0]).toMatchObject({ field: "body.custom.dpa_signed" });
    const ok = await post(org.tokens.admin, "/api/vendors", { name: "Acme AI", custom: { dpa_signed: "2026-02-28" } });
    expect(ok.body.custom).toEqual({ dpa_signed: "2026-02-28" });
    expect((await api.call("GET", "/api/vendors?customField=dpa_signed&customValue=2026-02-28", { token: org.tokens.viewer })).body.total).toBe(1);
    const retired = await api.call("PATCH", `/api/fields/${made.id}`, { token: org.tokens.admin, body: { version: made.version, archived: true } });
    expect(retired.body.archived).toBe(true);
    expect((await api.call("GET", "/api/fields?entity=vendor", { token: org.tokens.admin })).body.items).toEqual([]);
    expect((await api.call("GET", "/api/fields?entity=vendor&archived=true", { token: org.tokens.admin })).body.items).toHaveLength(1);
    expect((await api.call("GET", `/api/vendors/${ok.body.id}`, { token: org.tokens.admin })).body.custom).toEqual({ dpa_signed: "2026-02-28" });
    const refused = await api.call("PATCH", `/api/vendors/${ok.body.id}`, { token: org.tokens.admin, body: { version: ok.body.version, custom: { dpa_signed: "2026-03-01" } } });
    expect(refused.status).toBe(400);
  });

  it("holds numbers, people and several choices on risks and incidents, and checks a person belongs to the organisation", async () => {
    await post(org.tokens.admin, "/api/fields", { entity: "risk", key: "exposure_jpy", labelJa: "想定損失額（円）", labelEn: "Exposure (JPY)", type: "number" });
    await post(org.tokens.admin, "/api/fields", { entity: "risk", key: "reviewer", labelJa: "確認者", labelEn: "Reviewer", type: "person" });
    await post(org.tokens.admin, "/api/fields", {
      entity: "incident",
      key: "channels",
      labelJa: "発覚経路",
      labelEn: "Channels",
      type: "multi_choice",
      options: [
        { value: "customer", labelJa: "顧客", labelEn: "Customer" },
        { value: "audit", labelJa: "監査", labelEn: "Audit" },
      ],
    });
    const stranger = await post(org.tokens.admin, "/api/risks", { titleJa: "r", titleEn: "r", inherentLikelihood: 2, inherentImpact: 2, custom: { reviewer: other.users.admin.id } });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details[0].field).toBe("body.custom.reviewer");
    const risk = await post(org.tokens.admin, "/api/risks", { titleJa: "与信", titleEn: "Credit", inherentLikelihood: 2, inherentImpact: 2, custom: { exposure_jpy: 1500000, reviewer: org.users.reviewer.id } });
    expect(risk.body.custom).toEqual({ exposure_jpy: 1500000, reviewer: org.users.reviewer.id });
    expect((await api.call("GET", "/api/risks?customField=exposure_jpy&customValue=1500000.0", { token: org.tokens.viewer })).body.total).toBe(1);
    const incident = await post(org.tokens.admin, "/api/incidents", { title: "誤判定", custom: { channels: ["customer", "audit", "customer"] } });
    expect(incident.body.custom).toEqual({ channels: ["customer", "audit"] });
    expect((await api.call("GET", "/api/incidents?customField=channels&customValue=audit", { token: org.tokens.viewer })).body.total).toBe(1);
    expect((await api.call("GET", `/api/incidents?q=${encodeURIComponent("監査")}`, { token: org.tokens.viewer })).body.total).toBe(1);
    expect((await api.call("GET", "/api/incidents?customField=channels&customValue=audit", { token: other.tokens.admin })).status).toBe(400);
  });
});
