import { describe, expect, it } from "vitest";
import { parseEntries, parseLifecycle, parseList, resolveCountry } from "./import.values.ts";

describe("systems.io parseLifecycle", () => {
  it.each([
    ["planning", "planning"],
    ["企画", "planning"],
    ["計画中", "planning"],
    ["要件定義", "planning"],
    ["Development", "development"],
    ["開発中", "development"],
    ["検証", "development"],
    ["PoC", "development"],
    ["試験運用", "development"],
    ["deployed", "deployed"],
    ["運用中", "deployed"],
    ["稼働", "deployed"],
    ["本番", "deployed"],
    ["In use", "deployed"],
    ["廃止", "retired"],
    ["停止", "retired"],
    ["decommissioned", "retired"],
    ["ＲＥＴＩＲＥＤ", "retired"],
  ])("reads %s as %s", (word, stage) => {
    expect(parseLifecycle(word)).toBe(stage);
  });

  it("does not guess at words it does not know", () => {
    expect(parseLifecycle("テスト運用予定")).toBeUndefined();
    expect(parseLifecycle("maybe")).toBeUndefined();
  });
});

describe("systems.io parseList", () => {
  it("reads a JSON array cell as AIID writes them", () => {
    expect(parseList('["navya","keolis-north-america"]', false)).toEqual(["navya", "keolis-north-america"]);
  });

  it("splits text on new lines, semicolons and 、 but keeps commas in vendor names", () => {
    expect(parseList("Acme, Inc.; 富士通\nNEC、日立；IBM", false)).toEqual(["Acme, Inc.", "富士通", "NEC", "日立", "IBM"]);
  });

  it("also splits on commas where items cannot contain one", () => {
    expect(parseList("JP, US，DE", true)).toEqual(["JP", "US", "DE"]);
  });

  it("reads bracketed text that is not JSON as text", () => {
    expect(parseList("[beta] Acme", false)).toEqual(["[beta] Acme"]);
  });

  it("refuses a JSON array holding objects", () => {
    expect(parseList('[{"name":"x"}]', false)).toBeUndefined();
  });

  it("reads an empty cell as no items", () => {
    expect(parseList("  ", true)).toEqual([]);
  });
});

describe("systems.io resolveCountry", () => {
  it.each([
    ["JP", "JP"],
    ["jp", "JP"],
    ["Japan", "JP"],
    ["日本", "JP"],
    ["ドイツ", "DE"],
    ["United States", "US"],
    ["米国", "US"],
    ["UK", "GB"],
    ["dd", "DE"],
    ["EU", "EU"],
  ])("reads %s as %s", (item, code) => {
    expect(resolveCountry(item)).toBe(code);
  });

  it("returns nothing for a name it does not know", () => {
    expect(resolveCountry("Atlantis")).toBeUndefined();
  });
});

describe("systems.io parseEntries", () => {
  it("reads the JSON array the exporter writes", () => {
    expect(parseEntries('[{"name":"GPT-4o","provider":"OpenAI"}]')).toEqual([{ name: "GPT-4o", provider: "OpenAI" }]);
  });

  it("reads plain names as entries with only a name", () => {
    expect(parseEntries("GPT-4o; Claude\nGemini")).toEqual([{ name: "GPT-4o" }, { name: "Claude" }, { name: "Gemini" }]);
  });

  it("refuses broken JSON instead of importing it as a name", () => {
    expect(parseEntries('[{"name":"GPT-4o"')).toBeUndefined();
    expect(parseEntries('{"name":')).toBeUndefined();
    expect(parseEntries("[1,2]")).toBeUndefined();
  });
});
