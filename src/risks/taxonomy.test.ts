import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { build } from "../../tools/library/mit-ai-risk.ts";
import { dataDir, REPO_ROOT } from "../../tools/library/common.ts";
import type { Db } from "../db/connect.ts";
import { riskTaxonomy, taxonomyIds } from "./taxonomy.ts";

const haveData = existsSync(join(dataDir(), "test-corpora", "mit-ai-risk-repository"));
if (!haveData) console.warn(`risk taxonomy: regeneration check skipped — ${dataDir()} has no test-corpora/mit-ai-risk-repository (CI has ../shared)`);

describe("the MIT AI Risk Repository taxonomy", () => {
  it("has the source's 7 domains, 24 sub-domains and three causal dimensions of three values, each named in English and Japanese", () => {
    const t = riskTaxonomy();
    expect(t.domains.map((d) => d.id)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(t.domains.flatMap((d) => d.subdomains).length).toBe(24);
    expect(t.domains.find((d) => d.id === "6")!.subdomains.map((s) => s.id)).toEqual(["6.1", "6.2", "6.3", "6.4", "6.5", "6.6"]);
    expect(t.causal.map((c) => c.id)).toEqual(["entity", "intent", "timing"]);
    for (const c of t.causal) expect(c.values).toHaveLength(3);
    for (const d of t.domains) {
      expect(d.name.ja, d.id).toBeTruthy();
      for (const s of d.subdomains) {
        expect(s.name.ja, s.id).toBeTruthy();
        expect(s.description?.en.length, s.id).toBeGreaterThan(20);
      }
    }
    expect(t.licence).toBe("CC BY 4.0");
    expect(t.standing).toEqual({ en: "source", ja: "musubi-editorial" });
    expect(taxonomyIds(t).has("7.6")).toBe(true);
    expect(taxonomyIds(t).has("timing.post-deployment")).toBe(true);
    expect(taxonomyIds(t).has("8.1")).toBe(false);
  });

  it.skipIf(!haveData)("is what the generator makes from the source CSVs, byte for byte", () => {
    const committed = readFileSync(join(REPO_ROOT, "library", "taxonomies", "mit-ai-risk-repository-v3.json"), "utf8");
    expect(`${JSON.stringify(build(), null, 2)}\n`).toBe(committed);
  });
});

describe.each(testDatabases())("GET /api/risk-taxonomy ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "taxonomy");
  });
  afterAll(() => ctx.cleanup());

  it("gives any signed-in role the taxonomy with its citation, and nobody else", async () => {
    const res = await api.call("GET", "/api/risk-taxonomy", { token: org.tokens.viewer });
    expect(res.status).toBe(200);
    expect(res.body.citation).toContain("Slattery");
    expect(res.body.domains[0].subdomains[0]).toMatchObject({ id: "1.1", name: { en: "Unfair discrimination and misrepresentation" } });
    expect((await api.call("GET", "/api/risk-taxonomy")).status).toBe(401);
  });
});
