import fs from "node:fs";
import path from "node:path";
import { stringify as toYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../../test/support/compliance.ts";
import { testDatabases } from "../../../test/support/databases.ts";
import type { Db } from "../../db/connect.ts";
import { filledTemplate } from "../../../test/support/org-framework.ts";

const CORPORA = process.env.MUSUBI_TEST_CORPORA ?? path.resolve(import.meta.dirname, "../../../../shared/data/test-corpora");
const LOW = path.join(CORPORA, "oscal-content-nist", "sp800-53-rev5", "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json");

/** Controls and enhancements in an OSCAL catalog, and how many are withdrawn, counted by walking its JSON. */
function countControls(doc: any): { all: number; withdrawn: number } {
  let all = 0;
  let withdrawn = 0;
  const walk = (node: any) => {
    for (const c of node.controls ?? []) {
      all++;
      if ((c.props ?? []).some((p: any) => p.name === "status" && p.value === "withdrawn")) withdrawn++;
      walk(c);
    }
    for (const g of node.groups ?? []) walk(g);
  };
  walk(doc.catalog);
  return { all, withdrawn };
}

describe.each(testDatabases())("an organisation's own frameworks ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let chat: { id: string };
  let forecast: { id: string };
  const upload = (body: Uint8Array<ArrayBuffer> | string, name: string, token = org.tokens.admin) =>
    api.app.request("/api/library/own", { method: "POST", headers: { authorization: `Bearer ${token}`, "x-file-name": name, "accept-language": "en" }, body });

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "own-fw");
    other = await seedOrg(ctx.db, "own-fw-other");
    chat = await registerSystem(api, org.tokens.admin, { nameJa: "社内チャット", nameEn: "Staff chat", profile: { ...JP_BUSINESS_PROFILE, generative: true } });
    forecast = await registerSystem(api, org.tokens.admin, { nameJa: "需要予測", nameEn: "Forecast", profile: JP_BUSINESS_PROFILE });
  }, 120_000);
  afterAll(() => ctx.cleanup());

  it("adds a framework from the Excel template, visible to its organisation only, and brings it into scope where its rule holds", async () => {
    const res = await upload(await filledTemplate(api, org.tokens.admin), "policy.xlsx");
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({ framework: "org-ai-policy", version: "1", requirements: 1, rules: 1, crosswalkEdges: 1, sourceFormat: "xlsx" });
    const lib = await api.call("GET", "/api/library", { token: org.tokens.viewer });
    expect(lib.body.frameworks.find((f: any) => f.framework === "org-ai-policy")).toMatchObject({ own: true, name: { ja: "生成AI利用規程" } });
    expect(lib.body.frameworks.find((f: any) => f.framework === "eu-ai-act").own).toBe(false);
    const theirs = await api.call("GET", "/api/library", { token: other.tokens.admin });
    expect(theirs.body.frameworks.map((f: any) => f.framework)).not.toContain("org-ai-policy");
    expect((await api.call("GET", "/api/library/frameworks/org-ai-policy/1", { token: other.tokens.admin })).status).toBe(404);
    expect((await api.call("GET", "/api/library/frameworks/org-ai-policy/1", { token: org.tokens.viewer })).status).toBe(200);

    const scoped = await api.call("GET", `/api/systems/${chat.id}`, { token: org.tokens.viewer });
    expect(scoped.body.frameworks).toContain("org-ai-policy");
    const outside = await api.call("GET", `/api/systems/${forecast.id}`, { token: org.tokens.viewer });
    expect(outside.body.frameworks).not.toContain("org-ai-policy");
    const reclassified = await ctx.db.kysely.selectFrom("audit_log").select("after_json").where("org_id", "=", org.orgId).where("action", "=", "system.reclassified").where("entity_id", "=", chat.id).execute();
    expect(reclassified.map((r) => JSON.parse(r.after_json!).frameworks)).toContainEqual(expect.arrayContaining(["org-ai-policy"]));

    const assessment = await api.call("POST", `/api/systems/${chat.id}/assessments`, { token: org.tokens.admin, body: { framework: "org-ai-policy" } });
    expect(assessment.status).toBe(201);
    const items = await api.call("GET", `/api/assessments/${assessment.body.id}/items`, { token: org.tokens.viewer });
    expect(items.body.items.map((i: any) => i.requirement.urn)).toEqual(["urn:musubi:org-ai-policy:1:1.1"]);
    // A control maps to the organisation's requirement as to a shipped one; another organisation cannot name it.
    const control = await api.call("POST", "/api/controls", { token: org.tokens.admin, body: { code: "C-POL", titleJa: "利用届出の審査", titleEn: "Review of registrations", requirements: ["urn:musubi:org-ai-policy:1:1.1", "urn:musubi:jp-ai-guidelines:1.2:principle-1"] } });
    expect(control.status, JSON.stringify(control.body)).toBe(201);
    expect(control.body.requirements.map((r: any) => r.urn)).toContain("urn:musubi:org-ai-policy:1:1.1");
    const foreign = await api.call("POST", "/api/controls", { token: other.tokens.admin, body: { code: "C-X", titleJa: "x", titleEn: "x", requirements: ["urn:musubi:org-ai-policy:1:1.1"] } });
    expect(foreign.status).toBe(400);
  });

  it("takes a new version as a YAML bundle and shows what changed", async () => {
    const lib = await api.call("GET", "/api/library/frameworks/org-ai-policy/1", { token: org.tokens.admin });
    expect(lib.status).toBe(200);
    const v1 = (await ctx.db.kysely.selectFrom("org_frameworks").select("document").where("org_id", "=", org.orgId).executeTakeFirstOrThrow()).document;
    const fw = JSON.parse(v1.replaceAll("urn:musubi:org-ai-policy:1:", "urn:musubi:org-ai-policy:2:"));
    const v2 = { ...fw, version: "2", previousVersion: "1", nodes: [...fw.nodes, { id: "1.2", urn: "urn:musubi:org-ai-policy:2:1.2", parent: "1", type: "article", ref: { label: { ja: "1.2", en: "1.2" } }, title: { ja: "出力の確認", en: "Checking output" }, requirement: true }] };
    const res = await upload(toYaml({ format: "musubi-framework-bundle/1", framework: v2 }), "policy-v2.yaml");
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json()).sourceFormat).toBe("yaml");
    const diff = await api.call("GET", "/api/library/frameworks/org-ai-policy/diff?from=1&to=2", { token: org.tokens.viewer });
    expect(diff.status).toBe(200);
    expect(JSON.stringify(diff.body)).toContain("1.2");
    const own = await api.call("GET", "/api/library/own", { token: org.tokens.viewer });
    expect(own.body.map((f: any) => `${f.framework}@${f.version}`)).toEqual(["org-ai-policy@1", "org-ai-policy@2"]);
  });

  it("refuses a framework that would not hold together, naming each problem", async () => {
    const bare = async (fw: Record<string, unknown>) => upload(JSON.stringify(fw), "fw.json");
    const v1 = JSON.parse((await ctx.db.kysely.selectFrom("org_frameworks").select("document").where("org_id", "=", org.orgId).where("version", "=", "1").executeTakeFirstOrThrow()).document);
    const unprefixed = await bare({ ...JSON.parse(JSON.stringify(v1).replaceAll("org-ai-policy", "ai-policy")) });
    expect(unprefixed.status).toBe(400);
    expect(JSON.stringify(await unprefixed.json())).toContain('must start with \\"org-\\"');
    const shipped = await bare({ ...JSON.parse(JSON.stringify(v1).replaceAll("org-ai-policy", "org-x").replaceAll(":1:", ":9:")), version: "9", nodes: [{ ...v1.nodes[0], urn: "urn:musubi:org-x:9:1", parent: "missing" }] });
    const body = await shipped.json();
    expect(shipped.status).toBe(400);
    expect(body.error.code).toBe("framework_invalid");
    expect(JSON.stringify(body.error.details)).toContain("parent missing does not exist");
    const inJapanese = await api.app.request("/api/library/own", { method: "POST", headers: { authorization: `Bearer ${org.tokens.admin}`, "x-file-name": "fw.json", "accept-language": "ja" }, body: JSON.stringify({ ...JSON.parse(JSON.stringify(v1).replaceAll("org-ai-policy", "org-x").replaceAll(":1:", ":9:")), version: "9", nodes: [{ ...v1.nodes[0], urn: "urn:musubi:org-x:9:1", parent: "missing" }] }) });
    expect(JSON.stringify((await inJapanese.json()).error)).toContain("参照先が見つかりません");
    const badRule = await upload(await filledTemplate(api, org.tokens.admin, { id: "org-bad-rule", rule: "generative ==" }), "bad.xlsx");
    expect(badRule.status).toBe(400);
    expect((await badRule.json()).error.code).toBe("framework_invalid");
    expect((await upload("{not json", "x.json")).status).toBe(400);
    const badOscal = await upload(JSON.stringify({ catalog: { uuid: "not-a-uuid", metadata: {} } }), "catalog.json");
    expect(badOscal.status).toBe(400);
    const oscalBody = await badOscal.json();
    expect(oscalBody.error.code).toBe("framework_invalid");
    expect(oscalBody.error.details.length).toBeGreaterThan(0);
    expect(typeof oscalBody.error.details[0].message).toBe("string");
    const again = await upload(await filledTemplate(api, org.tokens.admin), "policy.xlsx");
    expect(again.status).toBe(409);
    expect((await upload(await filledTemplate(api, org.tokens.admin, { id: "org-other" }), "p.xlsx", org.tokens.system_owner)).status).toBe(403);
  });

  it.skipIf(!fs.existsSync(LOW))("imports an OSCAL resolved profile (SP 800-53 rev5 LOW) as the organisation's framework", async () => {
    const text = fs.readFileSync(LOW, "utf8");
    const res = await upload(text, "low.json");
    expect(res.status, (await res.clone().text()).slice(0, 500)).toBe(201);
    const view = await res.json();
    const { all, withdrawn } = countControls(JSON.parse(text));
    expect(view.framework).toMatch(/^org-/);
    expect(view.sourceFormat).toBe("oscal");
    expect(view.requirements).toBe(all - withdrawn);
    expect((await api.call("GET", "/api/library", { token: other.tokens.viewer })).body.frameworks.map((f: any) => f.framework)).not.toContain(view.framework);
  });

  it("removes a version nothing uses and keeps one an assessment was made against", async () => {
    const used = await api.call("DELETE", "/api/library/own/org-ai-policy/1", { token: org.tokens.admin });
    expect(used.status).toBe(409);
    expect(used.body.error.code).toBe("in_use");
    // The assessment moved to version 2 (the version in force) when it arrived: that one stays too.
    expect((await api.call("DELETE", "/api/library/own/org-ai-policy/2", { token: org.tokens.admin })).status).toBe(409);
    const scratch = await upload(await filledTemplate(api, org.tokens.admin, { id: "org-scratch", rule: "generative == false && generative == true" }), "scratch.xlsx");
    expect(scratch.status, await scratch.clone().text()).toBe(201);
    const removed = await api.call("DELETE", "/api/library/own/org-scratch/1", { token: org.tokens.admin });
    expect(removed.status).toBe(204);
    expect((await api.call("GET", "/api/library/own", { token: org.tokens.viewer })).body.map((f: any) => f.framework)).not.toContain("org-scratch");
    const actions = (await ctx.db.kysely.selectFrom("audit_log").select("action").where("org_id", "=", org.orgId).where("entity_type", "=", "org_framework").execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["org_framework.added", "org_framework.removed"]));
  });
});
