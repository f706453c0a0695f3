import type { ImportLimits } from "../../platform/config.ts";
import type { GridRow } from "./table.grid.ts";
import { MAX_CELL_CHARS, tooLarge } from "./upload.limits.ts";
import { unescapeOoxml, type Workbook } from "./xlsx.parts.ts";
import { formatDate, formatNumber } from "./xlsx.format.ts";
import { attribute, ownString, type XmlHandler } from "./xml.scan.ts";

/**
 * Reads a worksheet's XML as it streams: each `<row>` becomes a row of display texts as soon as it
 * closes, and the row, column and cell limits are checked as rows arrive — so a sheet of millions
 * of rows is refused after the first rows past the limit, never held. Merged ranges come after the
 * cells in the XML; {@link finish} applies them.
 */
export class SheetReader implements XmlHandler {
  wantText = false;
  private readonly grid: GridRow[] = [];
  private readonly merges: string[] = [];
  private cellCount = 0;
  private inSheetData = false;
  private row: string[] | undefined;
  private line = 0;
  private column = 0;
  private cell: { column: number; type: string; style: number } | undefined;
  private value: string | undefined;
  private formula = false;
  private inline: string[] | undefined;
  private phonetic = 0;
  private buffer = "";

  constructor(
    private readonly book: Workbook,
    private readonly limits: ImportLimits,
    private readonly fileName: string,
  ) {}

  open(name: string, attrs: string, selfClosing: boolean): void {
    switch (name) {
      case "sheetData":
        this.inSheetData = !selfClosing;
        break;
      case "row": {
        if (!this.inSheetData) break;
        const r = attribute(attrs, "r");
        this.line = r ? parseInt(r, 10) : this.line + 1;
        this.row = [];
        this.column = 0;
        break;
      }
      case "c": {
        if (!this.row) break;
        const ref = attribute(attrs, "r");
        const style = attribute(attrs, "s");
        this.column = ref ? columnOf(ref) : this.column + 1;
        this.cell = { column: this.column, type: attribute(attrs, "t") ?? "n", style: style ? parseInt(style, 10) : 0 };
        this.value = undefined;
        this.formula = false;
        this.inline = undefined;
        break;
      }
      case "v":
        if (this.cell) this.capture(selfClosing);
        break;
      case "f":
        if (this.cell) this.formula = true;
        break;
      case "is":
        if (this.cell) this.inline = [];
        break;
      case "rPh":
        if (this.inline && !selfClosing) this.phonetic++;
        break;
      case "t":
        if (this.inline && this.phonetic === 0) this.capture(selfClosing);
        break;
      case "mergeCell": {
        const ref = attribute(attrs, "ref");
        if (ref) this.merges.push(ref);
        break;
      }
    }
  }

  text(text: string): void {
    this.buffer += text;
  }

  close(name: string): void {
    switch (name) {
      case "v":
        if (this.wantText && this.cell && !this.inline) this.value = this.release();
        break;
      case "t":
        if (this.wantText && this.inline) this.inline.push(unescapeOoxml(this.release()));
        break;
      case "rPh":
        if (this.phonetic > 0) this.phonetic--;
        break;
      case "c":
        if (this.cell) this.finishCell(this.cell);
        this.cell = undefined;
        break;
      case "row":
        if (this.row && this.row.length > 0) this.pushRow({ line: this.line, cells: this.row });
        this.row = undefined;
        break;
      case "sheetData":
        this.inSheetData = false;
        break;
    }
  }

  /** The sheet's rows in order, merged ranges applied; empty when the sheet has no content. */
  finish(): GridRow[] {
    const grid = this.grid;
    for (let i = 1; i < grid.length; i++) {
      if (grid[i]!.line <= grid[i - 1]!.line) {
        grid.sort((a, b) => a.line - b.line);
        break;
      }
    }
    if (this.merges.length > 0 && grid.length > 0) applyMerges(grid, this.merges, () => this.spendCells(1), (row) => this.pushRow(row));
    if (this.merges.length > 0) grid.sort((a, b) => a.line - b.line);
    return grid;
  }

  private capture(selfClosing: boolean) {
    this.buffer = "";
    if (selfClosing) {
      if (this.inline) this.inline.push("");
      else this.value = "";
    } else this.wantText = true;
  }

  private release(): string {
    const text = this.buffer;
    this.buffer = "";
    this.wantText = false;
    if (text.length > MAX_CELL_CHARS) throw tooLarge(this.fileName, "cell_chars", MAX_CELL_CHARS);
    return text;
  }

  private finishCell(cell: { column: number; type: string; style: number }) {
    if (this.value === undefined && this.inline === undefined && !this.formula) return;
    if (cell.column > this.limits.columns) throw tooLarge(this.fileName, "columns", this.limits.columns);
    const text = this.cellText(cell);
    if (text.length > MAX_CELL_CHARS) throw tooLarge(this.fileName, "cell_chars", MAX_CELL_CHARS);
    const row = this.row!;
    while (row.length < cell.column - 1) row.push("");
    row[cell.column - 1] = ownString(text);
  }

  /** A cell as Excel displays it: shared and inline strings, formula results, booleans, dates, numbers. */
  private cellText(cell: { type: string; style: number }): string {
    const v = this.value;
    switch (cell.type) {
      case "s":
        return v === undefined ? "" : (this.book.sharedStrings[parseInt(v, 10)] ?? "");
      case "inlineStr":
        return this.inline ? this.inline.join("") : (v ?? "");
      case "str":
      case "e":
        return v ?? "";
      case "b":
        return v === undefined || v === "" ? "" : parseInt(v, 10) !== 0 ? "TRUE" : "FALSE";
      case "d":
        // ISO 8601 without an offset is the cell's own clock time; read it as UTC, as serial dates are.
        return v ? formatDate(new Date(v.includes("T") && !/(Z|[+-]\d\d:?\d\d)$/.test(v) ? `${v}Z` : v)) : "";
      default: {
        if (v === undefined || v === "") return "";
        const n = parseFloat(v);
        const numFmt = this.book.numFmtOf(cell.style);
        return isDateFormat(numFmt) ? formatDate(excelDate(n, this.book.date1904)) : formatNumber(n, numFmt);
      }
    }
  }

  private pushRow(row: GridRow) {
    if (this.grid.length >= this.limits.rows) throw tooLarge(this.fileName, "rows", this.limits.rows);
    this.spendCells(row.cells.length);
    this.grid.push(row);
  }

  private spendCells(n: number) {
    this.cellCount += n;
    if (this.cellCount > this.limits.cells) throw tooLarge(this.fileName, "cells", this.limits.cells);
  }
}

/**
 * As ExcelJS read merges: a vertically merged cell (a department spanning several systems) is read
 * into every row it covers; the other cells of a merged range read as empty, so a title merged
 * across the top does not pass for a header row. Each cell a merge writes or visits is spent from
 * the cell budget, so a crafted range of a million rows costs no more than a million real cells.
 */
function applyMerges(grid: GridRow[], merges: string[], spend: () => void, add: (row: GridRow) => void): void {
  const byLine = new Map(grid.map((r) => [r.line, r]));
  for (const ref of merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(ref);
    if (!m) continue;
    const [c1, c2] = [columnOf(m[1]!), columnOf(m[3]!)].sort((a, b) => a - b) as [number, number];
    const [r1, r2] = [Number(m[2]), Number(m[4])].sort((a, b) => a - b) as [number, number];
    const master = byLine.get(r1)?.cells[c1 - 1] ?? "";
    for (let line = r1; line <= r2; line++) {
      let row = byLine.get(line);
      if (!row && master !== "") {
        row = { line, cells: [] };
        add(row);
        byLine.set(line, row);
      }
      spend();
      if (!row) continue;
      const cells = row.cells;
      if (line > r1 && master !== "") {
        while (cells.length < c1 - 1) cells.push("");
        cells[c1 - 1] = master;
      }
      for (let c = c1; c < c2 && c < cells.length; c++) {
        cells[c] = "";
        spend();
      }
    }
  }
}

/** The 1-based column of a cell reference: `B5` → 2, `AA1` → 27. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** ExcelJS's rule: a format is a date format when, outside quotes and brackets, it has y m d h s or b. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** An Excel serial date as a UTC date, in the 1900 or the 1904 date system. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}
