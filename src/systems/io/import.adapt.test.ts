import { describe, expect, it } from "vitest";
import { columnValues } from "./import.column-values.ts";
import type { Mapping } from "./import.mapping.ts";
import { validateRows } from "./import.validate.ts";
import { parseLifecycle, parseList } from "./import.values.ts";
import { readTable } from "./table.read.ts";
import { testContext, utf8 } from "./io.test-support.ts";

const csv = (text: string, opts: { skipRows?: string; headerRow?: number } = {}) => readTable(utf8(text), "register.csv", opts);

/**
 * Registers arrive in their own words: stages named as other governments name them, values with
 * commas that are not lists, notes below the header, text damaged by a wrong encoding. Fixtures
 * written for these tests, in the shape of the problems found with real public registers.
 */
describe("systems.io an import that adapts to the file", () => {
  it.each([
    ["Pre-deployment", "planning"],
    ["Initiated", "planning"],
    ["Acquisition and/or Development", "development"],
    ["Implementation and Assessment", "development"],
    ["Beta/pilot", "development"],
    ["in_ontwikkeling", "development"],
    ["In production", "deployed"],
    ["In production: less than 6 months", "deployed"],
    ["Operation and Maintenance", "deployed"],
    ["in_gebruik", "deployed"],
    ["Planned (not in production)", "planning"],
    ["運用中（一部）", "deployed"],
    ["buiten_gebruik", "retired"],
    ["不明", "unknown"],
  ])("reads the stage %s as %s", (word, stage) => {
    expect(parseLifecycle(word)).toBe(stage);
  });

  it("still refuses a stage word it does not know, rather than guessing", () => {
    expect(parseLifecycle("Sunrise")).toBeUndefined();
    expect(parseLifecycle("production-ish")).toBeUndefined();
  });

  it("cuts a list cell by the column's own rule", () => {
    expect(parseList("Acme, Inc.; Beta", false)).toEqual(["Acme, Inc.", "Beta"]);
    expect(parseList("Acme, Inc.; Beta", true, null)).toEqual(["Acme, Inc.; Beta"]);
    expect(parseList("a | b |c", true, "|")).toEqual(["a", "b", "c"]);
    // A JSON array is a list whatever the rule.
    expect(parseList('["x, y","z"]', true, null)).toEqual(["x, y", "z"]);
  });

  it("translates the file's values, item by item for lists, and takes a blank stage as unknown", async () => {
    const table = await csv("name,stage,vendor,tags\nScreening,Live-ish,\"Acme, Inc.\",\"hr, screening\"\nChatbot,,Beta KK,\nForecast,Sunset soon,Gamma,x\n");
    const mapping: Mapping = [
      { column: "name", field: "nameEn" },
      { column: "stage", field: "lifecycle", values: { "LIVE-ISH": "deployed", "sunset soon": "" } },
      { column: "vendor", field: "vendors", split: null, values: { "Beta KK": "Beta Corporation" } },
      { column: "tags", field: "tags", split: null },
    ];
    const { valid, errors } = validateRows(table, mapping, testContext());
    expect(errors).toEqual([]);
    expect(valid.map((v) => [v.input.nameEn, v.input.lifecycle, v.input.vendors, v.input.tags])).toEqual([
      ["Screening", "deployed", ["Acme, Inc."], ["hr, screening"]],
      ["Chatbot", "unknown", ["Beta Corporation"], []],
      ["Forecast", "unknown", ["Gamma"], ["x"]],
    ]);
  });

  it("takes names and descriptions as long as real registers write them, and names the limit past it", async () => {
    const long = "あ".repeat(500);
    const description = "x".repeat(20_000);
    const table = await csv(`name,purpose,vendor\n${long},${description},${"v".repeat(500)}\n${long}い,short,v\n`);
    const { valid, errors } = validateRows(table, [{ column: "name", field: "nameJa" }, { column: "purpose", field: "purpose" }, { column: "vendor", field: "vendors" }], testContext());
    expect(valid).toHaveLength(1);
    expect(valid[0]!.input.purpose).toHaveLength(20_000);
    expect(errors.map((e) => [e.line, e.field])).toEqual([[3, "nameJa"]]);
    expect(errors[0]!.message.en).toContain("500");
  });

  it("warns about text a wrong encoding damaged and about control characters, and still takes the row", async () => {
    const table = await csv("name,purpose\nScreening\uFFFD\uFFFD,ok\nChatbot,bell\u0007 here\n");
    const { valid, errors, warnings } = validateRows(table, [{ column: "name", field: "nameEn" }, { column: "purpose", field: "purpose" }], testContext());
    expect(errors).toEqual([]);
    expect(valid).toHaveLength(2);
    expect(warnings.map((w) => [w.line, w.column, w.code])).toEqual([
      [2, "name", "replacement_character"],
      [3, "purpose", "control_character"],
    ]);
    expect(warnings[0]!.message.ja).toContain("文字コード");
  });

  it("leaves out the rows named, and any row that repeats the header", async () => {
    const text = "name,stage\n(notes: stages as of April),\nScreening,deployed\nname,stage\nChatbot,development\nTotal: 2,\n";
    const table = await csv(text, { skipRows: "2, 6" });
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [3, "Screening"],
      [5, "Chatbot"],
    ]);
    expect((await csv(text, { skipRows: "2 - 3,6" })).rows.map((r) => r.line)).toEqual([5]);
  });

  it("lists a column's values with how many rows hold each and what Musubi reads them as", async () => {
    const table = await csv("name,stage,dept\nA,In production,Human Resources\nB,in production,人事部\nC,Sunrise,HR\nD,,Sales\n");
    const stages = columnValues(table, "stage", "lifecycle", undefined, { departmentByWord: new Map() })!;
    expect(stages.values).toEqual([
      { value: "In production", rows: 2, reading: "deployed" },
      { value: "Sunrise", rows: 1, reading: null },
    ]);
    expect(stages.blank).toBe(1);
    const departments = columnValues(table, "dept", "departmentCode", undefined, { departmentByWord: new Map([["human resources", "HR"], ["人事部", "HR"], ["hr", "HR"]]) })!;
    expect(Object.fromEntries(departments.values.map((v) => [v.value, v.reading]))).toEqual({ "Human Resources": "HR", 人事部: "HR", HR: "HR", Sales: null });
    expect(columnValues(table, "nope", "lifecycle", undefined, { departmentByWord: new Map() })).toBeUndefined();
  });
});
