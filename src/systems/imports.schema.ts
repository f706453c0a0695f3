import { z } from "zod";
import { importMapping, mappingEntry } from "./io/import.mapping.ts";
import { UPSERT_KEYS } from "./imports.upsert.ts";
import { CREATABLE } from "./io/import.missing.ts";
import { fieldText } from "../platform/http/field-messages.ts";

const bilingual = z.object({ en: z.string(), ja: z.string() });
export const rowError = z.object({ line: z.number().int(), column: z.string().optional(), field: z.string().optional(), code: z.string(), message: bilingual });

export const importReport = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** The first 500 problems, each naming the row as Excel numbers it, the column and the field; all of them: `GET /api/imports/{id}/problems`. */
  errors: z.array(rowError),
  truncated: z.boolean(),
  /** The first 500 things that go in but deserve a look (U+FFFD, control characters), and how many there are. */
  warnings: z.array(rowError),
  warningCount: z.number().int(),
  /** Departments and owners the import creates (only those rows that go in name). */
  created: z.object({ departments: z.array(z.object({ code: z.string(), name: z.string() })), owners: z.array(z.string()) }).optional(),
  /** With an upsert key: rows that create a system, change one, or match one exactly (nothing to write). */
  upsert: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }).optional(),
  /** Committed with `skipInvalid`: the rows left out (the first 1,000; all of them in the problems download). */
  skippedLines: z.array(z.number().int()).optional(),
  /** An incident import: rows an earlier import already brought in (same id), left as they are. */
  unchanged: z.number().int().optional(),
  failure: z.string().optional(),
});

export const IMPORT_STATUSES = ["uploaded", "validating", "committing", "committed", "failed"] as const;

export const importView = z.object({
  id: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  status: z.enum(IMPORT_STATUSES),
  total: z.number().int(),
  imported: z.number().int(),
  progress: z.object({ phase: z.enum(["validating", "classifying", "writing"]), done: z.number().int(), total: z.number().int() }).optional(),
  report: importReport.optional(),
  format: z.enum(["csv", "xlsx", "json"]).optional(),
  recordsPath: z.string().optional(),
  encoding: z.string().optional(),
  sheets: z.array(z.string()).optional(),
  sheet: z.string().optional(),
  headerRow: z.number().int().optional(),
  /** How many rows the header spans, when more than one. */
  headerRows: z.number().int().optional(),
  headers: z.array(z.string()).optional(),
  sample: z.array(z.array(z.string())).optional(),
  suggestedMapping: importMapping.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportView = z.infer<typeof importView>;

/** How the file is read: a CSV's encoding, a workbook's sheet, the row holding the headers. */
export const readOptions = z.strictObject({
  sheet: z.string().max(200).optional(),
  headerRow: z.number().int().min(1).max(1000).optional(),
  /** How many rows the header spans (a group heading above the column names); 1 by default. */
  headerRows: z.number().int().min(1).max(5).optional(),
  encoding: z.enum(["utf-8", "shift_jis"]).optional(),
  /** For a JSON register: the dotted path of its list of records (`data.items`); by default the first list of objects. */
  recordsPath: z.string().max(300).optional(),
  /** Rows to leave out wherever they are (notes, sub-headers, totals), as Excel numbers them: `"2-3, 10"`. */
  skipRows: z.string().max(2000).regex(/^\s*(\d+(\s*[-–〜~]\s*\d+)?)?(\s*[,、，]\s*\d+(\s*[-–〜~]\s*\d+)?)*\s*$/, fieldText("row_list")).optional(),
});
export type ReadOptions = z.infer<typeof readOptions>;

/** The problems download's media types: CSV (UTF-8) or an Excel workbook. */
export const PROBLEMS_FILES = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] as const;

/** What any import answers when its file cannot be read as a table (documented on each route that reads it). */
export const UNREADABLE = { 422: { description: "import_unreadable: the file cannot be read as a table (its encoding, sheet, header row, or more rows or columns than allowed); details say which, in Japanese and English" } } as const;

/** A commit's answers besides success: the unreadable file, or rows that do not pass without skipInvalid. */
export const COMMIT_REFUSED = { 422: { description: "import_unreadable (as when reading), or import_has_errors: some rows are invalid and skipInvalid is false; details carry the rows' report, and nothing is written" } } as const;

/** The problems download of any import: as CSV or XLSX, in the person's language or the one asked for. */
export const problemsQuery = z.strictObject({ format: z.enum(["csv", "xlsx"]).default("csv"), lang: z.enum(["ja", "en"]).optional() });

export const importOptions = readOptions.extend({
  mapping: importMapping,
  /**
   * Rows matching a system already in the inventory by this key (its code, or a name) update the
   * fields their mapped columns fill instead of creating a second system; absent, every row is new.
   */
  upsertBy: z.enum(UPSERT_KEYS).optional(),
  /**
   * Create the departments and owners rows name that the organisation does not have: a department
   * with the cell as its name (and code, when the cell is one), an owner as a viewer with no
   * password anyone knows. Without it such a row is refused.
   */
  createMissing: z.array(z.enum(CREATABLE)).max(CREATABLE.length).optional(),
});

/** Which column's values to list, read as which field, cut by which rule. */
export const columnValuesBody = readOptions.extend({ column: mappingEntry.shape.column, field: mappingEntry.shape.field, split: mappingEntry.shape.split });
export type ColumnValuesBody = z.infer<typeof columnValuesBody>;

export const columnValuesView = z.object({
  column: z.string(),
  field: mappingEntry.shape.field,
  blank: z.number().int(),
  values: z.array(z.object({ value: z.string(), rows: z.number().int(), reading: z.string().nullable() })),
  more: z.number().int(),
});
export type ImportOptions = z.infer<typeof importOptions>;
export const commitBody = importOptions.extend({ skipInvalid: z.boolean().default(false) });

export const previewView = importReport.extend({
  /** The first 20 rows that change a system: the system's code and each field from what to what. */
  changes: z.array(z.object({ line: z.number().int(), code: z.string(), fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })) })),
  sample: z.array(z.record(z.string(), z.unknown())),
});
export type PreviewView = z.infer<typeof previewView>;
