import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { appErrorOf, hasCorpus, utf8 } from "./io.test-support.ts";
import { parseModelCard } from "./model-card.parse.ts";
import { CARDS, corpusBytes } from "./model-card.test-support.ts";

const haveCards = hasCorpus("the Model Card Toolkit tests");
const load = (file: string) => JSON.parse(readFileSync(`${CARDS}/google-mct/${file}`, "utf8")) as Record<string, any>;
const bytesOf = (card: unknown) => utf8(JSON.stringify(card));

describe.skipIf(!haveCards)("systems.io parseModelCard on the Model Card Toolkit examples", () => {
  it.each(["utils_testdata_full.json", "utils_testdata_cats_vs_dogs_v0_0_1.json", "utils_testdata_cats_vs_dogs_v0_0_2.json", "utils_testdata_considerations.json"])("accepts %s as valid against its schema", (file) => {
    expect(parseModelCard(corpusBytes(`google-mct/${file}`)).format).toBe("google-model-card");
  });

  it("maps the full example: owners, version, licence, use cases, limitations, ethical considerations, the metric with its interval", () => {
    const card = parseModelCard(corpusBytes("google-mct/utils_testdata_full.json"), { fileName: "model_card.json" });
    const source = { format: "google-model-card", name: "name", file: "model_card.json" };
    expect(card.models).toEqual([
      {
        name: "name",
        provider: "name1, name2",
        version: "v1.0",
        licence: "Apache-2.0",
        intendedUse: "use_cases",
        limitations: "- limitations1\n- limitations2",
        biasRisks: "ethical considerations name\n  Mitigation strategy: mitigation strategy",
        evaluations: [{ metric: "accuracy", value: "0.9", slice: "overall", lowerBound: "0.85", upperBound: "0.95" }],
        importedFrom: [source],
      },
    ]);
    expect(card.datasets).toEqual([{ name: "data name", personalData: false, sensitiveData: false, importedFrom: [source] }]);
  });

  it("reports the dataset's listed sensitive data instead of turning it into APPI flags, and names what it could not keep", () => {
    const { warnings } = parseModelCard(corpusBytes("google-mct/utils_testdata_full.json"));
    expect(warnings).toEqual([
      { en: expect.stringContaining("data name holds sensitive data (age)"), ja: expect.stringContaining("機微なデータ（age）") },
      { en: "Musubi has no field for these parts of the card, so they were not imported: overview, documentation, references, citations, input_format, graphics.", ja: expect.stringContaining("overview") },
    ]);
  });

  it("reads schema 0.0.1 (a licence as text, metrics as numbers) to the same model as its 0.0.2 twin, skipping its unnamed train/eval datasets", () => {
    const v1 = parseModelCard(corpusBytes("google-mct/utils_testdata_cats_vs_dogs_v0_0_1.json"));
    const v2 = parseModelCard(corpusBytes("google-mct/utils_testdata_cats_vs_dogs_v0_0_2.json"));
    expect(v1.models).toEqual(v2.models);
    expect(v1.models[0]).toMatchObject({ name: "Fine-tuned MobileNetV2 Model for Cat vs. Dogs", provider: "Model Cards Team", licence: "Apache-2.0", intendedUse: "This model classifies images of cats and dogs." });
    expect(v1.models[0]?.evaluations).toHaveLength(3);
    expect(v1.datasets).toEqual([]);
    expect(v1.warnings).toContainEqual({ en: "2 dataset(s) of the card have no name and were not imported.", ja: expect.any(String) });
    expect(v2.datasets.map((d) => d.name)).toEqual(["Training Set", "Validation Set"]);
  });

  it("keeps a dataset's link as its source", () => {
    const card = parseModelCard(corpusBytes("google-mct/utils_testdata_considerations.json"));
    expect(card.datasets.map((d) => [d.name, d.source])).toEqual([
      ["train_split", "path/to/train"],
      ["eval_split", "path/to/eval"],
    ]);
  });

  it("refuses a corrupted copy, naming the path of the wrong field", async () => {
    const card = load("utils_testdata_full.json");
    card.model_details.owners = "everyone";
    const err = await appErrorOf(() => parseModelCard(bytesOf(card)));
    expect(err.status).toBe(422);
    expect(err.details).toMatchObject({ reason: "schema", schemaVersion: "0.0.2" });
    expect((err.details as { errors: { instancePath: string }[] }).errors.map((e) => e.instancePath)).toContain("/model_details/owners");
    expect((err.details as { message: { en: string } }).message.en).toContain("/model_details/owners");
  });

  it("refuses an unknown schema version and a field the schema does not have", async () => {
    const card = load("utils_testdata_full.json");
    expect((await appErrorOf(() => parseModelCard(bytesOf({ ...card, schema_version: "9.9.9" })))).details).toMatchObject({ reason: "schema", message: { en: expect.stringContaining("9.9.9") } });
    expect((await appErrorOf(() => parseModelCard(bytesOf({ ...card, extra: 1 })))).details).toMatchObject({ reason: "schema" });
  });
});

describe("systems.io parseModelCard on JSON that is not a Model Card Toolkit card", () => {
  it("points a CycloneDX BOM to the CycloneDX import", async () => {
    const err = await appErrorOf(() => parseModelCard(bytesOf({ bomFormat: "CycloneDX", specVersion: "1.6" })));
    expect(err.details).toMatchObject({ reason: "schema", message: { en: expect.stringContaining("CycloneDX import"), ja: expect.stringContaining("CycloneDX取込み") } });
  });

  it("refuses broken JSON with the parser's reason", async () => {
    const err = await appErrorOf(() => parseModelCard(utf8('{"model_details": {')));
    expect(err.details).toMatchObject({ reason: "not_json" });
  });
});
