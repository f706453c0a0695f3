import { z } from "zod";
import { LOCALES } from "../platform/i18n.ts";
import { isoDate } from "../systems/systems.schema.ts";

/** `system-cards`: every AI system card of the organisation, as gzip-compressed JSON Lines (`jsonl`). */
export const REPORT_KINDS = ["board", "compliance", "system-cards"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ["pdf", "xlsx", "jsonl"] as const;
/** A report's file as sent: a PDF or an Excel workbook. */
export const REPORT_FILES = ["application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] as const;
/** A job's file: a report, or every system card as gzip-compressed JSON Lines. */
export const REPORT_JOB_FILES = [...REPORT_FILES, "application/gzip"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A framework id as the library names them (checked against the library by the service). */
const frameworkId = z.string().trim().min(1).max(60);

export const complianceParams = z.strictObject({ framework: frameworkId });
export type ComplianceParams = z.infer<typeof complianceParams>;

/** A period given by its first and last day; both absent: the organisation's current fiscal year. */
export const boardParams = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export type BoardParams = z.infer<typeof boardParams>;

const output = { format: z.enum(["pdf", "xlsx"]).default("pdf"), lang: z.enum(LOCALES).optional() };

export const complianceQuery = complianceParams.extend(output);
export const boardQuery = boardParams.extend(output);

/**
 * A report to write in the background. `params.framework` names the compliance report's framework;
 * `params.from`/`to` the board report's period (both absent: the current fiscal year).
 */
export const reportJobBody = z.strictObject({
  kind: z.enum(REPORT_KINDS),
  params: z.strictObject({ framework: frameworkId.optional(), from: isoDate.optional(), to: isoDate.optional() }).default({}),
  format: z.enum(REPORT_FORMATS).default("pdf"),
  lang: z.enum(LOCALES).optional(),
});
export type ReportJobBody = z.infer<typeof reportJobBody>;

/** What a caller may ask a report for: its kind, parameters, format and language. */
export type ReportRequest =
  | { kind: "compliance"; params: ComplianceParams; format: "pdf" | "xlsx"; lang: "ja" | "en" }
  | { kind: "board"; params: BoardParams; format: "pdf" | "xlsx"; lang: "ja" | "en" }
  | { kind: "system-cards"; params: Record<string, never>; format: "jsonl"; lang: "ja" | "en" };

const words = z.object({ ja: z.string(), en: z.string() });

export const reportJobView = z.object({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  format: z.enum(REPORT_FORMATS),
  lang: z.enum(LOCALES),
  status: z.enum(["queued", "running", "done", "failed"]),
  /** Steps done of the steps the report takes, and the one under way in both languages. */
  progress: z.object({ done: z.number().int(), total: z.number().int(), stage: z.string(), label: words }),
  /** Set once done: the download's name and size. */
  file: z.object({ name: z.string(), size: z.number().int(), href: z.string() }).nullable(),
  /** Set when failed: the error code and its message in both languages. */
  error: z.object({ code: z.string(), message: words }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ReportJobView = z.infer<typeof reportJobView>;
