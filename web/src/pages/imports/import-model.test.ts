import { describe, expect, it } from "vitest";
import type { ImportJob } from "../../api/systems.ts";
import { duplicateFields, fieldOf, initialSettings, missingFields, progressPercent, splitChoiceOf, withColumn, withSplit, withTranslation } from "./import-model.ts";

const headers = ["管理番号", "システム名", "英語名", "開発元", "委託先"];

describe("import wizard model", () => {
  it("starts from the suggested mapping, dropping columns the file does not have", () => {
    const job = { headers, headerRow: 1, encoding: "shift_jis", suggestedMapping: [{ column: "システム名", field: "nameJa" }, { column: "gone", field: "tags" }] } as unknown as ImportJob;
    expect(initialSettings(job)).toEqual({ mapping: [{ column: "システム名", field: "nameJa" }], headerRow: 1, encoding: "shift_jis" });
  });

  it("keeps the columns' order when a column is remapped, and drops unmapped ones", () => {
    let mapping = withColumn([], headers, "英語名", "nameEn");
    mapping = withColumn(mapping, headers, "管理番号", "code");
    expect(mapping.map((m) => m.column)).toEqual(["管理番号", "英語名"]);
    expect(withColumn(mapping, headers, "管理番号", "")).toEqual([{ column: "英語名", field: "nameEn" }]);
  });

  it("keeps a column's translations and split rule while it feeds the same field, and drops them when it moves", () => {
    let mapping = withColumn([], headers, "開発元", "vendors");
    mapping = [withSplit(withTranslation(mapping[0]!, "富士通", "Fujitsu Limited"), "none")];
    expect(mapping[0]).toEqual({ column: "開発元", field: "vendors", values: { 富士通: "Fujitsu Limited" }, split: null });
    expect(withColumn(mapping, headers, "開発元", "vendors")).toEqual(mapping);
    expect(withColumn(mapping, headers, "開発元", "tags")).toEqual([{ column: "開発元", field: "tags" }]);
  });

  it("removes a translation set back to Musubi's reading, and shows a preset's own separator", () => {
    const entry = withTranslation(withTranslation({ column: "段階", field: "lifecycle" }, "本番", "deployed"), "本番", undefined);
    expect(entry).toEqual({ column: "段階", field: "lifecycle" });
    expect(splitChoiceOf({ column: "x", field: "tags", split: " / " })).toBe(" / ");
    expect(splitChoiceOf(withSplit({ column: "x", field: "tags", split: ";" }, "default"))).toBe("default");
  });

  it("lets several columns feed a list field but not a single one", () => {
    const mapping = [
      { column: "開発元", field: "vendors" as const },
      { column: "委託先", field: "vendors" as const },
      { column: "システム名", field: "nameJa" as const },
      { column: "英語名", field: "nameJa" as const },
    ];
    expect(duplicateFields(mapping)).toEqual(["nameJa"]);
    expect(missingFields(mapping)).toEqual(["nameEn"]);
  });

  it("gives each phase a third of the progress bar", () => {
    expect(progressPercent({ status: "validating", progress: { phase: "validating", done: 60, total: 100 } })).toBe(20);
    expect(progressPercent({ status: "committing", progress: { phase: "classifying", done: 0, total: 100 } })).toBe(33);
    expect(progressPercent({ status: "committing", progress: { phase: "writing", done: 100, total: 100 } })).toBe(100);
    expect(progressPercent({ status: "committed" })).toBe(100);
  });
});

describe("mapping to the organisation's own fields", () => {
  it("maps a column to custom.<key> and refuses a second column for the same field, unlike Musubi's list fields", () => {
    const headers = ["A", "B", "C", "D"];
    let mapping = withColumn([], headers, "A", "custom.legal_basis");
    mapping = withColumn(mapping, headers, "B", "custom.legal_basis");
    mapping = withColumn(mapping, headers, "C", "tags");
    mapping = withColumn(mapping, headers, "D", "tags");
    expect(fieldOf(mapping, "A")).toBe("custom.legal_basis");
    expect(duplicateFields(mapping)).toEqual(["custom.legal_basis"]);
  });
});
