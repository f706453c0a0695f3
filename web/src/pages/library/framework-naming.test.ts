import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../../../src/library/library.load.ts";
import { en } from "../../i18n/en.ts";
import { ja } from "../../i18n/ja.ts";
import { labelOrigin, nameVersions, type FrameworkNaming } from "./framework-naming.ts";
import { tagKey } from "./vocabulary.ts";

const euAiAct: FrameworkNaming = {
  name: { en: "Regulation (EU) 2024/1689 … (Artificial Intelligence Act)" },
  shortName: { ja: "EU AI法", en: "Artificial Intelligence Act" },
  shortNameOrigin: { ja: "musubi-editorial" },
  source: { title: { en: "EUR-Lex" }, files: [] },
};

describe("framework naming", () => {
  it("marks the Japanese short name as Musubi's, and not the English one", () => {
    expect(labelOrigin(euAiAct, "ja")).toBe("musubi-editorial");
    expect(labelOrigin(euAiAct, "en")).toBeUndefined();
  });

  it("follows the language actually shown when the UI language is missing", () => {
    const englishOnly: FrameworkNaming = { ...euAiAct, shortName: { en: "Artificial Intelligence Act" } };
    expect(labelOrigin(englishOnly, "ja")).toBeUndefined();
    const named: FrameworkNaming = { name: { ja: "生成AIガイドライン", en: "Guidelines" }, nameOrigin: { ja: "musubi-editorial" }, source: euAiAct.source };
    expect(labelOrigin(named, "ja")).toBe("musubi-editorial");
  });

  it("lists every language version of a name, the UI language first, with its origin", () => {
    expect(nameVersions(euAiAct.shortName, euAiAct.shortNameOrigin, "ja")).toEqual([
      { lang: "ja", text: "EU AI法", origin: "musubi-editorial" },
      { lang: "en", text: "Artificial Intelligence Act" },
    ]);
    expect(nameVersions(euAiAct.name, undefined, "ja")).toEqual([{ lang: "en", text: euAiAct.name.en }]);
    expect(nameVersions(undefined, undefined, "en")).toEqual([]);
  });

  it("has words in both languages for every tag the shipped library uses", () => {
    const { library } = loadLibrary();
    const tags = new Set([...library!.nodes.values()].flatMap((e) => e.node.tags ?? []));
    expect(tags.size).toBeGreaterThan(10);
    const missing = [...tags].filter((tag) => {
      const key = tagKey(tag);
      return !key || !(key in en) || !(key in ja);
    });
    expect(missing).toEqual([]);
  });
});
