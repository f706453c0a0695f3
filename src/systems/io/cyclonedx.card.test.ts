import { describe, expect, it } from "vitest";
import { buildSystemBom, type BomSource } from "./cyclonedx.export.ts";
import { bomSchemaErrors, haveOfficialSchemas } from "./cyclonedx.export.test-support.ts";
import { parseCycloneDx } from "./cyclonedx.parse.ts";

const STAMP = { timestamp: "2026-05-01T09:30:00.000Z", serialNumber: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", toolVersion: "0.1.0" };
const FROM_CARD = [{ format: "hf-model-card" as const, name: "acme/review-classifier", file: "README.md" }];

/** A system whose model and dataset carry every card fact Musubi records. */
const CARDED: BomSource = {
  code: "AIS-CARD-01",
  nameJa: "レビュー分類",
  nameEn: "Review classifier",
  purpose: "",
  tags: [],
  models: [
    {
      name: "acme/review-classifier",
      provider: "ACME Research",
      licence: "Apache-2.0",
      hosting: "on-premises",
      baseModel: "org/base-a, org/base-b",
      task: "text-classification",
      library: "transformers",
      languages: ["ja", "en"],
      tags: ["reviews"],
      intendedUse: "### Direct Use\n\nSorting customer reviews by topic.",
      outOfScopeUse: "Decisions about individual people.",
      limitations: "Trained on Japanese reviews only.",
      biasRisks: "Reviews over-represent urban customers.",
      evaluations: [
        { metric: "accuracy", value: "0.930", task: "text-classification", dataset: "ACME reviews", split: "test", slice: "all", lowerBound: "0.92", upperBound: "0.94" },
        { value: "0.412", task: "gpqa_diamond", dataset: "Idavidrein/gpqa", source: "https://example.org/leaderboard", date: "2026-01-31", notes: "no tools" },
      ],
      co2Emissions: { grams: 1500.5, source: "CodeCarbon", trainingType: "fine-tuning", location: "Tokyo, Japan", hardware: "1 x A100" },
      importedFrom: FROM_CARD,
    },
  ],
  datasets: [
    {
      name: "ACME reviews",
      source: "社内レビューDB",
      personalData: true,
      sensitiveData: false,
      licence: "社内限り",
      languages: ["ja"],
      intendedUse: "Training the classifier.",
      outOfScopeUse: "Profiling customers.",
      limitations: "2024 reviews only.",
      biasRisks: "Few reviews from older customers.",
      importedFrom: [{ format: "hf-dataset-card", name: "ACME reviews" }],
    },
  ],
  components: [],
};

describe("systems.io CycloneDX export and import of card facts", () => {
  it("gives back every card fact of the models and datasets it exported", () => {
    const parsed = parseCycloneDx(buildSystemBom(CARDED, STAMP));
    expect(parsed.models).toEqual([{ ...CARDED.models[0], bomRef: "acme/review-classifier@" }]);
    expect(parsed.datasets).toEqual(CARDED.datasets);
    expect(parsed.warnings).toEqual([]);
  });

  it("states the task, use cases, limitations, ethical considerations and metrics in CycloneDX's own model card, for other tools", () => {
    const model = buildSystemBom(CARDED, STAMP).components[0]!;
    expect(model.tags).toEqual(["reviews"]);
    expect(model.modelCard).toEqual({
      modelParameters: { task: "text-classification" },
      quantitativeAnalysis: {
        performanceMetrics: [
          { type: "accuracy", value: "0.930", slice: "all", confidenceInterval: { lowerBound: "0.92", upperBound: "0.94" } },
          { value: "0.412" },
        ],
      },
      considerations: {
        useCases: ["### Direct Use\n\nSorting customer reviews by topic."],
        technicalLimitations: ["Trained on Japanese reviews only."],
        ethicalConsiderations: [{ name: "Reviews over-represent urban customers." }],
      },
    });
  });

  it("reads CycloneDX's metrics when Musubi's own property is absent, and reports a property it cannot read", () => {
    const bom = buildSystemBom(CARDED, STAMP) as unknown as { components: { properties: { name: string; value: string }[] }[] };
    const props = bom.components[0]!.properties;
    bom.components[0]!.properties = props.filter((p) => p.name !== "musubi:evaluations").map((p) => (p.name === "musubi:co2-emissions" ? { ...p, value: "{not json" } : p));
    const parsed = parseCycloneDx(bom);
    expect(parsed.models[0]?.evaluations).toEqual([
      { metric: "accuracy", value: "0.930", slice: "all", lowerBound: "0.92", upperBound: "0.94" },
      { value: "0.412" },
    ]);
    expect(parsed.models[0]).not.toHaveProperty("co2Emissions");
    expect(parsed.warnings).toEqual([{ en: expect.stringContaining("musubi:co2-emissions"), ja: expect.stringContaining("musubi:co2-emissions") }]);
  });

  it.skipIf(!haveOfficialSchemas())("writes a BOM with card facts that validates against the official CycloneDX 1.6 schema", () => {
    expect(bomSchemaErrors(buildSystemBom(CARDED, STAMP))).toEqual([]);
  });
});
