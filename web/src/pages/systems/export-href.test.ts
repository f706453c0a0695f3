import { describe, expect, it } from "vitest";
import { systemsApi } from "../../api/systems.ts";

describe("systemsApi.exportHref", () => {
  it("asks for a file to read in the UI language, since a download link cannot send Accept-Language", () => {
    expect(systemsApi.exportHref("xlsx", { euClass: "high-risk", reviewOverdue: "true" }, "people", "en")).toBe("/api/systems/export?format=xlsx&euClass=high-risk&reviewOverdue=true&lang=en");
  });

  it("asks for a file to re-import without a language, which such a file does not have", () => {
    expect(systemsApi.exportHref("csv", { euClass: "high-risk" }, "machine", "ja")).toBe("/api/systems/export?format=csv&euClass=high-risk&audience=machine");
  });
});
