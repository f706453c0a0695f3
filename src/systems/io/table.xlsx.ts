import ExcelJS from "exceljs";
import { unreadable, type GridRow } from "./table.grid.ts";

/**
 * Reads one worksheet of an XLSX workbook as rows of display text: the named sheet, else the first
 * visible sheet with content. A vertically merged cell (a department spanning several systems) is
 * read into every row it covers; a horizontally merged one (a title across the top) only into its
 * first cell, so it does not pass for a header row.
 */
export async function readXlsxGrid(bytes: Uint8Array, fileName: string, sheetName?: string): Promise<{ sheets: string[]; sheet: string; grid: GridRow[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw unreadable(fileName, "bad_xlsx", `The workbook cannot be opened: ${(err as Error).message}`, "Excelファイルを開けません。ファイルが壊れていないか確認してください。");
  }
  const sheets = workbook.worksheets.map((ws) => ws.name);
  const worksheet = sheetName === undefined ? pickSheet(workbook.worksheets) : workbook.getWorksheet(sheetName);
  if (!worksheet) {
    throw sheetName === undefined
      ? unreadable(fileName, "empty", "The workbook has no sheet with content.", "ブックに内容のあるシートがありません。", { sheets })
      : unreadable(fileName, "sheet_not_found", `The workbook has no sheet named "${sheetName}".`, `ブックに「${sheetName}」という名前のシートがありません。`, { sheets });
  }
  const grid: GridRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      while (cells.length < col - 1) cells.push("");
      cells.push(cellText(cell));
    });
    grid.push({ line, cells });
  });
  return { sheets, sheet: worksheet.name, grid };
}

function pickSheet(worksheets: ExcelJS.Worksheet[]): ExcelJS.Worksheet | undefined {
  const filled = worksheets.filter((ws) => ws.actualRowCount > 0);
  return filled.find((ws) => ws.state === "visible") ?? filled[0];
}

function cellText(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Merge) {
    return cell.master.col === cell.col ? valueText(cell.master.value, cell.master.numFmt) : "";
  }
  return valueText(cell.value, cell.numFmt);
}

/** A cell value as Excel displays it: formulas by their result, rich text and links by their text. */
export function valueText(value: ExcelJS.CellValue | undefined, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value, numFmt);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return formatDate(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return value.error;
  if ("hyperlink" in value) return valueText(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return valueText(value.result, numFmt);
  return "";
}

/** Dates as YYYY-MM-DD; a time of day, when there is one, after a space. ExcelJS's dates are UTC. */
export function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  if (time === "00:00:00") return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${time.endsWith(":00") ? time.slice(0, 5) : time}`;
}

/**
 * A number as Excel shows it under the common formats — zero-padded codes (`0000` → 0042), fixed
 * decimals, thousands separators, percentages, quoted prefixes such as `"AIS-"000` — and otherwise
 * to 15 significant digits, as Excel does, so binary noise (0.30000000000000004) is not imported.
 */
export function formatNumber(n: number, numFmt = "General"): string {
  if (!Number.isFinite(n)) return String(n);
  const section = numFmt.split(";")[0] ?? "";
  const m = /^((?:"[^"]*"|\\.)*)([#0,]*0(?:\.0+)?%?)((?:"[^"]*"|\\.)*)$/.exec(section);
  if (!m || n < 0) return plainNumber(n);
  const [, prefix = "", core = "", suffix = ""] = m;
  const percent = core.endsWith("%");
  const digits = core.replace(/%$/, "");
  const [intPart = "", decPart = ""] = digits.split(".");
  let text = (percent ? n * 100 : n).toFixed(decPart.length);
  const minInt = (intPart.match(/0/g) ?? []).length;
  const [whole = "", frac] = text.split(".");
  let padded = whole.padStart(minInt, "0");
  if (intPart.includes(",")) padded = padded.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  text = frac === undefined ? padded : `${padded}.${frac}`;
  return `${literal(prefix)}${text}${percent ? "%" : ""}${literal(suffix)}`;
}

function plainNumber(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function literal(part: string): string {
  return part.replace(/"([^"]*)"|\\(.)/g, (_, quoted: string | undefined, escaped: string | undefined) => quoted ?? escaped ?? "");
}
