import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { exportCells, exportColumns, exportedSystem, type ExportRecord } from "./export.cells.ts";

/**
 * Text Excel would run as a formula (`=`, `+`, `-`, `@`) gets a leading `'`, the usual guard
 * against formula injection through a CSV. Values already starting with quotes and such a
 * character get one more, so the importer, which removes exactly one, gives back the original.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/**
 * The inventory as CSV the way Excel in Japan opens it correctly: UTF-8 with a byte-order mark
 * (without it Excel assumes Shift_JIS) and CRLF line ends; quoted cells keep their own line breaks.
 */
export function toCsv(records: Iterable<ExportRecord>): string {
  const rows: string[][] = [exportColumns.map((c) => c.header)];
  for (const record of records) {
    const cells = exportCells(record);
    for (let i = 0; i < cells.length; i++) if (FORMULA_LIKE.test(cells[i]!)) cells[i] = `'${cells[i]}`;
    rows.push(cells);
  }
  return `\uFEFF${stringify(rows, { record_delimiter: "\r\n" })}`;
}

const WIDTHS: Partial<Record<string, number>> = {
  code: 14, nameJa: 32, nameEn: 32, purpose: 50, businessOwnerEmail: 28, technicalOwnerEmail: 28, departmentCode: 14,
  lifecycle: 12, lastReviewedAt: 14, nextReviewAt: 14, countries: 12, euClass: 14, euClassFrom: 14,
};
const DATE_FIELDS = new Set(["lastReviewedAt", "nextReviewAt", "euClassFrom"]);

/**
 * The inventory as one `systems` sheet with a bold, frozen header row. Dates are real Excel dates
 * (so filters and sorting work); everything else is text, so codes such as `0042` keep their zeros.
 */
export async function toXlsx(records: Iterable<ExportRecord>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("systems", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = exportColumns.map((c) => ({
    header: c.header,
    key: c.field,
    width: WIDTHS[c.field] ?? 24,
    style: DATE_FIELDS.has(c.field) ? { numFmt: "yyyy-mm-dd" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) {
    const cells: (string | Date | null)[] = exportCells(record);
    exportColumns.forEach((c, i) => {
      if (DATE_FIELDS.has(c.field) && cells[i] !== "") cells[i] = new Date(`${cells[i]}T00:00:00Z`);
      else if (cells[i] === "") cells[i] = null;
    });
    sheet.addRow(cells);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The inventory as a JSON array of systems in the import's shape (lists as arrays, people by e-mail). */
export function toJson(records: Iterable<ExportRecord>): string {
  const out = [];
  for (const record of records) out.push(exportedSystem(record));
  return JSON.stringify(out, null, 2);
}
