import { describe, expect, it } from "vitest";
import { customCell, customFromCell } from "./fields.cells.ts";
import type { FieldDef } from "./fields.values.ts";

const def = (type: FieldDef["type"], options: FieldDef["options"] = []): FieldDef => ({ id: "cfd_1", key: "k", type, options, archived: false, labelJa: "項目", labelEn: "Field" });
const TIER = def("choice", [
  { value: "high", labelJa: "高", labelEn: "High" },
  { value: "low", labelJa: "低", labelEn: "Low" },
]);
const how = { person: (email: string) => (email.toLowerCase() === "sato@example.jp" ? "usr_sato" : undefined) };

describe("a register's cell read as a custom field's value", () => {
  it("reads numbers with thousands separators and full-width digits, and refuses words", () => {
    expect(customFromCell(def("number"), "1,500,000", how)).toEqual({ value: 1500000 });
    expect(customFromCell(def("number"), "１２．５", how)).toEqual({ value: 12.5 });
    expect(customFromCell(def("number"), "about 12", how)).toEqual({ problem: "custom_number" });
  });

  it("reads the date forms of Japanese and English registers, and refuses an impossible day", () => {
    expect(customFromCell(def("date"), "令和7年4月1日", how)).toEqual({ value: "2025-04-01" });
    expect(customFromCell(def("date"), "2025/4/1", how)).toEqual({ value: "2025-04-01" });
    expect(customFromCell(def("date"), "2025-02-30", how)).toEqual({ problem: "custom_date" });
  });

  it("reads a choice by its value or either label, after the column's translations", () => {
    expect(customFromCell(TIER, "高", how)).toEqual({ value: "high" });
    expect(customFromCell(TIER, "ＨＩＧＨ", how)).toEqual({ value: "high" });
    expect(customFromCell(TIER, "Tier 1", { ...how, translate: (t) => (t === "Tier 1" ? "high" : t) })).toEqual({ value: "high" });
    expect(customFromCell(TIER, "Tier 9", how)).toEqual({ problem: "custom_choice" });
  });

  it("reads several choices as a list (or a JSON array), each once", () => {
    const multi = def("multi_choice", TIER.options);
    expect(customFromCell(multi, "High; 低; high", how)).toEqual({ value: ["high", "low"] });
    expect(customFromCell(multi, '["low"]', how)).toEqual({ value: ["low"] });
    expect(customFromCell(multi, "High; Medium", how)).toEqual({ problem: "custom_multi_choice" });
  });

  it("reads a person by e-mail, an address as http(s), and blank as no value", () => {
    expect(customFromCell(def("person"), "Sato@example.jp", how)).toEqual({ value: "usr_sato" });
    expect(customFromCell(def("person"), "nobody@example.jp", how)).toEqual({ problem: "no_such_user" });
    expect(customFromCell(def("url"), "ftp://x", how)).toEqual({ problem: "custom_url" });
    expect(customFromCell(def("text"), "   ", how)).toEqual({ value: null });
  });

  it("writes each value as a cell that reads back to the same value", () => {
    const emails = new Map([["usr_sato", "sato@example.jp"]]);
    const multi = def("multi_choice", [...TIER.options, { value: "a, b", labelJa: "甲乙", labelEn: "A and B" }]);
    for (const [d, v] of [[def("number"), 1250.5], [def("date"), "2026-03-15"], [TIER, "high"], [multi, ["high", "a, b"]], [def("person"), "usr_sato"], [def("text"), "Art. 6(1)(b); GDPR"]] as const) {
      const cell = customCell(d, v as never, emails);
      expect(customFromCell(d, cell, how)).toEqual({ value: v });
    }
  });
});
