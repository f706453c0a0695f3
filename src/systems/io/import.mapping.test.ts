import { describe, expect, it } from "vitest";
import { DERIVED_FIELDS, exportColumns } from "./export.cells.ts";
import { IMPORT_FIELDS, importMapping, normalizeHeader, suggestMapping } from "./import.mapping.ts";

describe("systems.io suggestMapping", () => {
  it.each([
    ["システム名", "nameJa"],
    ["名称", "nameJa"],
    ["AIシステム名", "nameJa"],
    ["ＡＩシステム名（必須）", "nameJa"],
    ["名称（英語）", "nameEn"],
    ["Name", "nameEn"],
    ["System name", "nameEn"],
    ["title", "nameEn"],
    ["目的", "purpose"],
    ["利用目的", "purpose"],
    ["概要", "purpose"],
    ["Description", "purpose"],
    ["事業責任者", "businessOwnerEmail"],
    ["業務オーナー", "businessOwnerEmail"],
    ["技術責任者", "technicalOwnerEmail"],
    ["所管部署", "departmentCode"],
    ["部門", "departmentCode"],
    ["ステータス", "lifecycle"],
    ["段階", "lifecycle"],
    ["委託先", "vendors"],
    ["Developer", "vendors"],
    ["展開国", "countries"],
    ["Country", "countries"],
    ["タグ", "tags"],
    ["最終レビュー日", "lastReviewedAt"],
    ["次回 レビュー日", "nextReviewAt"],
    ["管理番号", "code"],
    ["system_code", "code"],
  ])("maps %s to %s", (header, field) => {
    expect(suggestMapping([header])).toEqual([{ column: header, field }]);
  });

  it("leaves unknown headers unmapped", () => {
    expect(suggestMapping(["備考", "reports", "incident_date"])).toEqual([]);
  });

  it("gives a single-value field only its first column but lets several columns feed a list", () => {
    expect(suggestMapping(["名称", "システム名", "ベンダー", "委託先"])).toEqual([
      { column: "名称", field: "nameJa" },
      { column: "ベンダー", field: "vendors" },
      { column: "委託先", field: "vendors" },
    ]);
  });

  it("maps every importable header the exporter writes back to its own field, and leaves the derived class columns out", () => {
    const headers = exportColumns.map((c) => c.header);
    const importable = exportColumns.filter((c) => (IMPORT_FIELDS as readonly string[]).includes(c.field));
    expect(suggestMapping(headers)).toEqual(importable.map((c) => ({ column: c.header, field: c.field })));
    expect(exportColumns.map((c) => c.field)).toEqual([...IMPORT_FIELDS, ...DERIVED_FIELDS]);
  });

  it("folds width, case, spaces and punctuation", () => {
    expect(normalizeHeader(" Ｅ－ｍａｉｌ（Owner）* ")).toBe("emailowner");
  });
});

describe("systems.io importMapping", () => {
  it("accepts a list field fed by two columns", () => {
    const mapping = [
      { column: "開発元", field: "vendors" },
      { column: "委託先", field: "vendors" },
    ];
    expect(importMapping.parse(mapping)).toEqual(mapping);
  });

  it("refuses a single-value field fed twice, naming the second entry", () => {
    const result = importMapping.safeParse([
      { column: "名称", field: "nameJa" },
      { column: "システム名", field: "nameJa" },
    ]);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([1, "field"]);
  });

  it("refuses an unknown field", () => {
    expect(importMapping.safeParse([{ column: "ID", field: "id" }]).success).toBe(false);
  });
});
