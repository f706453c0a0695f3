import { describe, expect, it } from "vitest";
import { hugeRegister, rowsXml, workbookOf } from "../../../test/support/xlsx.ts";
import { appErrorOf, utf8 } from "./io.test-support.ts";
import { readTable } from "./table.read.ts";
import { expectTooLarge, limitsWith } from "./upload.test-support.ts";

const csvOf = (rows: string[][]) => utf8(rows.map((r) => r.join(",")).join("\r\n"));
const grid = (rows: number, cols: number) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `r${r}c${c}`));
const xlsxOf = (rows: string[][]) => workbookOf([{ name: "台帳", part: rowsXml(rows) }]);

describe("systems.io upload limits", () => {
  it.each([
    ["CSV", "a.csv", csvOf],
    ["XLSX", "a.xlsx", xlsxOf],
  ] as const)("reads a %s file exactly at the row, column and cell limits", async (_, name, make) => {
    const table = await readTable(make(grid(10, 10)), name, { limits: limitsWith({ rows: 10, columns: 10, cells: 100 }) });
    expect(table.rows).toHaveLength(9);
  });

  it.each([
    ["CSV", "a.csv", csvOf],
    ["XLSX", "a.xlsx", xlsxOf],
  ] as const)("refuses a %s file with one row too many, naming the row limit", async (_, name, make) => {
    const err = await appErrorOf(() => readTable(make(grid(11, 2)), name, { limits: limitsWith({ rows: 10 }) }));
    expectTooLarge(err, "rows", 10, "at most 10 rows", "10行まで");
  });

  it.each([
    ["CSV", "a.csv", csvOf],
    ["XLSX", "a.xlsx", xlsxOf],
  ] as const)("refuses a %s row with one column too many, naming the column limit", async (_, name, make) => {
    const err = await appErrorOf(() => readTable(make(grid(3, 11)), name, { limits: limitsWith({ columns: 10 }) }));
    expectTooLarge(err, "columns", 10, "at most 10 columns", "10列まで");
  });

  it.each([
    ["CSV", "a.csv", csvOf],
    ["XLSX", "a.xlsx", xlsxOf],
  ] as const)("refuses a %s file with more cells than the limit, naming it", async (_, name, make) => {
    const err = await appErrorOf(() => readTable(make(grid(6, 5)), name, { limits: limitsWith({ cells: 25 }) }));
    expectTooLarge(err, "cells", 25, "at most 25 cells", "25セルまで");
  });

  it.each([
    ["CSV", "a.csv", csvOf],
    ["XLSX", "a.xlsx", xlsxOf],
  ] as const)("refuses a %s cell longer than Excel's 32,767 characters", async (_, name, make) => {
    const err = await appErrorOf(() => readTable(make([["name", "purpose"], ["x", "y".repeat(32_768)]]), name));
    expectTooLarge(err, "cell_chars", 32_767, "at most 32,767 characters", "32,767文字");
  });

  it("refuses a CSV of 1,000,000 columns at the default 1,000-column limit, quickly", async () => {
    const started = process.cpuUsage();
    const err = await appErrorOf(() => readTable(utf8("a,".repeat(1_000_000)), "wide.csv"));
    expectTooLarge(err, "columns", 1_000, "at most 1,000 columns", "1,000列まで");
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(5_000);
  });

  it("refuses an XLSX cell in column XFD at the default column limit, without padding 16,384 cells", async () => {
    const err = await appErrorOf(() => readTable(workbookOf([{ name: "S", part: '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="XFD1"><v>1</v></c></row>' }]), "wide.xlsx"));
    expectTooLarge(err, "columns", 1_000, "at most 1,000 columns", "1,000列まで");
  });

  it("refuses the reported 3.8 M-row register at the row limit when its sheet claims to fit the byte limit", async () => {
    const err = await appErrorOf(() => readTable(hugeRegister(3_800_000, 200 * 2 ** 20), "台帳.xlsx"));
    expectTooLarge(err, "rows", 200_000, "at most 200,000 rows", "200,000行まで");
  });

  it("counts the rows a merged range would create against the row limit", async () => {
    const part = `${rowsXml([["部署", "名称"], ["営業部", "a"]])}</sheetData><mergeCells count="1"><mergeCell ref="A2:A1048576"/></mergeCells><sheetData>`;
    const err = await appErrorOf(() => readTable(workbookOf([{ name: "S", part }]), "merged.xlsx"));
    expectTooLarge(err, "rows", 200_000, "at most 200,000 rows", "200,000行まで");
  });

  it("refuses more shared strings than the cell limit before reading any sheet", async () => {
    const strings = Array.from({ length: 30 }, (_, i) => `<si><t>s${i}</t></si>`);
    const err = await appErrorOf(() => readTable(workbookOf([{ name: "S", part: '<row r="1"><c t="s"><v>0</v></c></row>' }], { sharedStrings: strings }), "a.xlsx", { limits: limitsWith({ cells: 25 }) }));
    expectTooLarge(err, "cells", 25, "at most 25 cells", "25セルまで");
  });
});
