import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "../../platform/config.ts";
import { AppError } from "../../platform/errors.ts";
import { unreadable, type GridRow } from "./table.grid.ts";
import { readWorkbook, scanPart, type SheetRef, type Workbook } from "./xlsx.parts.ts";
import { SheetReader } from "./xlsx.sheet.ts";
import { ZipArchive } from "./zip.archive.ts";

export { formatDate, formatNumber } from "./xlsx.format.ts";

/**
 * Reads one worksheet of an XLSX workbook as rows of display text: the named sheet, else the first
 * visible sheet with content. A vertically merged cell (a department spanning several systems) is
 * read into every row it covers; a horizontally merged one (a title across the top) only into its
 * first cell, so it does not pass for a header row.
 *
 * The workbook is never inflated whole: its ZIP directory is checked first (sizes, ratios, entry
 * count), then each part streams through an XML scanner with `limits` enforced as rows arrive, so
 * memory follows the rows kept, not the size of the file.
 */
export async function readXlsxGrid(bytes: Uint8Array, fileName: string, sheetName?: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<{ sheets: string[]; sheet: string; grid: GridRow[] }> {
  try {
    return await readChosenSheet(bytes, fileName, sheetName, limits);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(fileName, "bad_xlsx", `The workbook cannot be opened: ${(err as Error).message}`, "Excelファイルを開けません。ファイルが壊れていないか確認してください。");
  }
}

async function readChosenSheet(bytes: Uint8Array, fileName: string, sheetName: string | undefined, limits: ImportLimits) {
  const zip = ZipArchive.open(bytes, fileName, limits.uncompressedBytes);
  const book = await readWorkbook(zip, fileName, limits);
  const sheets = book.sheets.map((s) => s.name);
  if (sheetName !== undefined) {
    const named = book.sheets.find((s) => s.name === sheetName);
    if (!named) throw unreadable(fileName, "sheet_not_found", `The workbook has no sheet named "${sheetName}".`, `ブックに「${sheetName}」という名前のシートがありません。`, { sheets });
    return { sheets, sheet: named.name, grid: await readSheet(zip, book, named, fileName, limits) };
  }
  // The first visible sheet with content, else the first hidden one with content.
  for (const visible of [true, false]) {
    for (const ref of book.sheets.filter((s) => s.visible === visible)) {
      const grid = await readSheet(zip, book, ref, fileName, limits);
      if (grid.length > 0) return { sheets, sheet: ref.name, grid };
    }
  }
  throw unreadable(fileName, "empty", "The workbook has no sheet with content.", "ブックに内容のあるシートがありません。", { sheets });
}

async function readSheet(zip: ZipArchive, book: Workbook, ref: SheetRef, fileName: string, limits: ImportLimits): Promise<GridRow[]> {
  const reader = new SheetReader(book, limits, fileName);
  await scanPart(zip, ref.path, fileName, reader);
  return reader.finish();
}
