import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "../../platform/config.ts";
import { headerScore } from "./import.headers.ts";
import { readCsvGrid, type TextEncodingName } from "./table.csv.ts";
import { columnLetter, unreadable, type GridRow } from "./table.grid.ts";
import { readXlsxGrid } from "./table.xlsx.ts";
import { readJsonGrid } from "./table.json.ts";

/** A tabular file as rows of text cells under one header row, whatever format it came in. */
export interface Table {
  format: "csv" | "xlsx" | "json";
  /** For JSON: where the records were found (dotted path; "" for a top-level list or JSON Lines). */
  recordsPath?: string;
  /** How a CSV file was decoded; absent for XLSX. */
  encoding?: TextEncodingName;
  /** Every worksheet of an XLSX file, for the person to pick another. */
  sheets?: string[];
  sheet?: string;
  /** 1-based row number of the header row (the first one when the header spans several). */
  headerRow: number;
  /** How many rows the header spans; 1 unless the person said more. */
  headerRows?: number;
  /** Unique, non-empty header texts: a blank header is named by its column letter, a repeated one gets " (2)". */
  headers: string[];
  /**
   * Rows below the header that have any text. `line` is the row number Excel shows (for CSV the
   * record number, which is also the text-editor line unless a quoted cell spans lines); `cells`
   * may be shorter or longer than `headers` — validation reports such ragged rows.
   */
  rows: { line: number; cells: string[] }[];
}

export interface ReadTableOptions {
  /** Overrides encoding detection for CSV. */
  encoding?: "utf-8" | "shift_jis";
  /** The XLSX worksheet to read; by default the first visible one with content. */
  sheet?: string;
  /** 1-based header row; by default the row among the first 20 that best reads as headers. */
  headerRow?: number;
  /**
   * How many rows the header spans (1–5; registers group columns under a heading above them).
   * Each column is named by its cells from top to bottom joined with " / ", a heading running on
   * over the blank cells to its right, as a merged cell shows it.
   */
  headerRows?: number;
  /** Rows to leave out wherever they are (notes, sub-headers, totals), as Excel numbers them: `"2-3, 10"`. */
  skipRows?: string;
  /** For JSON: the dotted path of the list of records (`data.items`); by default the first list of objects. */
  recordsPath?: string;
  /** Bounds on rows, columns, cells and uncompressed bytes; past one, a 413 `import_too_large`. */
  limits?: ImportLimits;
}

const TEXT_EXTENSIONS = new Set(["csv", "tsv", "txt"]);
const JSON_EXTENSIONS = new Set(["json", "jsonl", "ndjson"]);
const XLSX_EXTENSIONS = new Set(["xlsx", "xlsm"]);
const HEADER_SCAN_ROWS = 20;

/**
 * Reads a CSV/TSV (UTF-8, Shift_JIS/CP932 or UTF-16) or XLSX file into a `Table`. The format is
 * decided by content where it can be (a ZIP is read as XLSX even when named `.csv`), otherwise by
 * extension. Anything else, or a broken file, is refused with 422 `import_unreadable`; a file past
 * `opts.limits` with 413 `import_too_large`. This runs on the calling thread: the server reads
 * uploads through `readTableOffThread`, which runs it in a worker.
 */
export async function readTable(bytes: Uint8Array, fileName: string, opts: ReadTableOptions = {}): Promise<Table> {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (bytes.length === 0) throw unreadable(fileName, "empty", "The file is empty.", "ファイルが空です。");
  if (isZip(bytes) && (XLSX_EXTENSIONS.has(ext) || TEXT_EXTENSIONS.has(ext) || ext === "")) {
    const { sheets, sheet, grid } = await readXlsxGrid(bytes, fileName, opts.sheet, opts.limits ?? DEFAULT_IMPORT_LIMITS);
    return { format: "xlsx", sheets, sheet, ...shapeTable(grid, fileName, opts) };
  }
  if (JSON_EXTENSIONS.has(ext)) {
    const { grid, recordsPath } = readJsonGrid(bytes, fileName, opts.recordsPath, opts.limits ?? DEFAULT_IMPORT_LIMITS);
    // The keys are the header: never guessed from the records.
    return { format: "json", recordsPath, ...shapeTable(grid, fileName, { headerRow: 1, skipRows: opts.skipRows }) };
  }
  if (isOle(bytes) || ext === "xls") {
    throw unreadable(
      fileName,
      "xls_unsupported",
      "Old Excel files (.xls) cannot be read; save the file as .xlsx or CSV and try again.",
      "旧形式のExcelファイル（.xls）は読み込めません。.xlsx又はCSV形式で保存し直してください。",
    );
  }
  if (XLSX_EXTENSIONS.has(ext)) {
    throw unreadable(fileName, "bad_xlsx", "The file is not a valid .xlsx workbook.", "有効な.xlsxファイルではありません。");
  }
  if (!TEXT_EXTENSIONS.has(ext) && ext !== "") {
    throw unreadable(
      fileName,
      "unsupported_type",
      "Upload a CSV, Excel (.xlsx) or JSON file.",
      "CSV、Excel（.xlsx）又はJSONファイルをアップロードしてください。",
    );
  }
  const { encoding, grid } = readCsvGrid(bytes, fileName, opts.encoding, opts.limits ?? DEFAULT_IMPORT_LIMITS);
  return { format: "csv", encoding, ...shapeTable(grid, fileName, opts) };
}

function isZip(b: Uint8Array): boolean {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

function isOle(b: Uint8Array): boolean {
  return b.length > 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== "" && c.trim() !== "") return false;
  return true;
}

/**
 * Row numbers from a list such as `"2-3, 10"`. Musubi's own syntax; the schema of the read options
 * checks it before it gets here, so anything else simply names no row.
 */
export function parseRowList(spec: string | undefined): (line: number) => boolean {
  if (!spec || spec.trim() === "") return () => false;
  const ranges: [number, number][] = [];
  for (const part of spec.replace(/\s*([-–〜~])\s*/g, "$1").split(/[,、，\s]+/)) {
    const m = /^(\d+)(?:[-–〜~](\d+))?$/.exec(part.trim());
    if (m) ranges.push([Number(m[1]), Number(m[2] ?? m[1])]);
  }
  return (line) => ranges.some(([a, b]) => line >= Math.min(a, b) && line <= Math.max(a, b));
}

/** Same cells as the header: a header repeated below it (files joined together, page breaks), never a record. */
function repeatsHeader(cells: readonly string[], header: readonly string[]): boolean {
  let any = false;
  for (let i = 0; i < Math.max(cells.length, header.length); i++) {
    const a = (cells[i] ?? "").trim();
    if (a !== (header[i] ?? "").trim()) return false;
    if (a !== "") any = true;
  }
  return any;
}

/**
 * Picks the header row (or rows), names the columns, and keeps the rows below it that have text,
 * are not among `skipRows` and do not repeat the header.
 */
function shapeTable(grid: GridRow[], fileName: string, opts: Pick<ReadTableOptions, "headerRow" | "headerRows" | "skipRows">): Pick<Table, "headerRow" | "headerRows" | "headers" | "rows"> {
  const { headerRow, skipRows } = opts;
  const span = Math.max(1, Math.min(MAX_HEADER_ROWS, opts.headerRows ?? 1));
  const at = headerRow === undefined ? findHeaderIndex(grid, span) : grid.findIndex((r) => r.line === headerRow);
  if (at < 0) {
    throw headerRow === undefined
      ? unreadable(fileName, "empty", "The file has no rows.", "ファイルに行がありません。")
      : unreadable(fileName, "no_header", `Row ${headerRow} is empty or beyond the end of the file.`, `${headerRow}行目は空か、ファイルの範囲外です。`, { headerRow });
  }
  const header = grid[at]!;
  const cells = span === 1 ? header.cells : joinHeaderRows(grid.slice(at, at + span).map((r) => r.cells));
  const skipped = parseRowList(skipRows);
  const rows: GridRow[] = [];
  for (let i = at + span; i < grid.length; i++) {
    const row = grid[i]!;
    if (!isBlank(row.cells) && !skipped(row.line) && !repeatsHeader(row.cells, header.cells)) rows.push(row);
  }
  return { headerRow: header.line, ...(span > 1 && { headerRows: span }), headers: nameColumns(cells), rows };
}

/** The most rows a header may span. */
export const MAX_HEADER_ROWS = 5;

/**
 * One label per column from a header of several rows: the cells from top to bottom joined with
 * " / ". In every row but the last, a blank cell takes the heading to its left while the rows
 * above it stay the same — what a merged cell spanning those columns shows in Excel. The last row
 * names single columns, so its blanks stay blank.
 */
export function joinHeaderRows(rows: readonly (readonly string[])[]): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const labels: string[][] = Array.from({ length: width }, () => []);
  let parents: string[] = Array.from({ length: width }, () => "");
  rows.forEach((row, r) => {
    const last = r === rows.length - 1;
    const filled: string[] = [];
    for (let i = 0; i < width; i++) {
      const own = (row[i] ?? "").trim();
      filled[i] = own !== "" || last || i === 0 || parents[i] !== parents[i - 1] ? own : filled[i - 1]!;
    }
    for (let i = 0; i < width; i++) {
      if (filled[i] !== "" && labels[i]!.at(-1) !== filled[i]) labels[i]!.push(filled[i]!);
    }
    parents = parents.map((p, i) => `${p}\u0000${filled[i]}`);
  });
  return labels.map((parts) => parts.join(" / "));
}

/**
 * Registers (台帳) often carry a title and a date above the header. Among the first rows with at
 * least two filled cells, the header is the one most cells of which read as known header words;
 * with no such words, the first of them. A header of `span` rows is scored as its joined labels,
 * each also by its last part (the column's own word under a group heading).
 */
function findHeaderIndex(grid: GridRow[], span = 1): number {
  let first = -1;
  let best = -1;
  let bestScore = 0;
  let seen = 0;
  for (let i = 0; i < grid.length && seen < HEADER_SCAN_ROWS; i++) {
    const cells = grid[i]!.cells;
    if (isBlank(cells)) continue;
    seen++;
    if (first < 0) first = i;
    if (span === 1 && cells.filter((c) => c.trim() !== "").length < 2) continue;
    const labels = span === 1 ? cells : joinHeaderRows(grid.slice(i, i + span).map((r) => r.cells));
    const score = span === 1 ? headerScore(labels) : Math.max(headerScore(labels), headerScore(labels.map((l) => l.split(" / ").at(-1) ?? "")));
    if (best < 0 || score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best >= 0 ? best : first;
}

function nameColumns(cells: string[]): string[] {
  let width = cells.length;
  while (width > 0 && cells[width - 1]!.trim() === "") width--;
  const used = new Set<string>();
  const headers: string[] = [];
  for (let i = 0; i < width; i++) {
    const base = cells[i]!.trim() || `(${columnLetter(i)})`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    headers.push(name);
  }
  return headers;
}
