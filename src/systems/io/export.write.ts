import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { formatInstant } from "../../platform/time.ts";
import { exportedSystem, type ExportRecord } from "./export.cells.ts";
import { customJson, type CustomExport } from "./export.custom.ts";
import { machineTable, type ExportColumn, type ExportTable } from "./export.table.ts";

/**
 * Text Excel would run as a formula (`=`, `+`, `-`, `@`) gets a leading `'`, the usual guard
 * against formula injection through a CSV. Values already starting with quotes and such a
 * character get one more, so the importer, which removes exactly one, gives back the original.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/**
 * A sheet as CSV the way Excel in Japan opens it correctly: UTF-8 with a byte-order mark (without
 * it Excel assumes Shift_JIS) and CRLF line ends; quoted cells keep their own line breaks. For
 * people, dates are written in their language and instants in the organisation's zone, named.
 */
export function tableCsv(table: ExportTable): string {
  const rows: string[][] = [table.columns.map((c) => c.header)];
  for (const row of table.rows) {
    const cells = row.map((cell, i) => {
      const text = cell === "" ? "" : csvText(cell, table.columns[i]!, table.reader);
      return FORMULA_LIKE.test(text) ? `'${text}` : text;
    });
    rows.push(cells);
  }
  return `\uFEFF${stringify(rows, { record_delimiter: "\r\n" })}`;
}

function csvText(cell: string, column: ExportColumn, reader: ExportTable["reader"]): string {
  if (!reader || column.kind === "text") return cell;
  if (column.kind === "date") return formatInstant(`${cell}T00:00:00Z`, "UTC", reader.locale, "date");
  return formatInstant(cell, reader.timeZone, reader.locale);
}

/**
 * A sheet as an Excel workbook with a bold, frozen header row. Dates are real Excel dates (so
 * filters and sorting work); instants are the organisation's wall-clock time, the zone being named
 * in the header; everything else is text, so codes such as `0042` keep their zeros. A sheet for
 * people also gets a filter on the header and its first columns frozen.
 */
export async function tableXlsx(table: ExportTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const frozen = table.reader?.frozenColumns ?? 0;
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: "frozen", ySplit: 1, ...(frozen ? { xSplit: frozen } : {}) }] });
  const dateFormat = table.reader?.locale === "ja" ? "yyyy/mm/dd" : "yyyy-mm-dd";
  sheet.columns = table.columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    style: {
      ...(c.kind === "date" ? { numFmt: dateFormat } : c.kind === "instant" ? { numFmt: `${dateFormat} hh:mm` } : {}),
      ...(c.wrap ? { alignment: { wrapText: true, vertical: "top" as const } } : {}),
    },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  if (table.reader) header.alignment = { wrapText: true, vertical: "top" };
  for (const row of table.rows) {
    sheet.addRow(row.map((cell, i) => xlsxValue(cell, table.columns[i]!, table.reader)));
  }
  if (table.reader && table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function xlsxValue(cell: string, column: ExportColumn, reader: ExportTable["reader"]): string | Date | null {
  if (cell === "") return null;
  if (column.kind === "date") return new Date(`${cell}T00:00:00Z`);
  if (column.kind === "instant") return reader ? wallClock(cell, reader.timeZone) : new Date(cell);
  return ooxmlText(cell);
}

const OOXML_UNSAFE = /_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;

/**
 * Text as a workbook cell must hold it (ECMA-376 ST_Xstring), which the writer does not do: a
 * character XML cannot carry is written `_xHHHH_`, and text that already looks like such an escape
 * gets its underscore escaped (`_x005F_`), so Excel and Musubi's reader give back the literal.
 */
export function ooxmlText(text: string): string {
  if (text.indexOf("_x") < 0 && !/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.test(text)) return text;
  return text.replace(OOXML_UNSAFE, (m) => (m.length > 1 ? `_x005F_${m.slice(1)}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/**
 * The instant as a Date whose UTC fields are the wall-clock time in `timeZone`: Excel has no zones,
 * so a cell shows the UTC fields of the date it is given.
 */
export function wallClock(iso: string, timeZone: string): Date {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    clocks.set(timeZone, f);
  }
  const part = Object.fromEntries(f.formatToParts(new Date(iso)).map((p) => [p.type, Number(p.value)]));
  return new Date(Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!));
}

/** The inventory for re-import, as CSV: field ids as headers, raw values (see `machineTable`). */
export function toCsv(records: Iterable<ExportRecord>, custom?: CustomExport): string {
  return tableCsv(machineTable(records, custom));
}

/** The inventory for re-import, as one `systems` sheet (see `machineTable`). */
export function toXlsx(records: Iterable<ExportRecord>, custom?: CustomExport): Promise<Uint8Array> {
  return tableXlsx(machineTable(records, custom));
}

/** The inventory as a JSON array of systems in the import's shape (lists as arrays, people by e-mail). */
export function toJson(records: Iterable<ExportRecord>, custom?: CustomExport): string {
  const out = [];
  for (const record of records) {
    const values = customJson(custom, record.custom);
    out.push(values ? { ...exportedSystem(record), custom: values } : exportedSystem(record));
  }
  return JSON.stringify(out, null, 2);
}
