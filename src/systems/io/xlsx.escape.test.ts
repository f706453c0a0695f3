import { describe, expect, it } from "vitest";
import { ooxmlText, tableXlsx } from "./export.write.ts";
import { readTable } from "./table.read.ts";
import { unescapeOoxml } from "./xlsx.parts.ts";

/**
 * A workbook cell holds text as ECMA-376 escapes it: `_xHHHH_` for characters XML cannot carry,
 * and `_x005F_` before text that only looks like such an escape. Both ways, so that the literal
 * text `_x0002_` and a real control character each come back as they were.
 */
describe("systems.io XLSX text escapes", () => {
  it.each(["_x0002_", "a_x000D_b", "_x005F_", "bell\u0007 and tab\t", "plain", "__x0041__", "_x00e9_"])("gives back %j after writing and reading", (text) => {
    expect(unescapeOoxml(ooxmlText(text))).toBe(text);
  });

  it("writes control characters and escape-like text the way Excel does", () => {
    expect(ooxmlText("_x0002_")).toBe("_x005F_x0002_");
    expect(ooxmlText("a\u0002b")).toBe("a_x0002_b");
    expect(unescapeOoxml("_x005F_x0002_")).toBe("_x0002_");
    expect(unescapeOoxml("_x000d_")).toBe("\r");
    // NUL can be stored nowhere: its escape stays as written.
    expect(unescapeOoxml("_x0000_")).toBe("_x0000_");
  });

  it("round-trips a sheet through Musubi's own writer and reader", async () => {
    const names = ["_x0002_ literal", "bell\u0007", "ok"];
    const bytes = await tableXlsx({ sheet: "systems", columns: [{ header: "nameEn", kind: "text", width: 20 }], rows: names.map((n) => [n]) });
    const table = await readTable(bytes, "systems.xlsx");
    expect(table.rows.map((r) => r.cells[0])).toEqual(names);
  });
});
