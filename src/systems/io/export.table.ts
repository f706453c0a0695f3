import type { Locale } from "../../platform/i18n.ts";
import { exportCells, exportColumns, type ExportRecord } from "./export.cells.ts";
import { customMachineColumns, type CustomExport } from "./export.custom.ts";

/**
 * What a column holds, so each file format can write it its own way: a calendar date
 * (`YYYY-MM-DD`) becomes a real Excel date; an instant (ISO-8601 UTC) becomes the organisation's
 * wall-clock time; text stays text.
 */
export type ColumnKind = "text" | "date" | "instant";

/** One column of a sheet: its header and how its cells are written. */
export interface ExportColumn {
  header: string;
  kind: ColumnKind;
  /** Excel column width in characters. */
  width: number;
  /** Cells hold several lines (one model per line) or long text: wrapped in Excel. */
  wrap?: boolean;
}

/**
 * One sheet ready to write. Cells are text; date and instant cells are ISO strings that the
 * writer turns into dates. `reader` is set for a sheet read by people: dates are then written in
 * their language and instants in the organisation's time zone.
 */
export interface ExportTable {
  sheet: string;
  columns: ExportColumn[];
  rows: string[][];
  reader?: { locale: Locale; timeZone: string; frozenColumns: number };
}

const MACHINE_WIDTHS: Partial<Record<string, number>> = {
  code: 14, nameJa: 32, nameEn: 32, purpose: 50, businessOwnerEmail: 28, technicalOwnerEmail: 28, departmentCode: 14,
  lifecycle: 12, lastReviewedAt: 14, nextReviewAt: 14, countries: 12, euClass: 14, euClassFrom: 14,
};
const MACHINE_DATES = new Set(["lastReviewedAt", "nextReviewAt", "euClassFrom"]);

/**
 * The inventory for re-import into Musubi: field ids as headers, raw values (slugs, codes,
 * e-mails, the profile as JSON), exactly what `suggestMapping` and the import read back.
 */
export function machineTable(records: Iterable<ExportRecord>, custom?: CustomExport): ExportTable {
  const extra = customMachineColumns(custom);
  const rows: string[][] = [];
  for (const record of records) rows.push(extra.length ? [...exportCells(record), ...extra.map((c) => c.cell(record.custom))] : exportCells(record));
  return {
    sheet: "systems",
    columns: [
      ...exportColumns.map((c): ExportColumn => ({ header: c.header, kind: MACHINE_DATES.has(c.field) ? "date" : "text", width: MACHINE_WIDTHS[c.field] ?? 24 })),
      ...extra.map((c): ExportColumn => ({ header: c.header, kind: "text", width: 24 })),
    ],
    rows,
  };
}
