import { describe, expect, it } from "vitest";
import { expressionInWords, type Vocabulary } from "./expression.words.ts";

const labels: Record<string, { ja: string; en: string }> = {
  euAnnexIIIHighRisk: { ja: "附属書IIIの高リスク", en: "High-risk under Annex III" },
  euDeployer: { ja: "EUでの導入者", en: "Deployer in the EU" },
  euRoles: { ja: "EU AI法上の役割", en: "Roles under the EU AI Act" },
  annexIIIAreas: { ja: "附属書IIIの分野", en: "Annex III areas" },
  euPlacedOnMarketOn: { ja: "市場投入日", en: "Date placed on the market" },
};
const options: Record<string, { ja: string; en: string }> = {
  "euRoles:deployer": { ja: "導入者", en: "Deployer" },
  "annexIIIAreas:critical-infrastructure": { ja: "重要インフラ", en: "Critical infrastructure" },
};
const vocabulary: Vocabulary = { name: (id) => labels[id], option: (fact, value) => options[`${fact}:${value}`] };

describe("a rule's condition in words", () => {
  it("reads names as their labels and operators as words, in both languages", () => {
    expect(expressionInWords("euAnnexIIIHighRisk && euDeployer", vocabulary)).toEqual({
      ja: "「附属書IIIの高リスク」 かつ 「EUでの導入者」",
      en: "“High-risk under Annex III” and “Deployer in the EU”",
    });
  });

  it("names options by their labels and brackets an or inside an and", () => {
    expect(expressionInWords('euAnnexIIIHighRisk && ("deployer" in euRoles || !euDeployer)', vocabulary)).toEqual({
      ja: "「附属書IIIの高リスク」 かつ （「EU AI法上の役割」に「導入者」を含む または 「EUでの導入者」ではない）",
      en: "“High-risk under Annex III” and (“Roles under the EU AI Act” includes “Deployer” or not “Deployer in the EU”)",
    });
  });

  it("reads dates, comparisons and exists over a list's answers", () => {
    expect(expressionInWords('euPlacedOnMarketOn < "2026-08-02"', vocabulary).ja).toBe("「市場投入日」が2026-08-02より前");
    expect(expressionInWords('annexIIIAreas.exists(a, a != "critical-infrastructure")', vocabulary)).toEqual({
      ja: "「附属書IIIの分野」のいずれかについて、その項目が「重要インフラ」以外",
      en: "for some answer to “Annex III areas”, the item is not “Critical infrastructure”",
    });
  });

  it("quotes what it has no wording for rather than dropping it", () => {
    expect(expressionInWords("size(euRoles) > 1", vocabulary)).toEqual({ ja: "［size(euRoles)］が1を超える", en: "[size(euRoles)] is more than 1" });
  });
});
