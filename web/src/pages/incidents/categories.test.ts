import { describe, expect, it } from "vitest";
import type { RiskTaxonomy } from "../../api/risks.ts";
import { categoryGroups, categoryNames } from "./categories.ts";

const TAXONOMY: Pick<RiskTaxonomy, "domains" | "causal"> = {
  domains: [{ id: "2", name: { en: "Privacy & Security", ja: "プライバシーとセキュリティ" }, subdomains: [{ id: "2.1", name: { en: "Compromise of privacy" } }] }],
  causal: [{ id: "entity", name: { en: "Entity", ja: "主体" }, values: [{ id: "entity.ai", name: { en: "AI" } }] }],
};

describe("categoryGroups", () => {
  it("offers each domain with its sub-domains, then causal values (without a code: their ids are slugs), in the UI language with English as fallback", () => {
    expect(categoryGroups(TAXONOMY, "ja")).toEqual([
      { id: "2", name: "2. プライバシーとセキュリティ", options: [{ id: "2", code: "2", name: "プライバシーとセキュリティ", depth: 0 }, { id: "2.1", code: "2.1", name: "Compromise of privacy", depth: 1 }] },
      { id: "entity", name: "主体", options: [{ id: "entity.ai", name: "AI", depth: 1 }] },
    ]);
  });
});

describe("categoryNames", () => {
  it("names every id, causal values with their dimension", () => {
    const names = categoryNames(TAXONOMY, "en");
    expect(names.get("2.1")).toBe("Compromise of privacy");
    expect(names.get("entity.ai")).toBe("Entity: AI");
    expect(categoryNames(undefined, "en").size).toBe(0);
  });
});
