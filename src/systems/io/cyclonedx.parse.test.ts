import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCycloneDx } from "./cyclonedx.parse.ts";
import { bomValidator } from "./cyclonedx.schema.ts";
import { appErrorOf, CORPUS, hasCorpus } from "./io.test-support.ts";

const haveExamples = hasCorpus("the CycloneDX example tests");
const examples = (version: string) =>
  haveExamples ? readdirSync(`${CORPUS}/cyclonedx/examples-${version}`).filter((f) => f.endsWith(".json")).map((f) => `${CORPUS}/cyclonedx/examples-${version}/${f}`) : [];
const load = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, any>;

describe.skipIf(!haveExamples)("systems.io parseCycloneDx on the official examples", () => {
  it.each([...examples("1.6"), ...examples("1.7")].map((p) => [p.split("/").pop()!, p]))("accepts %s", (_, path) => {
    const bom = load(path);
    expect(parseCycloneDx(bom).specVersion).toBe(bom.specVersion);
  });

  it.each(["1.6", "1.7"])("reads the stable-diffusion model, its model card as the %s ML example states it, and its training data", (v) => {
    const result = parseCycloneDx(load(`${CORPUS}/cyclonedx/examples-${v}/valid-machine-learning-${v}.json`));
    // The example's model card mixes the specification's own prompts into its lists; they are read as the BOM states them.
    expect(result.models).toEqual([
      {
        name: "stable-diffusion",
        version: "1.4",
        provider: "Acme Inc",
        bomRef: "component-a",
        task: "task goes here",
        intendedUse: "Who are the intended users of the model?\n\nText-to-image generation for creative applications",
        limitations:
          "What are the known technical limitations of the model? E.g. What kind(s) of data should the model be expected not to perform well on? What are the factors that might degrade model performance?\n\nLimited performance on non-photographic styles",
        biasRisks: "The name of the risk\n  Mitigation strategy: Strategy used to address this risk",
        evaluations: [
          {
            metric: "The type of performance metric",
            value: "The value of the performance metric",
            slice: "The name of the slice this metric was computed on. By default, assume this metric is not sliced",
            lowerBound: "The lower bound of the confidence interval",
            upperBound: "The upper bound of the confidence interval",
          },
        ],
      },
    ]);
    expect(result.datasets).toEqual([{ name: "Training Data", source: "https://example.com/path/to/dataset", personalData: false, sensitiveData: false }]);
    expect(result.warnings).toEqual([]);
  });

  it.each(["1.6", "1.7"])("reads Llama-2-7b with its supplier from the %s considerations example", (v) => {
    const result = parseCycloneDx(load(`${CORPUS}/cyclonedx/examples-${v}/valid-machine-learning-considerations-env-${v}.json`));
    expect(result.models).toEqual([{ name: "Llama-2-7b", provider: "Hugging Face", bomRef: "huggingface.co-meta-llama-Llama-2-7b" }]);
  });

  it("reads a data component as a dataset and warns that it is unclassified", () => {
    const result = parseCycloneDx(load(`${CORPUS}/cyclonedx/examples-1.6/valid-component-data-1.6.json`));
    expect(result.models).toEqual([]);
    expect(result.datasets).toEqual([{ name: "my-configs", source: "https://example.com/cfg/1337/app.ini", personalData: false, sensitiveData: false }]);
    expect(result.warnings).toEqual([{ en: expect.stringContaining("my-configs"), ja: expect.stringContaining("my-configs") }]);
  });

  it("refuses a corrupted copy, naming the path of the wrong field", async () => {
    const bom = load(`${CORPUS}/cyclonedx/examples-1.6/valid-machine-learning-1.6.json`);
    bom.components[0].version = 14;
    const err = await appErrorOf(() => parseCycloneDx(bom));
    expect(err.status).toBe(422);
    expect(err.code).toBe("import_invalid_bom");
    const details = err.details as { reason: string; errors: { instancePath: string }[]; message: { en: string } };
    expect(details.reason).toBe("schema");
    expect(details.errors.map((e) => e.instancePath)).toContain("/components/0/version");
    expect(details.errors.length).toBeLessThanOrEqual(20);
    expect(details.message.en).toContain("/components/0/version");
  });

  it("refuses an unknown component type in a 1.7 BOM", async () => {
    const bom = load(`${CORPUS}/cyclonedx/examples-1.7/valid-machine-learning-1.7.json`);
    bom.components[0].type = "robot";
    const err = await appErrorOf(() => parseCycloneDx(bom));
    expect((err.details as { errors: { instancePath: string }[] }).errors.map((e) => e.instancePath)).toContain("/components/0/type");
  });
});

describe("systems.io parseCycloneDx", () => {
  const bom = {
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    version: 1,
    metadata: {
      component: { type: "machine-learning-model", "bom-ref": "top", name: "top-model", manufacturer: { name: "Musubi Labs" }, licenses: [{ expression: "MIT OR GPL-2.0-only" }] },
    },
    components: [
      {
        type: "application",
        name: "chat-app",
        components: [
          {
            type: "machine-learning-model",
            "bom-ref": "nested",
            name: "nested-model",
            authors: [{ name: "Aiko" }, { name: "Ben" }],
            licenses: [{ license: { id: "Apache-2.0" } }, { license: { name: "Model licence" } }],
          },
        ],
      },
      { type: "machine-learning-model", "bom-ref": "top", name: "top-model" },
      { type: "data", name: "customers", data: [{ type: "dataset", classification: "PII", contents: { url: "https://crm.example.jp" } }] },
      { type: "data", name: "patients", data: [{ type: "dataset", classification: "要配慮個人情報" }], licenses: [{ license: { name: "Internal" } }] },
      { type: "data", name: "logs", data: [{ type: "dataset", classification: "confidential" }], externalReferences: [{ type: "distribution", url: "https://logs.example.jp" }] },
    ],
  };

  it("finds models in the metadata and in nested components, once per bom-ref", () => {
    expect(parseCycloneDx(bom).models).toEqual([
      { name: "top-model", provider: "Musubi Labs", licence: "MIT OR GPL-2.0-only", bomRef: "top" },
      { name: "nested-model", provider: "Aiko, Ben", licence: "Apache-2.0, Model licence", bomRef: "nested" },
    ]);
  });

  it("marks personal data only where the classification says so, and warns about the rest", () => {
    const { datasets, warnings } = parseCycloneDx(bom);
    expect(datasets).toEqual([
      { name: "customers", source: "https://crm.example.jp", personalData: true, sensitiveData: false },
      { name: "patients", personalData: true, sensitiveData: true, licence: "Internal" },
      { name: "logs", source: "https://logs.example.jp", personalData: false, sensitiveData: false },
    ]);
    expect(warnings).toEqual([{ en: expect.stringContaining('"confidential"'), ja: expect.stringContaining("confidential") }]);
  });

  it.each([
    ["a 1.5 BOM", { ...bom, specVersion: "1.5" }, "unsupported_spec_version"],
    ["a BOM without specVersion", { bomFormat: "CycloneDX" }, "unsupported_spec_version"],
    ["an array", [], "not_object"],
    ["unparsed text", "{}", "not_object"],
  ])("refuses %s", async (_, input, reason) => {
    const err = await appErrorOf(() => parseCycloneDx(input));
    expect(err.code).toBe("import_invalid_bom");
    expect(err.details).toMatchObject({ reason, message: { en: expect.any(String), ja: expect.any(String) } });
  });

  it("compiles each version's schema once", () => {
    expect(bomValidator("1.7")).toBe(bomValidator("1.7"));
    expect(bomValidator("1.6")).not.toBe(bomValidator("1.7"));
  });
});
