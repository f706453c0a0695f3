import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bomSchemaErrors, haveOfficialSchemas } from "../src/systems/io/cyclonedx.export.test-support.ts";
import { parseCycloneDx } from "../src/systems/io/cyclonedx.parse.ts";
import { demoDataDir, runCli } from "./support/process.ts";

describe("musubi CLI: systems bom (demo data, SQLite)", () => {
  let root: string;
  const env = () => ({ MUSUBI_DATA_DIR: root });

  beforeAll(async () => {
    root = await demoDataDir();
  }, 60_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("writes a system's CycloneDX 1.6 ML-BOM to the file named by --out", async () => {
    const file = path.join(root, "hr.cdx.json");
    const res = await runCli(["systems", "bom", "AIS-HR-01", "--org", "demo", "--out", file], env());
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe(`AIS-HR-01: 2 components written to ${file}\n`);
    const bom = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(bom).toMatchObject({ bomFormat: "CycloneDX", specVersion: "1.6", metadata: { component: { "bom-ref": "AIS-HR-01" } } });
    if (haveOfficialSchemas()) expect(bomSchemaErrors(bom)).toEqual([]);
    expect(parseCycloneDx(bom).models).toEqual([{ name: "screening-ranker", provider: "社内開発", version: "2.3", hosting: "cloud", bomRef: "screening-ranker@2.3" }]);
  });

  it("names an unknown system or organisation and writes nothing", async () => {
    const file = path.join(root, "none.cdx.json");
    const system = await runCli(["systems", "bom", "AIS-NOPE", "--org", "demo", "--out", file], env());
    expect(system.code).toBe(1);
    expect(system.stderr).toMatch(/no system with code "AIS-NOPE"/);
    const org = await runCli(["systems", "bom", "AIS-HR-01", "--org", "nope", "--out", file], env());
    expect(org.code).toBe(1);
    expect(org.stderr).toMatch(/no organisation "nope"/);
    expect(fs.existsSync(file)).toBe(false);
  });
});
