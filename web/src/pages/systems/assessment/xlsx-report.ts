import type { ApplyResult, ReportRow, ShownValue, WorkbookReport } from "../../../api/assessments-xlsx.ts";
import type { NoticeMessage } from "../../../components/notice-message.ts";
import { ApiError } from "../../../api/client.ts";
import type { Locale } from "../../../api/types.ts";

/** The rows the preview lists: what would change, conflict or be refused; unchanged ones only on request. */
export function listedRows(report: WorkbookReport, showUnchanged: boolean): ReportRow[] {
  return report.rows.filter((r) => showUnchanged || r.outcome !== "unchanged");
}

/**
 * What confirming would write: the changes, plus the conflicts the person chose to overwrite. It
 * may be confirmed only when that is something, and when no invalid row would refuse the file.
 */
export function applyPlan(report: WorkbookReport, overwrite: ReadonlyMap<number, number>, skipInvalid: boolean): { count: number; blocked: boolean } {
  const count = report.counts.change + overwrite.size;
  return { count, blocked: count === 0 || (report.counts.invalid > 0 && !skipInvalid) };
}

/** A value as the report words it in `lang`; null for a blank cell. */
export function shownText(v: ShownValue, lang: Locale): string | null {
  return v.text ? v.text[lang] : null;
}

/** The sentence a refused workbook's details carry (which workbook it is not, which column is missing). */
export function workbookProblem(error: unknown, lang: Locale): string | undefined {
  if (!(error instanceof ApiError) || error.code !== "workbook_mismatch") return undefined;
  const message = (error.details as { message?: Partial<Record<Locale, string>> } | undefined)?.message;
  return message?.[lang];
}

/** The page's message after an import: how many rows were written, and how many were left out and why. */
export function appliedNotice(result: ApplyResult): NoticeMessage {
  const count = result.applied.length + result.overwritten.length;
  const { conflict, invalid } = result.skipped;
  if (conflict.length === 0 && invalid.length === 0) return { kind: "success", text: (i) => i.t("assessments.xlsx.applied", { count: i.number(count) }) };
  return {
    kind: "warning",
    text: (i) => i.t("assessments.xlsx.appliedSkipped", { count: i.number(count), conflict: i.number(conflict.length), invalid: i.number(invalid.length) }),
  };
}
