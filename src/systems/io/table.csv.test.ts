import { describe, expect, it } from "vitest";
import { detectDelimiter } from "./table.csv.ts";
import { readTable } from "./table.read.ts";
import { appErrorOf, utf8 } from "./io.test-support.ts";

const BOM = [0xef, 0xbb, 0xbf];

describe("systems.io csv encoding", () => {
  it("reads UTF-8 with a byte-order mark and drops the mark from the first header", async () => {
    const table = await readTable(Uint8Array.from([...BOM, ...utf8("名称,目的\r\n需要予測,在庫\r\n")]), "a.csv");
    expect(table.encoding).toBe("utf-8");
    expect(table.headers).toEqual(["名称", "目的"]);
    expect(table.rows).toEqual([{ line: 2, cells: ["需要予測", "在庫"] }]);
  });

  it("reads UTF-8 without a byte-order mark", async () => {
    const table = await readTable(utf8("name,purpose\nチャット🤖,案内\n"), "a.csv");
    expect(table.encoding).toBe("utf-8");
    expect(table.rows[0]!.cells).toEqual(["チャット🤖", "案内"]);
  });

  it("falls back to Shift_JIS, including the NEC and IBM extensions of CP932", async () => {
    // 名称,会社\r\n ①㈱,纊Ⅰ — ① 0x8740 and Ⅰ 0x8754 are NEC specials, ㈱ 0xFA58 an IBM extension, 纊 0xED40 NEC-selected IBM.
    const bytes = Uint8Array.from([
      0x96, 0xbc, 0x8f, 0xcc, 0x2c, 0x89, 0xef, 0x8e, 0xd0, 0x0d, 0x0a,
      0x87, 0x40, 0xfa, 0x58, 0x2c, 0xed, 0x40, 0x87, 0x54, 0x0d, 0x0a,
    ]);
    const table = await readTable(bytes, "sjis.csv");
    expect(table.encoding).toBe("shift_jis");
    expect(table.headers).toEqual(["名称", "会社"]);
    expect(table.rows[0]!.cells).toEqual(["①㈱", "纊Ⅰ"]);
  });

  it("reads the CP932 register fixture written by iconv, with ① ② and ㈱", async () => {
    const { readFileSync } = await import("node:fs");
    const table = await readTable(readFileSync(new URL("./fixtures/register-cp932.csv", import.meta.url)), "台帳.csv");
    expect(table.encoding).toBe("shift_jis");
    expect(table.rows[0]!.cells.slice(0, 2)).toEqual(["AIS-001", "需要予測①"]);
    expect(table.rows[0]!.cells[7]).toBe("㈱富士通、NEC");
  });

  it("reads UTF-16LE, which Excel writes as「Unicode テキスト」", async () => {
    const text = "名称\t目的\r\n翻訳\t議事録\r\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const table = await readTable(bytes, "unicode.txt");
    expect(table.encoding).toBe("utf-16le");
    expect(table.rows[0]!.cells).toEqual(["翻訳", "議事録"]);
  });

  it("honours a forced encoding and refuses bytes that do not fit it", async () => {
    const sjis = Uint8Array.from([0x96, 0xbc, 0x8f, 0xcc, 0x2c, 0x61, 0x0a, 0x31, 0x2c, 0x32]);
    expect((await readTable(sjis, "a.csv", { encoding: "shift_jis" })).headers).toEqual(["名称", "a"]);
    const err = await appErrorOf(() => readTable(sjis, "a.csv", { encoding: "utf-8" }));
    expect(err.code).toBe("import_unreadable");
    expect(err.details).toMatchObject({ reason: "unknown_encoding" });
  });

  it("refuses binary content in a .csv", async () => {
    const err = await appErrorOf(() => readTable(Uint8Array.from([0x00, 0x01, 0x02, 0x2c, 0x00]), "a.csv"));
    expect(err.status).toBe(422);
    expect(err.details).toMatchObject({ reason: "not_text", message: { ja: expect.stringContaining("テキスト") } });
  });
});

describe("systems.io csv structure", () => {
  it.each([
    ["comma", "a,b,c\n1,2,3\n"],
    ["tab", "a\tb\tc\n1\t2\t3\n"],
    ["semicolon", "a;b;c\n1;2,5;3\n"],
  ])("detects the %s delimiter", async (_, text) => {
    const table = await readTable(utf8(text), "a.csv");
    expect(table.headers).toEqual(["a", "b", "c"]);
    expect(table.rows[0]!.cells).toHaveLength(3);
  });

  it("does not take commas inside quoted JSON for the delimiter", () => {
    expect(detectDelimiter('id;vendors\n1;"[""a"",""b"",""c""]"\n2;"[""d"",""e""]"\n')).toBe(";");
  });

  it("keeps quoted line breaks inside a cell and numbers rows as Excel shows them", async () => {
    const table = await readTable(utf8('code,purpose\r\nA,"line 1\r\nline 2"\r\n\r\nB,"x"\r\n'), "a.csv");
    expect(table.rows).toEqual([
      { line: 2, cells: ["A", "line 1\r\nline 2"] },
      { line: 4, cells: ["B", "x"] },
    ]);
  });

  it("keeps ragged rows as they are, for validation to report", async () => {
    const table = await readTable(utf8("a,b,c\n1,2\n1,2,3,4\n"), "a.csv");
    expect(table.rows.map((r) => r.cells.length)).toEqual([2, 4]);
  });

  it("reports an unclosed quote with the line it starts near", async () => {
    const err = await appErrorOf(() => readTable(utf8('a,b\n1,"open\n2,3\n'), "a.csv"));
    expect(err.code).toBe("import_unreadable");
    expect(err.details).toMatchObject({ reason: "csv_syntax", line: 3 });
  });

  it("parses 100,000 rows in well under two seconds", async () => {
    const lines = ["code,nameJa,nameEn,purpose,vendors,countries,tags,lastReviewedAt"];
    for (let i = 0; i < 100_000; i++) lines.push(`AIS-${i},需要予測${i},Forecast ${i},"在庫の最適化, 需要予測",Acme; 富士通,JP;US,retail,2025-04-01`);
    const bytes = utf8(lines.join("\r\n"));
    // CPU time, not wall time: parallel test files must not make this fail.
    const started = process.cpuUsage();
    const table = await readTable(bytes, "big.csv");
    const { user, system } = process.cpuUsage(started);
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[99_999]!.line).toBe(100_001);
    expect((user + system) / 1_000).toBeLessThan(2_000);
  });
});
