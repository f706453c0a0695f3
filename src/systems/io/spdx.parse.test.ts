import { describe, expect, it } from "vitest";
import { parseBom } from "./bom.parse.ts";
import { appErrorOf } from "./io.test-support.ts";
import { looksLikeSpdx, parseSpdx } from "./spdx.parse.ts";
import { AI_BOM, T } from "./spdx.test-support.ts";


describe("systems.io SPDX 3.0 AI and dataset BOMs", () => {
  it("reads AI packages and model packages as models, with supplier, version, declared licence, limitation and metrics", () => {
    const parsed = parseSpdx(AI_BOM);
    expect(parsed).toMatchObject({ format: "spdx", specVersion: "3.0.1" });
    expect(parsed.models).toEqual([
      {
        name: "screen-ranker",
        version: "2.1",
        provider: "Acme Models K.K.",
        licence: "Apache-2.0 OR MIT",
        bomRef: `${T}model/screen`,
        limitations: "Not evaluated on applicants over 60.",
        evaluations: [{ metric: "accuracy", value: "0.91", threshold: "0.85" }, { metric: "f1", value: "0.88" }],
      },
      { name: "word-model", provider: "Tester", bomRef: `${T}model/plain` },
    ]);
  });

  it("reads dataset packages with their source, licence, intended use and known bias, and personal data only where the document states it", () => {
    const { datasets } = parseSpdx(AI_BOM);
    expect(datasets).toEqual([
      { name: "Applicant CVs 2024", source: "https://data.example.test/cv", personalData: true, sensitiveData: false, intendedUse: "Training the ranker.", biasRisks: "Few applicants over 60.\nMostly Kanto region." },
      { name: "Job titles", licence: "CC-BY-4.0", personalData: false, sensitiveData: false },
      { name: "Interview notes", personalData: false, sensitiveData: false },
    ]);
  });

  it("tells the person what it could not decide: the skipped unnamed package, sensitive data, the stated risk and unclassified datasets", () => {
    const warnings = parseSpdx(AI_BOM).warnings.map((w) => w.en);
    expect(warnings).toEqual([
      expect.stringMatching(/^The SPDX document states that model screen-ranker uses sensitive personal information/),
      expect.stringMatching(/rates the safety risk of model screen-ranker as "high"/),
      expect.stringMatching(/^Element \? was skipped/),
      expect.stringMatching(/^Dataset Applicant CVs 2024 holds sensitive personal information.*APPI Art\. 2\(3\)/),
      expect.stringMatching(/^The SPDX document does not say whether dataset\(s\) Interview notes hold/),
    ]);
    for (const w of parseSpdx(AI_BOM).warnings) expect(w.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it("accepts full IRIs for classes and properties as well as the compact JSON-LD names", () => {
    const terms = "https://spdx.org/rdf/3.0.1/terms/";
    const parsed = parseSpdx({
      "@graph": [
        { type: "CreationInfo", "@id": "_:c", specVersion: "3.0.1" },
        { type: `${terms}AI/AIPackage`, spdxId: "urn:m", name: "iri-model", [`${terms}Software/packageVersion`]: "1" },
        { type: `${terms}Dataset/DatasetPackage`, spdxId: "urn:d", name: "iri-data", [`${terms}Dataset/hasSensitivePersonalInformation`]: "no" },
      ],
    });
    expect(parsed.models).toEqual([{ name: "iri-model", version: "1", bomRef: "urn:m" }]);
    expect(parsed.datasets).toEqual([{ name: "iri-data", personalData: false, sensitiveData: false }]);
  });

  it("refuses SPDX 2 documents and graphs without an SPDX 3 version, naming what it reads", async () => {
    const two = await appErrorOf(() => parseSpdx({ spdxVersion: "SPDX-2.3", packages: [] }));
    expect(two).toMatchObject({ status: 422, code: "import_invalid_bom", details: { reason: "unsupported_spec_version", specVersion: "SPDX-2.3" } });
    expect((two.details as { message: { en: string } }).message.en).toMatch(/SPDX 3\.0/);
    const old = await appErrorOf(() => parseSpdx({ "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [{ type: "CreationInfo", specVersion: "2.3" }] }));
    expect(old.details).toMatchObject({ reason: "unsupported_spec_version", specVersion: "2.3" });
    const empty = await appErrorOf(() => parseSpdx({ "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld" }));
    expect(empty.details).toMatchObject({ reason: "schema" });
  });

  it("is told apart from CycloneDX by what each file says it is", () => {
    expect(looksLikeSpdx(AI_BOM)).toBe(true);
    expect(looksLikeSpdx({ spdxVersion: "SPDX-2.3" })).toBe(true);
    expect(looksLikeSpdx({ bomFormat: "CycloneDX", specVersion: "1.6" })).toBe(false);
    expect(parseBom(AI_BOM).format).toBe("spdx");
    expect(parseBom({ bomFormat: "CycloneDX", specVersion: "1.6", components: [] })).toMatchObject({ format: "cyclonedx", models: [] });
  });
});
