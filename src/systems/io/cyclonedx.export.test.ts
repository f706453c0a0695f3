import { describe, expect, it } from "vitest";
import type { ModelEntry } from "../systems.schema.ts";
import { buildSystemBom, type BomSource } from "./cyclonedx.export.ts";
import { licenceChoice } from "./cyclonedx.export.licence.ts";
import { bomSchemaErrors, haveOfficialSchemas } from "./cyclonedx.export.test-support.ts";
import { parseCycloneDx } from "./cyclonedx.parse.ts";

const STAMP = { timestamp: "2026-05-01T09:30:00.000Z", serialNumber: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", toolVersion: "0.1.0" };

const EMPTY: BomSource = { code: "AIS-000007", nameJa: "空のシステム", nameEn: "Empty system", purpose: "", tags: [], models: [], datasets: [], components: [] };

const FULL: BomSource = {
  code: "AIS-HR-01",
  nameJa: "採用書類スクリーニングAI",
  nameEn: "CV screening assistant",
  purpose: "応募書類を読み、選考担当者に確認すべき候補者を提示する。",
  tags: ["採用", "高リスク候補"],
  models: [
    { name: "screening-ranker", provider: "社内開発", version: "2.3", hosting: "cloud" },
    { name: "stable-diffusion", version: "1.4", provider: "Acme Inc", licence: "CreativeML OpenRAIL-M", bomRef: "component-a" },
    { name: "汎用LLM（API利用）", licence: "MIT OR Apache-2.0", hosting: "saas-api" },
  ],
  datasets: [
    { name: "過去の応募書類（匿名加工前）", source: "人事システム", personalData: true, sensitiveData: false },
    { name: "健康診断結果", source: "https://hr.example.jp/exports/health", personalData: true, sensitiveData: true, licence: "社内限り" },
    { name: "求人票", personalData: false, sensitiveData: false, licence: "CC-BY-4.0" },
  ],
  components: [
    { name: "pytorch", version: "2.3", supplier: "Meta, Inc.", licence: "BSD-3-Clause" },
    { name: "internal-ocr" },
  ],
};

describe("systems.io buildSystemBom", () => {
  it("describes the system itself in the metadata, named by its code, with Musubi as the tool", () => {
    const bom = buildSystemBom(FULL, STAMP);
    expect(bom).toMatchObject({ bomFormat: "CycloneDX", specVersion: "1.6", serialNumber: STAMP.serialNumber, version: 1 });
    expect(bom.metadata).toEqual({
      timestamp: STAMP.timestamp,
      tools: { components: [{ type: "application", name: "Musubi", version: "0.1.0" }] },
      component: {
        type: "application",
        "bom-ref": "AIS-HR-01",
        name: "AIS-HR-01",
        description: FULL.purpose,
        tags: ["採用", "高リスク候補"],
        properties: [
          { name: "musubi:name:ja", value: "採用書類スクリーニングAI" },
          { name: "musubi:name:en", value: "CV screening assistant" },
        ],
      },
    });
  });

  it("writes models with their supplier, licence and hosting, keeping an imported bom-ref and giving the rest name@version", () => {
    const models = buildSystemBom(FULL, STAMP).components.filter((c) => c.type === "machine-learning-model");
    expect(models).toEqual([
      { type: "machine-learning-model", "bom-ref": "screening-ranker@2.3", name: "screening-ranker", version: "2.3", supplier: { name: "社内開発" }, properties: [{ name: "musubi:hosting", value: "cloud" }] },
      { type: "machine-learning-model", "bom-ref": "component-a", name: "stable-diffusion", version: "1.4", supplier: { name: "Acme Inc" }, licenses: [{ license: { name: "CreativeML OpenRAIL-M" } }] },
      { type: "machine-learning-model", "bom-ref": "汎用LLM（API利用）@", name: "汎用LLM（API利用）", licenses: [{ expression: "MIT OR Apache-2.0" }], properties: [{ name: "musubi:hosting", value: "saas-api" }] },
    ]);
  });

  it("writes no model card, since Musubi records no task, approach or metrics to put in one", () => {
    for (const c of buildSystemBom(FULL, STAMP).components) expect(c).not.toHaveProperty("modelCard");
  });

  it("writes datasets as data components: a URL source as the contents, personal data as a classification, and the APPI flags as properties", () => {
    const data = buildSystemBom(FULL, STAMP).components.filter((c) => c.type === "data");
    expect(data).toEqual([
      {
        type: "data",
        "bom-ref": "dataset:過去の応募書類（匿名加工前）",
        name: "過去の応募書類（匿名加工前）",
        data: [{ type: "dataset", name: "過去の応募書類（匿名加工前）", classification: "personal information (個人情報)" }],
        properties: [
          { name: "musubi:source", value: "人事システム" },
          { name: "musubi:personal-data", value: "true" },
          { name: "musubi:sensitive-data", value: "false" },
        ],
      },
      {
        type: "data",
        "bom-ref": "dataset:健康診断結果",
        name: "健康診断結果",
        licenses: [{ license: { name: "社内限り" } }],
        data: [{ type: "dataset", name: "健康診断結果", contents: { url: "https://hr.example.jp/exports/health" }, classification: "special care-required personal information (要配慮個人情報)" }],
        properties: [
          { name: "musubi:personal-data", value: "true" },
          { name: "musubi:sensitive-data", value: "true" },
        ],
      },
      {
        type: "data",
        "bom-ref": "dataset:求人票",
        name: "求人票",
        licenses: [{ license: { id: "CC-BY-4.0" } }],
        data: [{ type: "dataset", name: "求人票" }],
        properties: [
          { name: "musubi:personal-data", value: "false" },
          { name: "musubi:sensitive-data", value: "false" },
        ],
      },
    ]);
  });

  it("writes third-party components as libraries, and the system as depending on every component", () => {
    const bom = buildSystemBom(FULL, STAMP);
    expect(bom.components.filter((c) => c.type === "library")).toEqual([
      { type: "library", "bom-ref": "component:pytorch@2.3", name: "pytorch", version: "2.3", supplier: { name: "Meta, Inc." }, licenses: [{ license: { id: "BSD-3-Clause" } }] },
      { type: "library", "bom-ref": "component:internal-ocr@", name: "internal-ocr" },
    ]);
    expect(bom.dependencies).toEqual([{ ref: "AIS-HR-01", dependsOn: bom.components.map((c) => c["bom-ref"]) }]);
  });

  it("writes a system with nothing recorded with no components and no dependency graph, rather than claiming it has no dependencies", () => {
    const bom = buildSystemBom(EMPTY, STAMP);
    expect(bom.components).toEqual([]);
    expect(bom).not.toHaveProperty("dependencies");
    expect(bom.metadata.component).not.toHaveProperty("description");
    expect(bom.metadata.component).not.toHaveProperty("tags");
  });

  it("gives repeated entries their own bom-ref, so every reference is unique and no two components are identical", () => {
    const twice: ModelEntry = { name: "m", version: "1" };
    const bom = buildSystemBom({ ...EMPTY, models: [twice, twice, { name: "x", bomRef: "AIS-000007" }], components: [{ name: "lib" }, { name: "lib" }] }, STAMP);
    const refs = bom.components.map((c) => c["bom-ref"]);
    expect(refs).toEqual(["m@1", "m@1#2", "AIS-000007#2", "component:lib@", "component:lib@#2"]);
  });
});

describe.skipIf(!haveOfficialSchemas())("systems.io buildSystemBom against the official CycloneDX 1.6 schema", () => {
  it.each([
    ["a system with models, datasets and components", FULL],
    ["a system with nothing recorded", EMPTY],
    ["a system with repeated entries", { ...EMPTY, models: [{ name: "m" }, { name: "m" }], datasets: [{ name: "d", personalData: false, sensitiveData: false }, { name: "d", personalData: false, sensitiveData: false }] }],
  ])("validates %s", (_, system) => {
    expect(bomSchemaErrors(buildSystemBom(system, STAMP))).toEqual([]);
  });

  it("would catch a wrong field: the validator is not a formality", () => {
    const bom = buildSystemBom(FULL, STAMP) as unknown as { components: { type: string }[] };
    bom.components[0]!.type = "model";
    expect(bomSchemaErrors(bom)).toContain("/components/0/type: must be equal to one of the allowed values");
  });
});

describe("systems.io buildSystemBom read back by the importer", () => {
  it("gives back the same models (bom-ref being the importer's own key) and datasets, hosting and every source included", () => {
    const parsed = parseCycloneDx(buildSystemBom(FULL, STAMP));
    expect(parsed.specVersion).toBe("1.6");
    // Hosting has no CycloneDX field; it travels as a musubi:hosting property, which the importer reads back.
    expect(parsed.models).toEqual(FULL.models.map((m) => ({ ...m, bomRef: m.bomRef ?? `${m.name}@${m.version ?? ""}` })));
    expect(parsed.datasets).toEqual(FULL.datasets);
  });

  it("warns only about the dataset the BOM states no personal data for, as it would for any BOM", () => {
    const { warnings } = parseCycloneDx(buildSystemBom(FULL, STAMP));
    expect(warnings).toEqual([{ en: expect.stringContaining("求人票"), ja: expect.stringContaining("求人票") }]);
  });

  it("reads a source that is not a URL back from the musubi:source property that carries it", () => {
    const [dataset] = parseCycloneDx(buildSystemBom(FULL, STAMP)).datasets;
    expect(dataset).toEqual({ name: "過去の応募書類（匿名加工前）", source: "人事システム", personalData: true, sensitiveData: false });
  });
});

describe("systems.io licenceChoice", () => {
  it.each([
    ["Apache-2.0", [{ license: { id: "Apache-2.0" } }]],
    ["Apache-2.0+", [{ expression: "Apache-2.0+" }]],
    ["Apache-2.0 AND (MIT OR GPL-2.0-only)", [{ expression: "Apache-2.0 AND (MIT OR GPL-2.0-only)" }]],
    ["GPL-3.0-only WITH Classpath-exception-2.0", [{ expression: "GPL-3.0-only WITH Classpath-exception-2.0" }]],
    ["LicenseRef-acme-model", [{ expression: "LicenseRef-acme-model" }]],
    ["apache-2.0", [{ license: { name: "apache-2.0" } }]],
    ["MIT OR", [{ license: { name: "MIT OR" } }]],
    ["(MIT", [{ license: { name: "(MIT" } }]],
    ["Apache-2.0, Model licence", [{ license: { name: "Apache-2.0, Model licence" } }]],
    ["Llama 2 Community License", [{ license: { name: "Llama 2 Community License" } }]],
  ])("states %s as %j", (text, expected) => {
    expect(licenceChoice(text)).toEqual(expected);
  });
});
