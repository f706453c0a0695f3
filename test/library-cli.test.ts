import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeLibrary } from "../src/library/library.fixture.ts";
import { tempDir } from "./support/databases.ts";
import { runCli } from "./support/process.ts";

describe("musubi library / applicability CLI", () => {
  let root: string;
  beforeAll(() => {
    root = tempDir();
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("validates the shipped library", async () => {
    const r = await runCli(["library", "validate"], {});
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/library valid \([0-9a-f]{12}\): \d+ frameworks/);
  });

  it("lists every problem in a broken library and exits 1", async () => {
    const dir = writeLibrary({ "crosswalks/alpha--beta.json": "{ broken" });
    const r = await runCli(["library", "validate", "--dir", dir], {});
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/crosswalks\/alpha--beta\.json: \[json\]/);
    expect(r.stdout).toMatch(/library INVALID: 1 problem/);
  });

  it("diffs two versions of the AI Guidelines for Business", async () => {
    const r = await runCli(["library", "diff", "jp-ai-guidelines", "1.1", "1.2"], {});
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/~ principle-1 /);
    expect(r.stdout).toMatch(/jp-ai-guidelines 1\.1 → 1\.2: 0 added, 0 removed, 10 changed/);
  });

  it("says what a profile is subject to, as of a date, in Japanese", async () => {
    const file = path.join(root, "profile.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        facts: {
          jpRoles: ["ai-provider"], deploymentRegions: ["jp", "eu"], euSystemKind: "ai-system", euRoles: ["provider"], euExclusion: "none",
          prohibitedPractices: [], annexIProduct: "none", annexIIIAreas: ["employment"], art6Derogation: "none",
          profilingNaturalPersons: true, interactsWithPeople: false, generative: false, emotionRecognition: false,
          biometricCategorisation: false, gpaiModel: false, euPlacedOnMarketOn: "2027-01-10",
        },
      }),
    );
    const before = await runCli(["applicability", "--profile", file, "--as-of", "2027-12-01", "--lang", "ja"], {});
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toMatch(/EU AI法のリスク区分 → 最小リスク/);
    expect(before.stdout).toMatch(/高リスク \(from 2027-12-02\)/);
    const after = await runCli(["applicability", "--profile", file, "--as-of", "2027-12-02", "--json"], {});
    const report = JSON.parse(after.stdout);
    expect(report.classifications.find((c: { scheme: string }) => c.scheme === "eu-ai-act-risk").primary.value).toBe("high-risk");
  });

  it("refuses a bad profile, naming the field", async () => {
    const file = path.join(root, "bad.json");
    fs.writeFileSync(file, JSON.stringify({ euRoles: "provider", colour: "blue" }));
    const r = await runCli(["applicability", "--profile", file], {});
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/facts\.euRoles: /);
    expect(r.stdout).toMatch(/facts\.colour: /);
    expect(r.stderr).toMatch(/the profile was refused/);
  });
});
