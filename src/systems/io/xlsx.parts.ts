import type { ImportLimits } from "../../platform/config.ts";
import { unreadable } from "./table.grid.ts";
import { MAX_CELL_CHARS, tooLarge } from "./upload.limits.ts";
import { ownString, parseAttributes, XmlError, XmlScanner, type XmlHandler } from "./xml.scan.ts";
import type { ZipArchive } from "./zip.archive.ts";

/** A worksheet as the workbook lists it, with the part that holds its cells. */
export interface SheetRef {
  name: string;
  visible: boolean;
  path: string;
}

/** What every worksheet needs from the rest of the workbook: texts, number formats, the date system. */
export interface Workbook {
  sheets: SheetRef[];
  sharedStrings: string[];
  /** The number format of a cell style (`s` attribute), if it has one. */
  numFmtOf(style: number): string | undefined;
  date1904: boolean;
}

/**
 * Excel's built-in number formats, as ExcelJS knew them, so cells read as they did before. The
 * Japanese built-ins (27–36, 50–58: 和暦 and 年月日 dates and times) carry no format code in the
 * file; they are dates, which ExcelJS did not know and imported as serial numbers.
 */
const BUILT_IN: Record<number, string> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};
for (const id of [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILT_IN[id] = "yyyy-mm-dd";

/** Reads the workbook's sheet list, styles and shared strings; the worksheets themselves stream later. */
export async function readWorkbook(zip: ZipArchive, fileName: string, limits: ImportLimits): Promise<Workbook> {
  const root = await readRelationships(zip, "", fileName);
  const bookPath = root.find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  if (!zip.entry(bookPath)) {
    throw unreadable(fileName, "bad_xlsx", "The file is a ZIP archive but not an Excel workbook.", "ZIPファイルですが、Excelのブックではありません。");
  }
  const rels = await readRelationships(zip, bookPath, fileName);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const listed: { name: string; state: string; id: string }[] = [];
  let date1904 = false;
  await scanPart(zip, bookPath, fileName, {
    wantText: false,
    open(name, attrs) {
      if (name === "workbookPr") date1904 = /^(1|true)$/.test(parseAttributes(attrs).date1904 ?? "");
      if (name === "sheet") {
        const a = parseAttributes(attrs);
        listed.push({ name: a.name ?? "", state: a.state ?? "visible", id: a.id ?? "" });
      }
    },
    close() {},
    text() {},
  });
  const sheets: SheetRef[] = [];
  for (const s of listed) {
    const rel = byId.get(s.id);
    if (rel?.type.endsWith("/worksheet")) sheets.push({ name: s.name, visible: s.state === "visible", path: rel.target });
  }
  const partOf = (kind: string, fallback: string) => rels.find((r) => r.type.endsWith(`/${kind}`))?.target ?? fallback;
  const numFmtOf = await readStyles(zip, partOf("styles", "xl/styles.xml"), fileName);
  const sharedStrings = await readSharedStrings(zip, partOf("sharedStrings", "xl/sharedStrings.xml"), fileName, limits);
  return { sheets, sharedStrings, numFmtOf, date1904 };
}

/** Streams one part through an XML handler; a missing part is skipped (answers false). */
export async function scanPart(zip: ZipArchive, path: string, fileName: string, handler: XmlHandler): Promise<boolean> {
  const entry = zip.entry(path);
  if (!entry) return false;
  const scanner = new XmlScanner(handler);
  let decoder: TextDecoder | undefined;
  try {
    for await (const piece of zip.read(entry)) {
      decoder ??= new TextDecoder(piece[0] === 0xff && piece[1] === 0xfe ? "utf-16le" : piece[0] === 0xfe && piece[1] === 0xff ? "utf-16be" : "utf-8");
      scanner.write(decoder.decode(piece, { stream: true }));
    }
    scanner.write(decoder?.decode() ?? "");
    scanner.end();
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    if (err.hugeText) throw tooLarge(fileName, "cell_chars", MAX_CELL_CHARS);
    throw unreadable(fileName, "bad_xlsx", `The workbook cannot be opened: ${path} is not well-formed (${err.message})`, "Excelファイルを開けません。ファイルが壊れていないか確認してください。");
  }
  return true;
}

/** The relationships of a part (`""` for the package), targets resolved to part names. */
async function readRelationships(zip: ZipArchive, source: string, fileName: string): Promise<{ id: string; type: string; target: string }[]> {
  const slash = source.lastIndexOf("/");
  const dir = source.slice(0, slash + 1);
  const rels: { id: string; type: string; target: string }[] = [];
  await scanPart(zip, `${dir}_rels/${source.slice(slash + 1)}.rels`, fileName, {
    wantText: false,
    open(name, attrs) {
      if (name !== "Relationship") return;
      const a = parseAttributes(attrs);
      if (a.TargetMode === "External" || !a.Target) return;
      rels.push({ id: a.Id ?? "", type: a.Type ?? "", target: resolvePart(dir, a.Target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

function resolvePart(dir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** Cell style index → number format code: the workbook's own formats, else Excel's built-ins. */
async function readStyles(zip: ZipArchive, path: string, fileName: string): Promise<(style: number) => string | undefined> {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let container = "";
  await scanPart(zip, path, fileName, {
    wantText: false,
    open(name, attrs, selfClosing) {
      if (name === "numFmts" || name === "cellXfs") {
        if (!selfClosing) container = name;
      } else if (name === "numFmt" && container === "numFmts") {
        const a = parseAttributes(attrs);
        custom.set(Number(a.numFmtId), (a.formatCode ?? "").replace(/\\(.)/g, "$1"));
      } else if (name === "xf" && container === "cellXfs") {
        xfFormats.push(Number(parseAttributes(attrs).numFmtId ?? 0) || 0);
      }
    },
    close(name) {
      if (name === container) container = "";
    },
    text() {},
  });
  return (style) => {
    const id = xfFormats[style];
    if (!id) return undefined;
    return custom.get(id) ?? BUILT_IN[id];
  };
}

/**
 * The shared string table. A string's text is its runs' text; phonetic guides (`rPh`, the
 * furigana Japanese Excel stores) are not part of it. More strings than cells the import may read
 * cannot be a register, so the table is refused past that count.
 */
async function readSharedStrings(zip: ZipArchive, path: string, fileName: string, limits: ImportLimits): Promise<string[]> {
  const strings: string[] = [];
  let parts: string[] | undefined;
  let phonetic = 0;
  let text: string | undefined;
  await scanPart(zip, path, fileName, {
    get wantText() {
      return text !== undefined;
    },
    open(name, _attrs, selfClosing) {
      if (name === "si") parts = [];
      else if (name === "rPh") phonetic += selfClosing ? 0 : 1;
      else if (name === "t" && parts && phonetic === 0 && !selfClosing) text = "";
    },
    close(name) {
      if (name === "t" && text !== undefined) {
        parts!.push(unescapeOoxml(text));
        text = undefined;
      } else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
      else if (name === "si" && parts) {
        if (strings.length >= limits.cells) throw tooLarge(fileName, "cells", limits.cells);
        strings.push(ownString(parts.length === 1 ? parts[0]! : parts.join("")));
        parts = undefined;
      }
    },
    text(t) {
      text += t;
    },
  });
  return strings;
}

/**
 * Characters XML cannot hold are written `_x000D_` by Excel, and text that looks like such an
 * escape is itself escaped (`_x005F_x0002_` is the literal text `_x0002_`): decoded left to right,
 * so the literal survives. `_x0000_` stays as written: NUL can be stored nowhere.
 */
export function unescapeOoxml(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (whole, hex: string) => {
    const code = parseInt(hex, 16);
    return code === 0 ? whole : String.fromCharCode(code);
  });
}
