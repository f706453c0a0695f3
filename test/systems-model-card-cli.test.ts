import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasCorpus } from "../src/systems/io/io.test-support.ts";
import { CARDS, fillFromExamples } from "../src/systems/io/model-card.test-support.ts";
import { demoDataDir, runCli } from "./support/process.ts";

const haveCards = hasCorpus("the model-card CLI tests");

describe.skipIf(!haveCards)("musubi CLI: systems import-model-card (demo data, SQLite)", () => {
  let root: string;
  let card: string;
  const env = () => ({ MUSUBI_DATA_DIR: root });
  const bomModels = async () => {
    const out = path.join(root, "bom.json");
    await runCli(["systems", "bom", "AIS-HR-01", "--org", "demo", "--out", out], env());
    return JSON.parse(fs.readFileSync(out, "utf8")).components.filter((c: { type: string }) => c.type === "machine-learning-model").map((c: { name: string }) => c.name);
  };

  beforeAll(async () => {
    root = await demoDataDir();
    card = path.join(root, "README.md");
    fs.writeFileSync(card, fillFromExamples(fs.readFileSync(`${CARDS}/hf/modelcard.md`, "utf8")));
  }, 60_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("previews by default, in both languages, and writes nothing", async () => {
    const res = await runCli(["systems", "import-model-card", "AIS-HR-01", card, "--org", "demo", "--name", "my-asr-model"], env());
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain("AIS-HR-01: Hugging Face model card / Hugging Faceモデルカード");
    expect(res.stdout).toContain("  add       model   my-asr-model (licence, baseModel, library, languages, tags, evaluations)");
    expect(res.stdout).toContain("  add       dataset common_voice");
    expect(res.stdout).toContain("preview only: nothing written");
    expect(await bomModels()).toEqual(["screening-ranker"]);
  });

  it("writes with --apply", async () => {
    const res = await runCli(["systems", "import-model-card", "AIS-HR-01", card, "--org", "demo", "--name", "my-asr-model", "--apply"], env());
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/applied: AIS-HR-01 is now version \d+/);
    expect(await bomModels()).toEqual(["screening-ranker", "my-asr-model"]);
  });

  it("explains a card it cannot read, and an unknown system, with exit code 1", async () => {
    const bad = path.join(root, "bad.md");
    fs.writeFileSync(bad, "---\nlicense: mit\nlicense: mit\n---\n");
    const malformed = await runCli(["systems", "import-model-card", "AIS-HR-01", bad, "--org", "demo", "--name", "m"], env());
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain("import_invalid_card");
    expect(malformed.stderr).toContain("3行1列目");
    const unknown = await runCli(["systems", "import-model-card", "AIS-NOPE", card, "--org", "demo"], env());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no system with code "AIS-NOPE"/);
  });
});
