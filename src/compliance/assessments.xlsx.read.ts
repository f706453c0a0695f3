import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "../platform/config.ts";
import { AppError } from "../platform/errors.ts";
import type { Locale } from "../platform/i18n.ts";
import type { Table } from "../systems/io/table.read.ts";
import { readTableOffThread } from "../systems/io/upload.offthread.ts";
import { FIRST_ITEM_LINE, type EditableValues } from "./assessments.xlsx.export.ts";
import { columnOfHeader, EDITABLE_FIELDS, META_SHEET, SHEETS, WORKBOOK_FORMAT, WORKBOOK_PROBLEMS, type ColumnKey, type WorkbookProblem } from "./assessments.xlsx.labels.ts";

/** One row as the hidden sheet recorded it at export. */
export interface ExportedRow {
  line: number;
  itemId: string;
  /** As written; checked to be a whole number by the import, which reports a row whose version is not. */
  version: string;
  fingerprint: string;
  exported: EditableValues;
}

/** The cells of one row of the items sheet the import reads: the five answers and the three that say which requirement it is. */
export type SheetCells = Record<"ref" | "title" | "text" | (typeof EDITABLE_FIELDS)[number], string>;

/** An uploaded assessment workbook, read but not yet compared with anything. */
export interface AssessmentWorkbook {
  assessmentId: string;
  exportedAt: string;
  locale: Locale;
  /** The rows the hidden sheet lists, in its order. */
  exported: ExportedRow[];
  /** The items sheet's non-blank rows by their row number. */
  sheet: Map<number, SheetCells>;
}

/** A 422 `workbook_mismatch`: the upload is not a workbook Musubi exported for this assessment. */
export function workbookMismatch(reason: WorkbookProblem, extra?: Record<string, unknown>): AppError {
  return new AppError(422, "workbook_mismatch", { reason, message: WORKBOOK_PROBLEMS[reason], ...extra });
}

const NEEDED: readonly (keyof SheetCells)[] = ["ref", "title", "text", ...EDITABLE_FIELDS];

/**
 * Reads an uploaded assessment workbook with the inventory import's reader — in a worker, within
 * the same bounds (rows, cells, uncompressed size, seconds, memory; 413 `import_too_large`) and
 * with the same decoding of Excel's `_x000D_` escapes — first its hidden sheet, then the items sheet
 * that sheet names. A file that is not such a workbook is refused whole (422 `workbook_mismatch`);
 * whether its rows belong to the assessment is for the comparison to say, row by row.
 */
export async function readAssessmentWorkbook(bytes: Uint8Array, fileName: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<AssessmentWorkbook> {
  const meta = await readSheet(bytes, fileName, META_SHEET, limits, "not_musubi_workbook");
  const values = new Map<string, string>();
  const exported: ExportedRow[] = [];
  for (const { cells } of meta.rows) {
    const [key = "", ...rest] = cells;
    if (key === "row") {
      const [line = "", itemId = "", version = "", fingerprint = "", status = "", justification = "", owner = "", dueDate = "", comment = ""] = rest;
      exported.push({ line: Number(line), itemId, version, fingerprint, exported: { status, justification, owner, dueDate, comment } });
    } else if (key !== "user" && !values.has(key)) values.set(key, rest[0] ?? "");
  }
  if (values.get("format") !== WORKBOOK_FORMAT || !values.get("assessment")) throw workbookMismatch("not_musubi_workbook");
  const locale: Locale = values.get("locale") === "en" ? "en" : "ja";
  const sheetName = values.get("sheet") || SHEETS.items[locale];
  const items = await readSheet(bytes, fileName, sheetName, limits, "items_sheet_missing");
  return { assessmentId: values.get("assessment")!, exportedAt: values.get("exportedAt") ?? "", locale, exported, sheet: itemCells(items) };
}

async function readSheet(bytes: Uint8Array, fileName: string, sheet: string, limits: ImportLimits, missing: WorkbookProblem): Promise<Table> {
  let table: Table & { format: string };
  try {
    table = await readTableOffThread(bytes, fileName.toLowerCase().endsWith(".xlsx") ? fileName : `${fileName}.xlsx`, { limits, sheet, headerRow: 1 });
  } catch (err) {
    // A sheet that is not there, or a file with no rows, is not the workbook Musubi wrote.
    const reason = err instanceof AppError && err.code === "import_unreadable" ? (err.details as { reason?: string } | undefined)?.reason : undefined;
    if (reason === "sheet_not_found") throw workbookMismatch(missing);
    if (reason === "no_header" || reason === "empty") throw workbookMismatch("not_musubi_workbook");
    throw err;
  }
  if (table.format !== "xlsx") throw workbookMismatch("not_musubi_workbook");
  return table;
}

/** The items sheet's rows by row number, its columns found by their headers in either language. */
function itemCells(table: Table): Map<number, SheetCells> {
  const at = new Map<ColumnKey, number>();
  table.headers.forEach((h, i) => {
    const key = columnOfHeader(h);
    if (key && !at.has(key)) at.set(key, i);
  });
  const missing = NEEDED.filter((k) => !at.has(k));
  if (missing.length > 0) throw workbookMismatch("column_missing", { columns: missing });
  const rows = new Map<number, SheetCells>();
  for (const { line, cells } of table.rows) {
    if (line < FIRST_ITEM_LINE) continue;
    rows.set(line, Object.fromEntries(NEEDED.map((k) => [k, cells[at.get(k)!] ?? ""])) as SheetCells);
  }
  return rows;
}
