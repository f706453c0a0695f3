import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client.ts";
import { en } from "../../i18n/en.ts";
import { ja } from "../../i18n/ja.ts";
import { isOwn, megabytes, removeRefusalKey, SOURCE_FORMAT_KEYS, splitAtPlaceholders, uploadRefusal, viewName } from "./own-frameworks.ts";

const apiError = (status: number, code: string, details?: unknown) => new ApiError(status, code, "message", details, "ja");

describe("ownFrameworks.uploadRefusal", () => {
  it("lists every problem of a framework_invalid answer with where it is", () => {
    const refusal = uploadRefusal(
      apiError(400, "framework_invalid", [
        { field: "要求事項 (Requirements)!A3", message: "各行に id を記入してください。" },
        { field: "rules.rules.0.when", message: "条件式を解釈できません。" },
        { nonsense: true },
      ]),
    );
    expect(refusal).toEqual({
      kind: "invalid",
      problems: [
        { field: "要求事項 (Requirements)!A3", message: "各行に id を記入してください。" },
        { field: "rules.rules.0.when", message: "条件式を解釈できません。" },
      ],
    });
  });

  it("reads a 409 conflict as the version already added, with the version", () => {
    expect(uploadRefusal(apiError(409, "conflict", { reason: "framework_version_exists", framework: "org-ai-policy", version: "2" }))).toEqual({ kind: "exists", version: "2" });
  });

  it("reads a 413 as too large, with the limit when the server gives it", () => {
    expect(uploadRefusal(apiError(413, "payload_too_large", { limitBytes: 16 * 1024 * 1024 }))).toEqual({ kind: "tooLarge", limitBytes: 16 * 1024 * 1024 });
    expect(uploadRefusal(apiError(413, "payload_too_large"))).toEqual({ kind: "tooLarge", limitBytes: undefined });
    expect(megabytes(16 * 1024 * 1024)).toBe(16);
  });

  it("leaves other errors to the server's own message", () => {
    expect(uploadRefusal(apiError(403, "forbidden"))).toEqual({ kind: "other" });
    expect(uploadRefusal(apiError(409, "in_use"))).toEqual({ kind: "other" });
    expect(uploadRefusal(new Error("boom"))).toEqual({ kind: "other" });
  });
});

describe("ownFrameworks.removeRefusalKey", () => {
  it("says which use keeps a version", () => {
    expect(removeRefusalKey(apiError(409, "in_use", { reason: "assessed" }))).toBe("libraryOwn.inUse.assessed");
    expect(removeRefusalKey(apiError(409, "in_use", { reason: "mapped_to_controls" }))).toBe("libraryOwn.inUse.mappedToControls");
    expect(removeRefusalKey(apiError(409, "in_use", { reason: "referenced", problems: ["…"] }))).toBe("libraryOwn.inUse.referenced");
    expect(removeRefusalKey(apiError(409, "in_use"))).toBe("libraryOwn.inUse.other");
  });

  it("leaves any other error alone", () => {
    expect(removeRefusalKey(apiError(404, "not_found"))).toBeUndefined();
    expect(removeRefusalKey(undefined)).toBeUndefined();
  });
});

describe("ownFrameworks.words", () => {
  it("names every source format in words in both languages", () => {
    expect(Object.values(SOURCE_FORMAT_KEYS).map((k) => ja[k])).toEqual(["Excelテンプレート", "JSON", "YAML", "OSCAL"]);
    expect(Object.values(SOURCE_FORMAT_KEYS).map((k) => en[k])).toEqual(["Excel template", "JSON", "YAML", "OSCAL"]);
  });

  it("drops a language the file leaves out of the name", () => {
    expect(viewName({ name: { ja: "生成AI利用規程", en: null } })).toEqual({ ja: "生成AI利用規程" });
  });

  it("marks only frameworks the server calls the organisation's own", () => {
    expect([isOwn({ own: true }), isOwn({ own: false }), isOwn({})]).toEqual([true, false, false]);
  });

  it("cuts a sentence at its placeholders so an element can stand there", () => {
    expect(splitAtPlaceholders(ja["libraryOwn.idHint"])).toEqual([{ text: "識別子は " }, { slot: "prefix" }, { text: " で始まります。Musubiが将来同じ識別子を配布することがないようにするためです。" }]);
    expect(splitAtPlaceholders("{a}{b}")).toEqual([{ slot: "a" }, { slot: "b" }]);
    expect(splitAtPlaceholders("none")).toEqual([{ text: "none" }]);
  });
});
