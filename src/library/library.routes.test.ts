import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";

// The library is process-wide reference data and touches the database only to authenticate, so one
// dialect is enough here; the access test still runs these routes on every dialect.
const sqlite = testDatabases()[0]!;

describe("library and applicability API", () => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  const viewer = () => ({ token: org.tokens.viewer });

  beforeAll(async () => {
    ctx = await sqlite.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "lib");
  });
  afterAll(() => ctx.cleanup());

  it("lists frameworks with versions, licences and counts", async () => {
    const res = await api.call("GET", "/api/library", viewer());
    expect(res.status).toBe(200);
    const guidelines = res.body.frameworks.filter((f: { framework: string }) => f.framework === "jp-ai-guidelines");
    expect(guidelines.map((f: { version: string; current: boolean }) => [f.version, f.current]).sort()).toEqual([["1.1", false], ["1.2", true]]);
    const iso = res.body.frameworks.find((f: { framework: string }) => f.framework === "iso-42001");
    expect(iso.counts.requirements).toBe(38);
    expect(iso.licence.length).toBeGreaterThan(0);
    expect(res.body.crosswalks.length).toBeGreaterThanOrEqual(5);
  });

  it("shows a node with its text, breadcrumb and crosswalk neighbours", async () => {
    const urn = "urn:musubi:jp-ai-guidelines:1.2:principle-2";
    const res = await api.call("GET", `/api/library/nodes/${encodeURIComponent(urn)}`, viewer());
    expect(res.status).toBe(200);
    expect(res.body.node.text.ja).toContain("安全性");
    expect(res.body.neighbours.length).toBeGreaterThan(0);
    expect(res.body.covers.some((c: { hops: number }) => c.hops >= 2)).toBe(true);
    const missing = await api.call("GET", `/api/library/nodes/${encodeURIComponent("urn:musubi:nope:1:x")}`, viewer());
    expect(missing.status).toBe(404);
  });

  it("names every step of a crosswalk path and every referenced node, so no URN's parts are shown", async () => {
    const urn = "urn:musubi:jp-ai-guidelines:1.2:principle-2";
    const res = await api.call("GET", `/api/library/nodes/${encodeURIComponent(urn)}`, viewer());
    const steps = res.body.covers.flatMap((c: { path: unknown[] }) => c.path);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(step).toMatchObject({ frameworkName: expect.any(Object), label: expect.any(Object) });
    // No shipped node uses refersTo yet; the list is there, named the same way, for those that will.
    expect(res.body.references).toEqual([]);
  });

  it("sends the framework's source publisher and reference, and whose words its Japanese name is", async () => {
    const res = await api.call("GET", "/api/library", viewer());
    const act = res.body.frameworks.find((f: { framework: string }) => f.framework === "jp-ai-promotion-act");
    expect(act.source).toMatchObject({ publisher: [{ ja: "e-Gov法令検索" }, { ja: "日本法令外国語訳データベース" }], reference: { ja: "令和七年法律第五十三号" } });
    const eu = res.body.frameworks.find((f: { framework: string }) => f.framework === "eu-ai-act");
    expect(eu).toMatchObject({ shortName: { ja: "EU AI法" }, shortNameOrigin: { ja: "musubi-editorial" } });
  });

  it("searches requirement text in Japanese and in English", async () => {
    const ja = await api.call("GET", `/api/library/search?q=${encodeURIComponent("要配慮個人情報")}`, viewer());
    expect(ja.body.total).toBeGreaterThan(0);
    expect(ja.body.items[0].framework).toBe("jp-appi");
    const en = await api.call("GET", "/api/library/search?q=human%20oversight&framework=eu-ai-act", viewer());
    expect(en.body.items.map((i: { id: string }) => i.id)).toContain("art-14");
    const fullWidth = await api.call("GET", `/api/library/search?q=${encodeURIComponent("ＡＩリテラシー")}`, viewer());
    expect(fullWidth.status).toBe(200);
  });

  it("diffs two versions of a framework", async () => {
    const res = await api.call("GET", "/api/library/frameworks/jp-ai-guidelines/diff?from=1.1&to=1.2", viewer());
    expect(res.status).toBe(200);
    expect(res.body.changed.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(["principle-1", "principle-10"]));
    const bad = await api.call("GET", "/api/library/frameworks/jp-ai-guidelines/diff?from=0.9&to=1.2", viewer());
    expect(bad.status).toBe(400);
  });

  it("evaluates a profile and explains why each requirement applies", async () => {
    const res = await api.call("POST", "/api/applicability/evaluate", {
      ...viewer(),
      body: { asOf: "2026-11-22", facts: { jpRoles: ["ai-provider"], deploymentRegions: ["jp", "eu"], euSystemKind: "ai-system", euRoles: ["provider"], euExclusion: "none", interactsWithPeople: true, euLawEnforcementAuthorised: false, prohibitedPractices: [], annexIProduct: "none", annexIIIAreas: [], generative: false, emotionRecognition: false, biometricCategorisation: false, gpaiModel: false, euPlacedOnMarketOn: "2026-09-01" } },
    });
    expect(res.status).toBe(200);
    expect(res.body.classifications.find((c: { scheme: string }) => c.scheme === "eu-ai-act-risk").primary.value).toBe("transparency");
    const art50 = res.body.requirements.find((r: { id: string }) => r.id === "art-50.1");
    expect(art50.rules).toContain("eu-transparency-interaction");
    const why = res.body.explanations.find((e: { id: string }) => e.id === "eu-transparency-interaction");
    expect(why.read).toMatchObject({ interactsWithPeople: true });
    expect(why.cites.map((c: { id: string }) => c.id)).toContain("art-50.1");
    // The chain is complete: AI literacy holds for "provider or deployer", and "deployer" being
    // false is explained too rather than left as a bare name.
    const literacy = res.body.explanations.find((e: { id: string }) => e.id === "eu-ai-literacy");
    expect(literacy.read).toEqual({ euProvider: true, euDeployer: false });
    expect(res.body.explanations.find((e: { id: string }) => e.id === "euDeployer")).toMatchObject({ outcome: "does-not-hold", kind: "definition" });
  });

  it("refuses a bad profile with a 422 that names the field, in the caller's language", async () => {
    const res = await api.call("POST", "/api/applicability/evaluate", {
      ...viewer(),
      headers: { "accept-language": "ja" },
      body: { facts: { gpaiModel: false, gpaiSystemicRisk: true, euRoles: "provider" } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("invalid_profile");
    expect(res.body.error.message).toContain("プロファイル");
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: "facts.euRoles", code: "wrong_type" })]);
    const contradiction = await api.call("POST", "/api/applicability/evaluate", { ...viewer(), body: { facts: { gpaiModel: false, gpaiSystemicRisk: true } } });
    expect(contradiction.body.error.details.map((d: { field: string }) => d.field)).toEqual(["facts.gpaiSystemicRisk", "facts.gpaiModel"]);
    const date = await api.call("POST", "/api/applicability/evaluate", { ...viewer(), body: { facts: {}, asOf: "22/11/2026" } });
    expect(date.status).toBe(400);
    expect(date.body.error.details[0].field).toBe("body.asOf");
  });

  it("serves the profile questions in both languages", async () => {
    const res = await api.call("GET", "/api/applicability/questions", viewer());
    expect(res.body.questions.length).toBeGreaterThan(30);
    for (const q of res.body.questions) {
      expect(q.label.ja, q.id).toBeTruthy();
      expect(q.label.en, q.id).toBeTruthy();
    }
  });
});
