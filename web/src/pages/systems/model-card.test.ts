import { describe, expect, it } from "vitest";
import { CARD_FORMAT_LABELS, CARD_FORMATS as SERVER_FORMATS } from "../../../../src/systems/systems.card-fields.ts";
import { ApiError } from "../../api/client.ts";
import { CARD_FORMATS, type ModelCardPreview } from "../../api/model-cards.ts";
import type { DatasetEntry, ModelEntry } from "../../api/systems.ts";
import { en } from "../../i18n/en.ts";
import { ja } from "../../i18n/ja.ts";
import { cardProblem, cardSections, changeLines, changesSomething, distinctSources, evaluationDataset, evaluationMetric, evaluationValue, hasCardFacts, needsName, summarise } from "./model-card.ts";

const preview = (over: Partial<ModelCardPreview> = {}): ModelCardPreview => ({
  format: "hf-model-card",
  models: [],
  datasets: [],
  warnings: [],
  system: { id: "s1", code: "AIS-1", version: 3 },
  changes: [],
  applied: false,
  ...over,
});

describe("modelCard.formats", () => {
  it("names every format the server reads, in the server's own words", () => {
    expect([...CARD_FORMATS]).toEqual([...SERVER_FORMATS]);
    for (const format of CARD_FORMATS) {
      expect(en[`modelCard.format.${format}`]).toBe(CARD_FORMAT_LABELS[format].en);
      expect(ja[`modelCard.format.${format}`]).toBe(CARD_FORMAT_LABELS[format].ja);
    }
  });
});

describe("modelCard.changeLines", () => {
  const current: { models: ModelEntry[]; datasets: DatasetEntry[] } = {
    models: [{ name: "My-Model", licence: "mit", evaluations: [{ value: "1" }] }],
    datasets: [],
  };

  it("shows the text the card replaces and the card's value, matching the entry by name ignoring case", () => {
    const p = preview({ models: [{ name: "my-model", licence: "apache-2.0", evaluations: [{ value: "1" }, { value: "2" }], limitations: "Not for medical use." }] });
    const lines = changeLines({ kind: "model", name: "My-Model", action: "update", fields: ["licence", "evaluations", "limitations"], replaced: { licence: "mit" } }, p, current);
    expect(lines).toEqual([
      { field: "licence", before: { text: "mit" }, after: { text: "apache-2.0" } },
      { field: "evaluations", before: { evaluations: 1 }, after: { evaluations: 2 } },
      { field: "limitations", after: { text: "Not for medical use." } },
    ]);
  });

  it("gives an added entry no 'before', and a field the UI does not know the label 'other'", () => {
    const p = preview({ datasets: [{ name: "common_voice", personalData: false, sensitiveData: false, languages: ["en", "ja"] }] });
    const lines = changeLines({ kind: "dataset", name: "common_voice", action: "add", fields: ["languages", "somethingNew"], replaced: {} }, p, current);
    expect(lines).toEqual([{ field: "languages", after: { text: "en, ja" } }, { field: "other" }]);
  });

  it("cuts a long text for the preview", () => {
    const long = "x".repeat(500);
    const summary = summarise({ name: "m", intendedUse: long }, "intendedUse");
    expect(summary && "text" in summary && summary.text.length).toBe(200);
    expect(summarise({ name: "m", co2Emissions: { grams: 149200 } }, "co2Emissions")).toEqual({ grams: 149200 });
    expect(summarise({ name: "m" }, "licence")).toBeUndefined();
  });
});

describe("modelCard.entries", () => {
  it("finds card facts only where a card put them", () => {
    expect(hasCardFacts({ name: "typed", licence: "mit", provider: "X" })).toBe(false);
    expect(hasCardFacts({ name: "m", importedFrom: [{ format: "hf-model-card", name: "m" }] })).toBe(true);
    expect(hasCardFacts({ name: "d", personalData: false, sensitiveData: false, limitations: "Small." })).toBe(true);
  });

  it("lists the card's texts in reading order", () => {
    expect(cardSections({ name: "m", limitations: "L", intendedUse: "U" })).toEqual([
      { field: "intendedUse", text: "U" },
      { field: "limitations", text: "L" },
    ]);
  });

  it("writes an evaluation result as the card states it", () => {
    expect(evaluationValue({ value: "20.90" })).toBe("20.90");
    expect(evaluationValue({ value: "0.91", lowerBound: "0.89", upperBound: "0.93" })).toBe("0.91 [0.89, 0.93]");
    expect(evaluationMetric({ value: "1", metric: "wer", metricName: "Test WER" })).toBe("Test WER");
    expect(evaluationMetric({ value: "1", metric: "wer" })).toBe("wer");
    expect(evaluationDataset({ value: "1", dataset: "Common Voice", datasetConfig: "en" })).toBe("Common Voice (en)");
    expect(evaluationDataset({ value: "1" })).toBeUndefined();
  });

  it("shows each card source once", () => {
    const s = { format: "hf-model-card" as const, name: "m", file: "README.md" };
    expect(distinctSources([s, { ...s }, { ...s, format: "hf-eval-results" }])).toEqual([s, { ...s, format: "hf-eval-results" }]);
    expect(distinctSources(undefined)).toEqual([]);
  });
});

describe("modelCard.problems", () => {
  const invalid = new ApiError(422, "import_invalid_card", "generic", { reason: "yaml", line: 3, column: 1, message: { en: "at line 3, column 1", ja: "3行1列目" } }, "ja");

  it("reads the server's own sentence about a refused card in the UI's language", () => {
    expect(cardProblem(invalid, "ja")).toBe("3行1列目");
    expect(cardProblem(invalid, "en")).toBe("at line 3, column 1");
    expect(cardProblem(new ApiError(413, "payload_too_large", "too large", undefined, "ja"), "ja")).toBeUndefined();
    expect(cardProblem(new Error("x"), "ja")).toBeUndefined();
  });

  it("tells when the card needs a name", () => {
    expect(needsName(new ApiError(422, "import_invalid_card", "", { reason: "name_missing", message: { en: "", ja: "" } }, "ja"))).toBe(true);
    expect(needsName(invalid)).toBe(false);
  });

  it("has something to confirm only when an entry is added or updated", () => {
    expect(changesSomething(undefined)).toBe(false);
    expect(changesSomething(preview({ changes: [{ kind: "model", name: "m", action: "unchanged", fields: [], replaced: {} }] }))).toBe(false);
    expect(changesSomething(preview({ changes: [{ kind: "model", name: "m", action: "add", fields: [], replaced: {} }] }))).toBe(true);
  });
});
