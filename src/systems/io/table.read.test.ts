import { describe, expect, it } from "vitest";
import { joinHeaderRows, readTable } from "./table.read.ts";
import { suggestMapping } from "./import.mapping.ts";
import { appErrorOf, utf8 } from "./io.test-support.ts";

describe("systems.io readTable", () => {
  it.each([
    ["report.pdf", utf8("%PDF-1.7")],
    ["systems.yaml", utf8("systems: []")],
  ])("refuses %s as an unsupported type", async (name, bytes) => {
    const err = await appErrorOf(() => readTable(bytes, name));
    expect(err.status).toBe(422);
    expect(err.code).toBe("import_unreadable");
    expect(err.details).toMatchObject({ fileName: name, reason: "unsupported_type" });
  });

  it("refuses old .xls workbooks with advice to save as .xlsx", async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const err = await appErrorOf(() => readTable(ole, "台帳.xls"));
    expect(err.details).toMatchObject({ reason: "xls_unsupported", message: { en: expect.stringContaining(".xlsx"), ja: expect.stringContaining(".xlsx") } });
  });

  it("refuses an empty file and a file of blank lines", async () => {
    expect((await appErrorOf(() => readTable(new Uint8Array(), "a.csv"))).details).toMatchObject({ reason: "empty" });
    expect((await appErrorOf(() => readTable(utf8("\r\n\r\n"), "a.csv"))).details).toMatchObject({ reason: "empty" });
  });

  it("finds the header under a register's title and date rows", async () => {
    const text = "AIシステム台帳,,\r\n作成日: 2025-04-01,,\r\n\r\n管理番号,システム名,ステータス\r\nAIS-1,需要予測,運用中\r\n";
    const table = await readTable(utf8(text), "台帳.csv");
    expect(table.headerRow).toBe(4);
    expect(table.headers).toEqual(["管理番号", "システム名", "ステータス"]);
    expect(table.rows).toEqual([{ line: 5, cells: ["AIS-1", "需要予測", "運用中"] }]);
  });

  it("prefers the row that reads as headers over an earlier row with two cells", async () => {
    const text = "部署: 営業部,作成: 佐藤\r\nコード,名称,目的\r\nA,B,C\r\n";
    expect((await readTable(utf8(text), "a.csv")).headerRow).toBe(2);
  });

  it("takes the first row with two cells when no row reads as headers", async () => {
    const text = "Inventory\r\nfoo,bar\r\n1,2\r\n";
    const table = await readTable(utf8(text), "a.csv");
    expect(table.headers).toEqual(["foo", "bar"]);
  });

  it("uses the header row it is told, and refuses one beyond the file", async () => {
    const text = "コード,名称\r\nA,B\r\nC,D\r\n";
    const table = await readTable(utf8(text), "a.csv", { headerRow: 2 });
    expect(table.headers).toEqual(["A", "B"]);
    expect(table.rows).toEqual([{ line: 3, cells: ["C", "D"] }]);
    expect((await appErrorOf(() => readTable(utf8(text), "a.csv", { headerRow: 9 }))).details).toMatchObject({ reason: "no_header", headerRow: 9 });
  });

  it("names blank headers by column letter and numbers repeated ones", async () => {
    const table = await readTable(utf8("名称,,備考,備考,備考 (2),\r\n1,2,3,4,5,\r\n"), "a.csv");
    expect(table.headers).toEqual(["名称", "(B)", "備考", "備考 (2)", "備考 (2) (2)"]);
  });

  it("names the columns of a header of several rows by their headings from top to bottom, a heading running on over blanks as a merged cell does", () => {
    expect(
      joinHeaderRows([
        ["Register", "", "", "", ""],
        ["System", "", "", "Harm", ""],
        ["Code", "Name", "Stage", "Type", ""],
      ]),
    ).toEqual(["Register / System / Code", "Register / System / Name", "Register / System / Stage", "Register / Harm / Type", "Register / Harm"]);
    // "x" runs on under "A" but stops where the heading above changes to "B"; a word repeated
    // below itself is not doubled.
    expect(joinHeaderRows([["A", "", "B", ""], ["x", "", "", "y"], ["x", "z", "w", "y"]])).toEqual(["A / x", "A / x / z", "B / w", "B / y"]);
  });

  it("reads a three-row header under junk rows, with its rows below and the mapping suggested from each column's own word", async () => {
    const text = ["Exported 2026-11-30,,,", ",,,", "Incident,,,Harm", "Details,,,", "ID,Title,Date,Type", "1,Wrong denial,2021,Financial", "2,Bad match,2022-03,Rights", ""].join("\r\n");
    const told = await readTable(utf8(text), "incidents.csv", { headerRow: 3, headerRows: 3 });
    expect(told).toMatchObject({ headerRow: 3, headerRows: 3, headers: ["Incident / Details / ID", "Incident / Details / Title", "Incident / Details / Date", "Harm / Type"] });
    expect(told.rows.map((r) => [r.line, r.cells[1]])).toEqual([[6, "Wrong denial"], [7, "Bad match"]]);
    const found = await readTable(utf8(text), "incidents.csv", { headerRows: 3 });
    expect(found.headerRow).toBe(3);
    expect(suggestMapping(found.headers)).toContainEqual({ column: "Incident / Details / Title", field: "nameEn" });
    const single = await readTable(utf8(text), "incidents.csv");
    expect(single.headerRows).toBeUndefined();
  });
});
