import { describe, expect, it } from "vitest";
import { keyFromLabel, optionsToSave } from "./field-form.ts";

describe("custom field form", () => {
  it("suggests a key from an English label, starting with a letter", () => {
    expect(keyFromLabel("Legal basis")).toBe("legal_basis");
    expect(keyFromLabel("2nd reviewer (DPO)")).toBe("nd_reviewer_dpo");
    expect(keyFromLabel("Données privées")).toBe("donnees_privees");
    expect(keyFromLabel("影響度")).toBe("");
  });

  it("drops blank option rows and fills a missing value or label from the others", () => {
    expect(
      optionsToSave([
        { value: " high ", labelJa: "高", labelEn: "High" },
        { value: "", labelJa: "", labelEn: "" },
        { value: "", labelJa: "中", labelEn: "Medium" },
        { value: "low", labelJa: "", labelEn: "" },
      ]),
    ).toEqual([
      { value: "high", labelJa: "高", labelEn: "High" },
      { value: "Medium", labelJa: "中", labelEn: "Medium" },
      { value: "low", labelJa: "low", labelEn: "low" },
    ]);
  });
});
