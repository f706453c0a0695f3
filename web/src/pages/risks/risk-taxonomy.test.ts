import { describe, expect, it } from "vitest";
import type { RiskTaxonomy } from "../../api/risks.ts";
import { categoryOptions, groupCategories, taxonomyText } from "./risk-taxonomy.ts";

const TAXONOMY: RiskTaxonomy = {
  id: "mit",
  version: "3",
  title: { en: "MIT AI Risk Repository" },
  publisher: "MIT",
  url: "https://airisk.mit.edu",
  citation: "",
  licence: "CC BY 4.0",
  domains: [
    { id: "1", name: { en: "Discrimination & Toxicity", ja: "差別・有害性" }, subdomains: [{ id: "1.1", name: { en: "Unfair discrimination", ja: "不当な差別" } }, { id: "1.2", name: { en: "Toxic content" } }] },
    { id: "7", name: { en: "AI system safety" }, subdomains: [{ id: "7.1", name: { en: "Misaligned goals" } }] },
  ],
  causal: [{ id: "entity", name: { en: "Entity", ja: "主体" }, values: [{ id: "entity.ai", name: { en: "AI", ja: "AI" } }, { id: "entity.human", name: { en: "Human", ja: "人間" } }] }],
};

describe("taxonomyText", () => {
  it("uses Japanese where translated, else the English source", () => {
    expect(taxonomyText({ en: "Toxic content" }, "ja")).toBe("Toxic content");
    expect(taxonomyText({ en: "Entity", ja: "主体" }, "ja")).toBe("主体");
    expect(taxonomyText({ en: "Entity", ja: "主体" }, "en")).toBe("Entity");
  });
});

describe("groupCategories", () => {
  it("groups sub-domains under their domain and causal values under their dimension, in taxonomy order", () => {
    const { groups, unknown } = groupCategories(TAXONOMY, ["entity.ai", "1.2", "1", "7"], "ja");
    expect(groups).toEqual([
      { id: "1", name: "差別・有害性", chosen: true, items: [{ id: "1.2", name: "Toxic content" }] },
      { id: "7", name: "AI system safety", chosen: true, items: [] },
      { id: "entity", name: "主体", chosen: false, items: [{ id: "entity.ai", name: "AI" }] },
    ]);
    expect(unknown).toEqual([]);
  });

  it("keeps ids the taxonomy does not know", () => {
    expect(groupCategories(TAXONOMY, ["9.9"], "en").unknown).toEqual(["9.9"]);
  });
});

describe("categoryOptions", () => {
  it("lists domains followed by their sub-domains", () => {
    expect(categoryOptions(TAXONOMY, "en").map((o) => o.id)).toEqual(["1", "1.1", "1.2", "7", "7.1"]);
    expect(categoryOptions(TAXONOMY, "ja")[1]!.label).toBe("1.1 不当な差別");
  });
});
