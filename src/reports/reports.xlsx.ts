import ExcelJS from "exceljs";
import { escapeOoxml } from "../compliance/assessments.xlsx.export.ts";
import { wallClock } from "../systems/io/export.write.ts";
import type { Lang } from "./reports.format.ts";

/** A cell: text, a number (Excel can sum it), a calendar date, an instant, or empty. */
export type XlsxCell = string | number | null | { date: string } | { instant: string };

export interface XlsxSheet {
  name: string;
  columns: { header: string; width: number; wrap?: boolean }[];
  rows: XlsxCell[][];
  /** A line under the table (a list cut short says so). */
  footnote?: string;
  /** Columns kept in view when scrolling sideways. */
  frozenColumns?: number;
  /** A sheet of label/value rows: no filter (the header row names the two columns only). */
  plain?: boolean;
}

/**
 * A workbook as plain data — sheets of typed cells — so it can be composed where the data is and
 * written elsewhere (a worker thread), and tested without reading Excel's XML.
 */
export interface XlsxWorkbook {
  lang: Lang;
  timeZone: string;
  /** Written to the file's properties. */
  title: string;
  sheets: XlsxSheet[];
}

/** Sheet names Excel accepts: at most 31 characters, none of `[]:*?/\`. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);
}

/**
 * Writes the workbook the way Musubi's other exports for people do (`tableXlsx` in
 * src/systems/io/export.write.ts): a bold, wrapped, frozen header row with a filter; dates as real
 * Excel dates in the reader's format; instants as the organisation's wall-clock time; text escaped
 * so control characters cannot make a file Excel calls corrupt.
 */
export async function writeXlsx(book: XlsxWorkbook, now = new Date()): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Musubi";
  workbook.title = book.title;
  workbook.created = now;
  const dateFormat = book.lang === "ja" ? "yyyy/mm/dd" : "yyyy-mm-dd";
  for (const s of book.sheets) {
    const frozen = s.frozenColumns ?? 0;
    const sheet = workbook.addWorksheet(sheetName(s.name), { views: [{ state: "frozen", ySplit: 1, ...(frozen ? { xSplit: frozen } : {}) }] });
    sheet.columns = s.columns.map((c, i) => ({ header: escapeOoxml(c.header), key: String(i), width: c.width, ...(c.wrap ? { style: { alignment: { wrapText: true, vertical: "top" as const } } } : {}) }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "top" };
    for (const row of s.rows) {
      const added = sheet.addRow(row.map((cell) => value(cell, book.timeZone)));
      row.forEach((cell, i) => {
        if (cell !== null && typeof cell === "object") added.getCell(i + 1).numFmt = "date" in cell ? dateFormat : `${dateFormat} hh:mm`;
      });
    }
    if (!s.plain && s.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
    if (s.footnote) {
      sheet.addRow([]);
      sheet.addRow([escapeOoxml(s.footnote)]).font = { italic: true };
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function value(cell: XlsxCell, timeZone: string): string | number | Date | null {
  if (cell === null || typeof cell === "number") return cell;
  if (typeof cell === "string") return cell === "" ? null : escapeOoxml(cell);
  if ("date" in cell) return new Date(`${cell.date}T00:00:00Z`);
  return wallClock(cell.instant, timeZone);
}
