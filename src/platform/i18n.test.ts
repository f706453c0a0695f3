import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./i18n.ts";
import { errorBody } from "./errors.ts";

describe("negotiateLocale", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["ja", "ja"],
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["en-US,en;q=0.9,ja;q=0.8", "en"],
    ["fr-FR,ja;q=0.5", "ja"],
    ["en;q=0.2,ja;q=0.7", "ja"],
    ["de", "en"],
    ["ja;q=0", "en"],
  ])("reads %j as %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("errorBody", () => {
  it("answers in Japanese or English with the same code", () => {
    const ja = errorBody("not_found", "ja");
    const en = errorBody("not_found", "en");
    expect(ja.error.code).toBe("not_found");
    expect(ja.error.message).toMatch(/見つかりません/);
    expect(en.error.message).toMatch(/not found/);
    expect(ja.error).not.toHaveProperty("details");
  });
});
