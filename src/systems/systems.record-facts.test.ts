import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { HR_SCREENING } from "../demo/demo.workspace.ts";
import { regionsOf, withRecordFacts } from "./systems.record-facts.ts";

describe("profile facts the system record states", () => {
  it("reads countries as the profile's regions", () => {
    expect(regionsOf(["jp", "DE", "fr", "US", "BR", "EL"])).toEqual(["jp", "eu", "us", "other"]);
    expect(regionsOf([])).toEqual([]);
  });

  it("fills a profile someone has answered, and leaves an empty one empty", () => {
    expect(withRecordFacts({ generative: true, deploymentRegions: ["us"] }, { purpose: " 採用 ", countries: ["JP"] })).toEqual({ generative: true, deploymentRegions: ["jp"], purpose: "採用" });
    expect(withRecordFacts({}, { purpose: "採用", countries: ["JP"] })).toEqual({});
    // What the record does not say, the profile's answer keeps.
    expect(withRecordFacts({ generative: true, deploymentRegions: ["us"] }, { purpose: "", countries: [] })).toEqual({ generative: true, deploymentRegions: ["us"] });
  });
});

describe.each(testDatabases())("a system's record and profile ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "recordfacts");
  });
  afterAll(() => ctx.cleanup());

  it("share the purpose and countries, so a change of countries on the record classifies the system again", async () => {
    const { deploymentRegions: _ignored, ...profile } = HR_SCREENING;
    const created = await api.call("POST", "/api/systems", { token: org.tokens.admin, body: { nameJa: "採用", nameEn: "Hiring", purpose: "応募書類の選考補助", countries: ["JP", "DE"], profile: { ...profile, euOutputUsed: false } } });
    expect(created.status).toBe(201);
    expect(created.body.profile).toMatchObject({ deploymentRegions: ["jp", "eu"], purpose: "応募書類の選考補助" });
    expect(created.body.euClass).toBe("high-risk");

    // Leaving the EU on the record contradicts the EU roles the profile gives: refused, naming them, nothing changed.
    const refused = await api.call("PATCH", `/api/systems/${created.body.id}`, { token: org.tokens.admin, body: { version: created.body.version, countries: ["JP"] } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("invalid_profile");
    expect(refused.body.error.details.map((d: { field: string }) => d.field)).toContain("profile.euRoles");
    const unchanged = await api.call("GET", `/api/systems/${created.body.id}`, { token: org.tokens.admin });
    expect(unchanged.body).toMatchObject({ countries: ["JP", "DE"], version: created.body.version });

    // Countries and profile changed together: the regions follow the record and the class follows them.
    const japanOnly = Object.fromEntries(Object.entries(created.body.profile).filter(([k]) => !k.startsWith("eu") && !["annexIProduct", "annexIIIAreas", "art6Derogation", "prohibitedPractices", "profilingNaturalPersons", "interactsWithPeople", "emotionRecognition", "biometricCategorisation", "gpaiModel"].includes(k)));
    const moved = await api.call("PATCH", `/api/systems/${created.body.id}`, { token: org.tokens.admin, body: { version: created.body.version, countries: ["JP"], profile: { ...japanOnly, euOutputUsed: false } } });
    expect(moved.status, JSON.stringify(moved.body).slice(0, 400)).toBe(200);
    expect(moved.body.profile.deploymentRegions).toEqual(["jp"]);
    expect(moved.body.euClass).toBe("out-of-scope");
    expect(moved.body.frameworks).not.toContain("eu-ai-act");
  });
});
