import { describe, expect, it } from "vitest";
import { referenceSource } from "../../../../src/incidents/reference.import.ts";
import { en } from "../../i18n/en.ts";
import { ja } from "../../i18n/ja.ts";
import { EMPTY_SOURCE, isWebAddress, SOURCE_LIMITS, sourceInput, sourceProblems } from "./reference-source.ts";

const OECD = { name: "OECD AI Incidents Monitor", licence: "CC BY 4.0", url: "https://oecd.ai/en/incidents" };

describe("the source of a public register", () => {
  it("needs a name and a licence, and takes an address only when it is one", () => {
    expect(sourceProblems(EMPTY_SOURCE)).toEqual({ name: "referenceImports.source.nameRequired", licence: "referenceImports.source.licenceRequired" });
    expect(sourceProblems({ name: "   ", licence: "\t", url: "" })).toEqual({ name: "referenceImports.source.nameRequired", licence: "referenceImports.source.licenceRequired" });
    expect(sourceProblems(OECD)).toEqual({});
    expect(sourceProblems({ ...OECD, url: "" })).toEqual({});
    expect(sourceProblems({ ...OECD, url: "oecd.ai/en/incidents" })).toEqual({ url: "referenceImports.source.urlInvalid" });
    expect(sourceProblems({ ...OECD, name: "x".repeat(SOURCE_LIMITS.name + 1), url: `https://a.jp/${"x".repeat(SOURCE_LIMITS.url)}` })).toEqual({ name: "referenceImports.source.tooLong", url: "referenceImports.source.tooLong" });
  });

  it("counts an address people can open: http or https with a host", () => {
    expect(isWebAddress("https://incidentdatabase.ai")).toBe(true);
    expect(isWebAddress("http://example.jp/事例")).toBe(true);
    expect(isWebAddress("javascript:alert(1)")).toBe(false);
    expect(isWebAddress("ftp://example.jp")).toBe(false);
    expect(isWebAddress("https://")).toBe(false);
  });

  it("sends what the server takes: trimmed, a blank address left out", () => {
    expect(sourceInput({ name: " 事例集 ", licence: " CC BY-SA 4.0 ", url: " " })).toEqual({ name: "事例集", licence: "CC BY-SA 4.0" });
    expect(referenceSource.parse(sourceInput(OECD))).toEqual(OECD);
    expect(referenceSource.safeParse(sourceInput({ ...OECD, url: "" })).success).toBe(true);
  });

  it("words every problem in both languages", () => {
    const keys = [...new Set([sourceProblems(EMPTY_SOURCE), sourceProblems({ ...OECD, url: "x" }), sourceProblems({ ...OECD, name: "x".repeat(300) })].flatMap((p) => Object.values(p)))];
    expect(keys).toHaveLength(4);
    expect(keys.filter((k) => !(k in en) || !(k in ja))).toEqual([]);
  });
});
