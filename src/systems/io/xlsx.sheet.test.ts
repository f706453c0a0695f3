import { describe, expect, it } from "vitest";
import { rowsXml, workbookOf } from "../../../test/support/xlsx.ts";
import { readTable } from "./table.read.ts";

const STYLES = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;AIS-&quot;000"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="31"/></cellXfs></styleSheet>`;

describe("systems.io xlsx streaming reader", () => {
  it("reads shared strings without the furigana Japanese Excel stores with them", async () => {
    const sst = ['<si><t>名称</t><rPh sb="0" eb="2"><t>メイショウ</t></rPh><phoneticPr fontId="1"/></si>', "<si><r><t>需要</t></r><r><rPr><b/></rPr><t>予測</t></r></si>", "<si><t>a_x000D_b</t></si>", "<si><t>目的</t></si>"];
    const part = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>3</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row>';
    const table = await readTable(workbookOf([{ name: "S", part }], { sharedStrings: sst }), "a.xlsx");
    expect(table.headers).toEqual(["名称", "目的"]);
    expect(table.rows).toEqual([{ line: 2, cells: ["需要予測", "a\rb"] }]);
  });

  it("reads numbers, dates and booleans as displayed, in either date system, Japanese built-in date formats included", async () => {
    const part =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c><c r="C1" t="inlineStr"><is><t>年月日</t></is></c><c r="D1" t="inlineStr"><is><t>flag</t></is></c><c r="E1" t="inlineStr"><is><t>sum</t></is></c><c r="F1" t="inlineStr"><is><t>iso</t></is></c></row>' +
      '<row r="2"><c r="A2" s="2"><v>7</v></c><c r="B2" s="1"><v>45383</v></c><c r="C2" s="3"><v>45383.5</v></c><c r="D2" t="b"><v>0</v></c><c r="E2"><f t="shared" si="0"/><v>0</v></c><c r="F2" t="d"><v>2024-04-01T09:30:00</v></c></row>';
    const cells1900 = (await readTable(workbookOf([{ name: "S", part }], { stylesXml: STYLES }), "a.xlsx")).rows[0]!.cells;
    expect(cells1900).toEqual(["AIS-007", "2024-04-01", "2024-04-01 12:00", "FALSE", "0", "2024-04-01 09:30"]);
    const cells1904 = (await readTable(workbookOf([{ name: "S", part }], { stylesXml: STYLES, workbookPr: '<workbookPr date1904="1"/>' }), "a.xlsx")).rows[0]!.cells;
    expect(cells1904[1]).toBe("2028-04-02");
  });

  it("reads rows and cells without reference attributes, and prefixed element names", async () => {
    const part = '<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row><x:row><x:c><x:v>1</x:v></x:c><x:c/><x:c><x:v>2</x:v></x:c></x:row>';
    const table = await readTable(workbookOf([{ name: "S", part }]), "a.xlsx");
    expect(table.headers).toEqual(["a", "b"]);
    expect(table.rows).toEqual([{ line: 2, cells: ["1", "", "2"] }]);
  });

  it("falls back to a hidden sheet when no visible one has content, and lists every sheet", async () => {
    const table = await readTable(workbookOf([{ name: "表紙", part: "" }, { name: "旧", part: rowsXml([["a", "b"], ["1", "2"]]), hidden: true }]), "a.xlsx");
    expect(table.sheets).toEqual(["表紙", "旧"]);
    expect(table.sheet).toBe("旧");
  });
});
