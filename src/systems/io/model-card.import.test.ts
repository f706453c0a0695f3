import { describe, expect, it } from "vitest";
import type { DatasetEntry, ModelEntry } from "../systems.schema.ts";
import { mergeCard } from "./model-card.import.ts";
import type { ModelCardImport } from "./model-card.parse.ts";

const FROM_CARD = { format: "hf-model-card" as const, name: "acme/clf", file: "README.md" };
const cardOf = (models: ModelEntry[], datasets: DatasetEntry[] = [], format: ModelCardImport["format"] = "hf-model-card"): ModelCardImport => ({ format, models, datasets, warnings: [] });

describe("systems.io mergeCard", () => {
  it("adds a model the system does not have, listing the fields the card fills", () => {
    const { models, changes } = mergeCard({ models: [], datasets: [] }, cardOf([{ name: "acme/clf", licence: "mit", importedFrom: [FROM_CARD] }]));
    expect(models).toEqual([{ name: "acme/clf", licence: "mit", importedFrom: [FROM_CARD] }]);
    expect(changes).toEqual([{ kind: "model", name: "acme/clf", action: "add", fields: ["licence"], replaced: {} }]);
  });

  it("updates a known model (matched by name, case aside) with what the card states, keeping hosting, bom-ref and what the card is silent on", () => {
    const current = { models: [{ name: "ACME/clf", provider: "ACME", version: "2", licence: "typed by hand", hosting: "cloud" as const, bomRef: "ref-1" }], datasets: [] };
    const { models, changes } = mergeCard(current, cardOf([{ name: "acme/clf", licence: "mit", task: "text-classification", importedFrom: [FROM_CARD] }]));
    expect(models).toEqual([{ name: "ACME/clf", provider: "ACME", version: "2", licence: "mit", hosting: "cloud", bomRef: "ref-1", task: "text-classification", importedFrom: [FROM_CARD] }]);
    expect(changes).toEqual([{ kind: "model", name: "ACME/clf", action: "update", fields: ["licence", "task"], replaced: { licence: "typed by hand" } }]);
  });

  it("never clears a dataset's personal-data flags: a card's defaults are not statements", () => {
    const current = { models: [], datasets: [{ name: "reviews", personalData: true, sensitiveData: true }] };
    const { datasets } = mergeCard(current, cardOf([], [{ name: "reviews", personalData: false, sensitiveData: false, licence: "cc-by-4.0", importedFrom: [FROM_CARD] }]));
    expect(datasets).toEqual([{ name: "reviews", personalData: true, sensitiveData: true, licence: "cc-by-4.0", importedFrom: [FROM_CARD] }]);
  });

  it("changes nothing when the same card is imported again", () => {
    const card = cardOf([{ name: "acme/clf", licence: "mit", importedFrom: [FROM_CARD] }], [{ name: "reviews", personalData: false, sensitiveData: false, importedFrom: [FROM_CARD] }]);
    const once = mergeCard({ models: [], datasets: [] }, card);
    const twice = mergeCard(once, card);
    expect(twice.models).toEqual(once.models);
    expect(twice.datasets).toEqual(once.datasets);
    expect(twice.changes.map((c) => c.action)).toEqual(["unchanged", "unchanged"]);
  });

  it("adds eval results to the model's and records both cards, where a model card's results replace them", () => {
    const fromEval = { format: "hf-eval-results" as const, name: "acme/clf", file: "gpqa.yaml" };
    const first = { metric: "accuracy", value: "0.9" };
    const second = { task: "gpqa_diamond", dataset: "Idavidrein/gpqa", value: "0.412" };
    const current = { models: [{ name: "acme/clf", evaluations: [first], importedFrom: [FROM_CARD] }], datasets: [] };
    const added = mergeCard(current, cardOf([{ name: "acme/clf", evaluations: [second], importedFrom: [fromEval] }], [], "hf-eval-results"));
    expect(added.models[0]).toEqual({ name: "acme/clf", evaluations: [first, second], importedFrom: [FROM_CARD, fromEval] });
    const replaced = mergeCard(current, cardOf([{ name: "acme/clf", evaluations: [second], importedFrom: [FROM_CARD] }]));
    expect(replaced.models[0]?.evaluations).toEqual([second]);
  });
});
