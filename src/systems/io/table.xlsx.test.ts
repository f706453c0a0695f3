import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readTable } from "./table.read.ts";
import { formatDate, formatNumber } from "./table.xlsx.ts";
import { appErrorOf } from "./io.test-support.ts";

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A register as Japanese offices keep them: a cover sheet, a hidden sheet, a title above the header. */
async function register(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("空白");
  const hidden = wb.addWorksheet("旧台帳", { state: "hidden" });
  hidden.addRow(["コード", "名称"]);
  hidden.addRow(["OLD-1", "旧システム"]);
  const ws = wb.addWorksheet("台帳");
  ws.getCell("A1").value = "AIシステム台帳（2025年度）";
  ws.mergeCells("A1:H1");
  ws.getCell("A2").value = "作成日";
  ws.getCell("B2").value = new Date(Date.UTC(2025, 3, 1));
  ws.getRow(4).values = ["管理番号", "システム名", "利用目的", "部署", "最終レビュー日", "スコア", "件数", "外部公開"];
  const r5 = ws.getRow(5);
  r5.values = [
    42,
    { richText: [{ text: "需要", font: { bold: true } }, { text: "予測" }] },
    { text: "社内ポータル", hyperlink: "https://intra.example.jp" },
    "営業部",
    new Date(Date.UTC(2024, 3, 1)),
    0.1 + 0.2,
    { formula: "1+1", result: 2 },
    true,
  ];
  r5.getCell(1).numFmt = "0000";
  ws.getRow(6).values = [43, "チャットボット", "問い合わせ", null, new Date(Date.UTC(2024, 9, 15, 9, 30)), 1234567.5, null, false];
  ws.getRow(6).getCell(6).numFmt = "#,##0.00";
  ws.mergeCells("D5:D6");
  return bytesOf(wb);
}

describe("systems.io xlsx", () => {
  it("picks the first visible sheet with content and lists every sheet", async () => {
    const table = await readTable(await register(), "台帳.xlsx");
    expect(table.format).toBe("xlsx");
    expect(table.sheets).toEqual(["空白", "旧台帳", "台帳"]);
    expect(table.sheet).toBe("台帳");
  });

  it("finds the header below a merged title and a date row", async () => {
    const table = await readTable(await register(), "台帳.xlsx");
    expect(table.headerRow).toBe(4);
    expect(table.headers).toEqual(["管理番号", "システム名", "利用目的", "部署", "最終レビュー日", "スコア", "件数", "外部公開"]);
  });

  it("reads cells as displayed: padded codes, plain rich text, link text, ISO dates, formula results, no float noise", async () => {
    const table = await readTable(await register(), "台帳.xlsx");
    expect(table.rows).toEqual([
      { line: 5, cells: ["0042", "需要予測", "社内ポータル", "営業部", "2024-04-01", "0.3", "2", "TRUE"] },
      { line: 6, cells: ["43", "チャットボット", "問い合わせ", "営業部", "2024-10-15 09:30", "1,234,567.50", "", "FALSE"] },
    ]);
  });

  it("does not take a title merged across columns for the header row", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("list");
    ws.getCell("A1").value = "Inventory";
    ws.mergeCells("A1:C1");
    ws.addRow(["alpha", "beta", "gamma"]);
    ws.addRow([1, 2, 3]);
    const table = await readTable(await bytesOf(wb), "list.xlsx");
    expect(table.headerRow).toBe(2);
    expect(table.headers).toEqual(["alpha", "beta", "gamma"]);
  });

  it("reads the sheet it is told, hidden or not", async () => {
    const table = await readTable(await register(), "台帳.xlsx", { sheet: "旧台帳" });
    expect(table.rows).toEqual([{ line: 2, cells: ["OLD-1", "旧システム"] }]);
  });

  it("refuses a sheet name the workbook lacks, listing the sheets it has", async () => {
    const err = await appErrorOf(async () => readTable(await register(), "台帳.xlsx", { sheet: "Sheet1" }));
    expect(err.details).toMatchObject({ reason: "sheet_not_found", sheets: ["空白", "旧台帳", "台帳"] });
  });

  it("refuses a workbook with no content", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const err = await appErrorOf(async () => readTable(await bytesOf(wb), "empty.xlsx"));
    expect(err.details).toMatchObject({ reason: "empty" });
  });

  it("refuses a broken workbook", async () => {
    const broken = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    const err = await appErrorOf(() => readTable(broken, "broken.xlsx"));
    expect(err.code).toBe("import_unreadable");
    expect(err.details).toMatchObject({ reason: "bad_xlsx" });
    expect((await appErrorOf(() => readTable(new TextEncoder().encode("a,b"), "fake.xlsx"))).details).toMatchObject({ reason: "bad_xlsx" });
  });
});

describe("systems.io formatNumber", () => {
  it.each([
    [0.1 + 0.2, "General", "0.3"],
    [1 / 3, undefined, "0.333333333333333"],
    [42, "0000", "0042"],
    [7, '"AIS-"000', "AIS-007"],
    [1234567.891, "#,##0", "1,234,568"],
    [2.5, "0.00", "2.50"],
    [0.125, "0.0%", "12.5%"],
    [-3.5, "0.00", "-3.5"],
    [45383, "@", "45383"],
  ])("shows %s under %s as %s", (n, fmt, shown) => {
    expect(formatNumber(n, fmt)).toBe(shown);
  });

  it("writes midnight as a date and other times with the time", () => {
    expect(formatDate(new Date(Date.UTC(2025, 0, 31)))).toBe("2025-01-31");
    expect(formatDate(new Date(Date.UTC(2025, 0, 31, 8, 5, 7)))).toBe("2025-01-31 08:05:07");
  });
});
