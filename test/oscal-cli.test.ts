import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FrameworkFile } from "../src/library/library.schema.ts";
import { haveOscalCorpus, OSCAL_CONTENT, schemaErrors } from "../src/oscal/oscal.schemas.test-support.ts";
import { demoDataDir, runCli } from "./support/process.ts";

const corpus = haveOscalCorpus();

describe("musubi CLI: oscal export and import (demo data, SQLite)", () => {
  let root: string;
  let assessmentId: string;
  const env = () => ({ MUSUBI_DATA_DIR: root });
  const json = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as unknown;

  beforeAll(async () => {
    root = await demoDataDir();
    const { openSqlite } = await import("../src/db/connect.ts");
    const db = openSqlite(path.join(root, "musubi.sqlite"));
    const row = await db.kysely.selectFrom("assessments as a").innerJoin("organizations as o", "o.id", "a.org_id").select("a.id").where("o.slug", "=", "demo").orderBy("a.created_at").executeTakeFirstOrThrow();
    assessmentId = row.id;
    await db.close();
  }, 60_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it.skipIf(!corpus)("exports a framework's catalog, the crosswalks and an assessment, each valid OSCAL 1.2.1", async () => {
    const catalog = path.join(root, "guidelines.catalog.json");
    const res = await runCli(["oscal", "export", "--framework", "jp-ai-guidelines", "--out", catalog], env());
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe(`jp-ai-guidelines 1.2: OSCAL catalog (10 requirements as controls) written to ${catalog}\njp-ai-guidelines 1.2：OSCAL カタログ（要求事項 10 件をコントロールとして）を ${catalog} に書き出しました\n`);
    expect(schemaErrors("catalog", json(catalog))).toEqual([]);

    const mapping = path.join(root, "mapping.json");
    const map = await runCli(["oscal", "export", "--crosswalks", "--out", mapping], env());
    expect(map.code, map.stderr).toBe(0);
    expect(schemaErrors("mapping", json(mapping))).toEqual([]);

    const results = path.join(root, "results.json");
    const ar = await runCli(["oscal", "export", "--assessment", assessmentId, "--org", "demo", "--out", results], env());
    expect(ar.code, ar.stderr).toBe(0);
    expect(ar.stdout).toMatch(/OSCAL assessment-results \(\d+ findings\) written to/);
    expect(schemaErrors("assessment-results", json(results))).toEqual([]);
  }, 60_000);

  it("refuses a missing or doubled choice, an unknown framework and an unknown assessment, writing nothing", async () => {
    const file = path.join(root, "none.json");
    const none = await runCli(["oscal", "export", "--out", file], env());
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/choose exactly one of --framework, --crosswalks and --assessment/);
    const both = await runCli(["oscal", "export", "--framework", "eu-ai-act", "--crosswalks", "--out", file], env());
    expect(both.stderr).toMatch(/choose exactly one/);
    const unknown = await runCli(["oscal", "export", "--framework", "nope", "--out", file], env());
    expect(unknown.stderr).toMatch(/no framework "nope"/);
    const noOrg = await runCli(["oscal", "export", "--assessment", assessmentId, "--out", file], env());
    expect(noOrg.stderr).toMatch(/--assessment needs --org/);
    const wrong = await runCli(["oscal", "export", "--assessment", "asm_nope", "--org", "demo", "--out", file], env());
    expect(wrong.stderr).toMatch(/no assessment "asm_nope" in organisation "demo"/);
    expect(fs.existsSync(file)).toBe(false);
  }, 60_000);

  it.skipIf(!corpus)("imports NIST SP 800-53 rev5 into a framework file in the library's format", async () => {
    const source = path.join(OSCAL_CONTENT, "sp800-53-rev5-2021-oscal-1.0.0", "NIST_SP-800-53_rev5_catalog.json");
    const file = path.join(root, "sp800-53.json");
    const res = await runCli(["oscal", "import", source, "--out", file, "--framework", "nist-sp-800-53", "--jurisdiction", "us"], env());
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`nist-sp-800-53 5.0.1: 1189 controls (182 withdrawn, kept as non-requirements), 1209 nodes written to ${file}`);
    expect(res.stdout).toContain("コントロール 1189 件");
    const fw = FrameworkFile.parse(json(file));
    expect(fw).toMatchObject({ framework: "nist-sp-800-53", jurisdiction: "us", source: { files: [{ path: "NIST_SP-800-53_rev5_catalog.json", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }] } });
  }, 60_000);

  it.skipIf(!corpus)("refuses a profile or a file that is not JSON, in both languages", async () => {
    const out = path.join(root, "refused.json");
    const profile = await runCli(["oscal", "import", path.join(OSCAL_CONTENT, "sp800-53-rev5", "NIST_SP-800-53_rev5_LOW-baseline_profile.json"), "--out", out], env());
    expect(profile.code).toBe(1);
    expect(profile.stderr).toContain("This is an OSCAL profile, not a catalog");
    expect(profile.stderr).toContain("これは OSCAL プロファイルで、カタログではありません");
    const xml = await runCli(["oscal", "import", path.join(OSCAL_CONTENT, "sp800-53-rev5", "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.xml"), "--out", out], env());
    expect(xml.stderr).toMatch(/is not UTF-8 JSON .* JSON ではありません/);
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);
});
