import { z } from "zod";
import { LOCALES } from "../platform/i18n.ts";
import { EDITABLE_FIELDS } from "./assessments.xlsx.labels.ts";

const bilingual = z.object({ ja: z.string(), en: z.string() });
const text = z.object({ ja: z.string().optional(), en: z.string().optional() });

/** A value as the report shows it: the stored value (status code, e-mail, ISO date, text) and its words. */
const shown = z.object({ value: z.string().nullable(), text: bilingual.nullable() });

/** One field of one row, from one value to another, with the column's name in both languages. */
export const fieldChange = z.object({ field: z.enum(EDITABLE_FIELDS), label: bilingual, from: shown, to: shown });
export type FieldChange = z.infer<typeof fieldChange>;

export const rowProblem = z.object({ code: z.string(), field: z.enum(EDITABLE_FIELDS).optional(), message: bilingual });
export type RowProblem = z.infer<typeof rowProblem>;

export const ROW_OUTCOMES = ["unchanged", "change", "conflict", "invalid"] as const;

/** What the import would do with one row of the items sheet, by its row number. */
export const reportRow = z.object({
  line: z.number().int(),
  /** The requirement the row stands for; null for a row the export did not write. */
  requirement: z.object({ label: text, title: text.optional() }).nullable(),
  outcome: z.enum(ROW_OUTCOMES),
  /** `change`: Musubi's current value → the workbook's, for each field the workbook changed. */
  changes: z.array(fieldChange),
  /**
   * `conflict`: the row changed in Musubi since the export (its version moved on) and the workbook
   * changed it too. `musubi` is export → Musubi now, `workbook` export → workbook. To take the
   * workbook's values anyway, name the row with `version` in the apply's `overwrite`.
   */
  conflict: z
    .object({ musubi: z.array(fieldChange), workbook: z.array(fieldChange), version: z.number().int(), changedAt: z.string(), canOverwrite: z.boolean() })
    .optional(),
  /** `unchanged` rows the workbook left as exported while Musubi changed them since: nothing is written. */
  changedInMusubi: z.boolean(),
  problems: z.array(rowProblem),
});
export type ReportRow = z.infer<typeof reportRow>;

export const workbookReport = z.object({
  assessment: z.object({ id: z.string(), frameworkName: text, system: z.object({ code: z.string(), nameJa: z.string(), nameEn: z.string() }) }),
  exportedAt: z.string(),
  counts: z.record(z.enum(ROW_OUTCOMES), z.number().int()),
  rows: z.array(reportRow),
});
export type WorkbookReport = z.infer<typeof workbookReport>;

export const exportXlsxQuery = z.object({
  lang: z.enum(LOCALES).optional().meta({ description: "Language of the workbook; by default the one negotiated from Accept-Language (a download link cannot send the UI's)" }),
});

/** `12:5,14:3` → row 12 at Musubi version 5, row 14 at version 3. */
const overwriteList = z
  .string()
  .max(20_000)
  .regex(/^\d{1,7}:\d{1,9}(,\d{1,7}:\d{1,9})*$/)
  .transform((s) => new Map(s.split(",").map((pair) => pair.split(":").map(Number) as [number, number])));

export const applyXlsxQuery = z.object({
  /** Write the valid rows and leave out the invalid ones; without it, any invalid row refuses the whole file (422 `import_has_errors`). */
  skipInvalid: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  overwrite: overwriteList.optional().meta({
    description:
      "Conflicting rows whose workbook values should win, each as `row:version` with the Musubi version the preview showed; a row that changed again since is still skipped. Conflicts not named are skipped and listed.",
  }),
});
export type ApplyXlsxQuery = z.infer<typeof applyXlsxQuery>;

export const applyResult = z.object({
  /** Rows written (row numbers of the items sheet). */
  applied: z.array(z.number().int()),
  /** Conflicting rows written because the caller chose the workbook's values. */
  overwritten: z.array(z.number().int()),
  skipped: z.object({ conflict: z.array(z.number().int()), invalid: z.array(z.number().int()) }),
  /** The comparison as it stood when the rows were written. */
  report: workbookReport,
});
export type ApplyResult = z.infer<typeof applyResult>;
