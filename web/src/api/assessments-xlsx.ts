import { postBytes, queryString, type UploadAuth } from "./client.ts";
import type { BilingualText, Locale } from "./types.ts";

/**
 * The assessment's Excel round trip as the web UI sees it. Kept by hand beside the server's zod
 * schemas (src/compliance/assessments.xlsx.schema.ts, docs/compliance-api.md).
 */

const enc = encodeURIComponent;

export type WorkbookField = "status" | "justification" | "owner" | "dueDate" | "comment";
export type RowOutcome = "unchanged" | "change" | "conflict" | "invalid";

/** Words the server gives in both languages. */
export interface Both {
  ja: string;
  en: string;
}

export interface ShownValue {
  value: string | null;
  text: Both | null;
}

export interface FieldChange {
  field: WorkbookField;
  label: Both;
  from: ShownValue;
  to: ShownValue;
}

export interface ReportRow {
  line: number;
  requirement: { label: BilingualText; title?: BilingualText } | null;
  outcome: RowOutcome;
  changes: FieldChange[];
  conflict?: { musubi: FieldChange[]; workbook: FieldChange[]; version: number; changedAt: string; canOverwrite: boolean };
  changedInMusubi: boolean;
  problems: { code: string; field?: WorkbookField; message: Both }[];
}

export interface WorkbookReport {
  assessment: { id: string; frameworkName: BilingualText; system: { code: string; nameJa: string; nameEn: string } };
  exportedAt: string;
  counts: Record<RowOutcome, number>;
  rows: ReportRow[];
}

export interface ApplyResult {
  applied: number[];
  overwritten: number[];
  skipped: { conflict: number[]; invalid: number[] };
  report: WorkbookReport;
}

export const assessmentXlsxApi = {
  /** The workbook to fill in, in `lang` (a download link cannot send the UI's language otherwise). */
  exportHref: (id: string, lang: Locale) => `/api/assessments/${enc(id)}/xlsx${queryString({ lang })}`,
  preview: (id: string, file: File, auth: UploadAuth) => postBytes<WorkbookReport>(`/api/assessments/${enc(id)}/xlsx/preview`, file, auth),
  /** `overwrite`: conflicting rows whose workbook values win, by row number → the Musubi version the preview showed. */
  apply: (id: string, file: File, auth: UploadAuth, opts: { skipInvalid: boolean; overwrite: ReadonlyMap<number, number> }) =>
    postBytes<ApplyResult>(
      `/api/assessments/${enc(id)}/xlsx/apply${queryString({
        ...(opts.skipInvalid && { skipInvalid: "true" }),
        ...(opts.overwrite.size > 0 && { overwrite: [...opts.overwrite].map(([line, version]) => `${line}:${version}`).join(",") }),
      })}`,
      file,
      auth,
    ),
};
